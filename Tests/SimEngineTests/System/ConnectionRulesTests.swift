import Testing
import SimEngine

@Suite("Dedup, outbox, presence and typing")
struct ConnectionRulesTests {
    private func at(_ seconds: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds) * 1_000_000_000) }

    @Test func aRetryWithinTheWindowGetsTheOriginalSequence() {
        var dedup = DedupWindow(window: .seconds(120))
        dedup.remember(42, sequence: 7, at: at(0))
        let result1 = dedup.lookup(42, at: at(119))
        #expect(result1 == 7)
        let result2 = dedup.lookup(43, at: at(119))
        #expect(result2 == nil)
        let result3 = dedup.lookup(42, at: at(120))
        #expect(result3 == nil)
        #expect(dedup.count == 0)
    }

    @Test func theDedupWindowForgetsInOrderAndStaysBounded() {
        var dedup = DedupWindow(window: .seconds(10))
        for second in 0..<100 { dedup.remember(UInt64(second), sequence: second, at: at(second)) }
        #expect(dedup.count == 10)
        let result4 = dedup.lookup(89, at: at(99))
        #expect(result4 == nil)
        let result5 = dedup.lookup(90, at: at(99))
        #expect(result5 == 90)
    }

    @Test func aFullOutboxDropsOrDisconnectsByPolicy() {
        var dropping = ConnectionOutbox<Int>(byteCap: 1_000, policy: .drop)
        let result6 = dropping.offer(1, bytes: 600)
        #expect(result6 == .queued)
        let result7 = dropping.offer(2, bytes: 600)
        #expect(result7 == .dropped)
        let result8 = dropping.offer(3, bytes: 400)
        #expect(result8 == .queued)
        #expect(dropping.queuedBytes == 1_000 && dropping.dropped == 1)
        let result9 = dropping.take()
        #expect(result9 == 1)
        let result10 = dropping.offer(4, bytes: 600)
        #expect(result10 == .queued)
        let drained = [dropping.take(), dropping.take(), dropping.take()]
        #expect(drained == [3, 4, nil])

        var disconnecting = ConnectionOutbox<Int>(byteCap: 1_000, policy: .disconnect)
        let result11 = disconnecting.offer(1, bytes: 900)
        #expect(result11 == .queued)
        let result12 = disconnecting.offer(2, bytes: 200)
        #expect(result12 == .disconnect)
        #expect(disconnecting.count == 0 && disconnecting.queuedBytes == 0)
    }

    @Test func aUserIsOnlineWhileAnyConnectionLives() {
        var presence = PresenceTracker()
        let result13 = presence.connected(user: 7, connection: 1, at: at(0))
        #expect(result13 == .cameOnline(user: 7, at: at(0)))
        let result14 = presence.connected(user: 7, connection: 2, at: at(1))
        #expect(result14 == nil)
        let result15 = presence.disconnected(connection: 1, at: at(5))
        #expect(result15 == nil)
        #expect(presence.isOnline(7))
        let result16 = presence.disconnected(connection: 2, at: at(6))
        #expect(result16 == .wentOffline(user: 7, at: at(6)))
        #expect(!presence.isOnline(7))
        #expect(presence.lastSeen[7] == at(6))
        let result17 = presence.disconnected(connection: 2, at: at(7))
        #expect(result17 == nil)
    }

    @Test func aSilentConnectionIsFoundDeadByHeartbeatTimeout() {
        var presence = PresenceTracker(heartbeatTimeout: .seconds(45))
        _ = presence.connected(user: 1, connection: 10, at: at(0))
        _ = presence.connected(user: 2, connection: 20, at: at(0))
        presence.heartbeat(connection: 10, at: at(30))
        let result18 = presence.expire(at: at(45))
        #expect(result18.isEmpty)
        // User 2 went silent at 0 s (an unclean disconnect): gone after 45 s of silence.
        let result19 = presence.expire(at: at(46))
        #expect(result19 == [.wentOffline(user: 2, at: at(46))])
        #expect(presence.lastSeen[2] == at(0))
        #expect(presence.onlineUsers == [1])
        let result20 = presence.expire(at: at(76))
        #expect(result20 == [.wentOffline(user: 1, at: at(76))])
        #expect(presence.lastSeen[1] == at(30))
    }

    @Test func typingExpiresUnlessRenewedAndEndsWithAMessage() {
        var typing = TypingTracker(expiry: .seconds(5))
        let result21 = typing.typing(user: 1, room: 3, at: at(0))
        #expect(result21)
        let renewal = typing.typing(user: 1, room: 3, at: at(4))
        #expect(!renewal)  // a renewal, not a new indicator
        #expect(typing.isTyping(user: 1, room: 3, at: at(8)))
        #expect(!typing.isTyping(user: 1, room: 3, at: at(9)))     // expired 5 s after the renewal
        let result22 = typing.typing(user: 2, room: 3, at: at(9))
        #expect(result22)
        #expect(typing.typists(in: 3, at: at(10)) == [2])
        #expect(typing.typists(in: 4, at: at(10)).isEmpty)
        typing.stopped(user: 2, room: 3)
        #expect(typing.typists(in: 3, at: at(10)).isEmpty)
        let result23 = typing.purge(at: at(20))
        #expect(result23 == 1)
    }
}
