import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Dedup, outbox, presence and typing")
struct ConnectionRulesTests {
    private func at(_ seconds: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds) * 1_000_000_000) }

    @Test func aRetryWithinTheWindowGetsTheOriginalSequence() {
        var dedup = DedupWindow(window: .seconds(120))
        dedup.remember(42, sequence: 7, at: at(0))
        let retry = dedup.lookup(42, at: at(119))
        let otherMessage = dedup.lookup(43, at: at(119))
        let afterTheWindow = dedup.lookup(42, at: at(120))
        #expect(retry == 7)
        #expect(otherMessage == nil)
        #expect(afterTheWindow == nil)
        #expect(dedup.count == 0)
    }

    @Test func theDedupWindowForgetsInOrderAndStaysBounded() {
        var dedup = DedupWindow(window: .seconds(10))
        for second in 0..<100 { dedup.remember(UInt64(second), sequence: second, at: at(second)) }
        #expect(dedup.count == 10)
        let forgotten = dedup.lookup(89, at: at(99))
        let remembered = dedup.lookup(90, at: at(99))
        #expect(forgotten == nil)
        #expect(remembered == 90)
    }

    @Test func aFullOutboxDropsOrDisconnectsByPolicy() {
        var dropping = ConnectionOutbox<Int>(byteCap: 1_000, policy: .drop)
        let offers = [dropping.offer(1, bytes: 600), dropping.offer(2, bytes: 600), dropping.offer(3, bytes: 400)]
        #expect(offers == [.queued, .dropped, .queued])
        #expect(dropping.queuedBytes == 1_000 && dropping.dropped == 1)
        let first = dropping.take()
        let afterTaking = dropping.offer(4, bytes: 600)
        #expect(first == 1)
        #expect(afterTaking == .queued)
        let drained = [dropping.take(), dropping.take(), dropping.take()]
        #expect(drained == [3, 4, nil])

        var disconnecting = ConnectionOutbox<Int>(byteCap: 1_000, policy: .disconnect)
        let fits = disconnecting.offer(1, bytes: 900)
        let overflows = disconnecting.offer(2, bytes: 200)
        #expect(fits == .queued)
        #expect(overflows == .disconnect)
        #expect(disconnecting.count == 0 && disconnecting.queuedBytes == 0)
    }

    @Test func aUserIsOnlineWhileAnyConnectionLives() {
        var presence = PresenceTracker()
        let firstConnection = presence.connected(user: 7, connection: 1, at: at(0))
        let secondConnection = presence.connected(user: 7, connection: 2, at: at(1))
        let firstCloses = presence.disconnected(connection: 1, at: at(5))
        #expect(firstConnection == .cameOnline(user: 7, at: at(0)))
        #expect(secondConnection == nil)
        #expect(firstCloses == nil)
        #expect(presence.isOnline(7))
        let lastCloses = presence.disconnected(connection: 2, at: at(6))
        #expect(lastCloses == .wentOffline(user: 7, at: at(6)))
        #expect(!presence.isOnline(7))
        #expect(presence.lastSeen[7] == at(6))
        let closedTwice = presence.disconnected(connection: 2, at: at(7))
        #expect(closedTwice == nil)
    }

    @Test func aSilentConnectionIsFoundDeadByHeartbeatTimeout() {
        var presence = PresenceTracker(heartbeatTimeout: .seconds(45))
        _ = presence.connected(user: 1, connection: 10, at: at(0))
        _ = presence.connected(user: 2, connection: 20, at: at(0))
        presence.heartbeat(connection: 10, at: at(30))
        let atTheLimit = presence.expire(at: at(45))
        #expect(atTheLimit == PresenceTracker.Expiry(connections: [], changes: []))
        // User 2 went silent at 0 s (an unclean disconnect): gone after 45 s of silence.
        let pastIt = presence.expire(at: at(46))
        #expect(pastIt == PresenceTracker.Expiry(connections: [20], changes: [.wentOffline(user: 2, at: at(46))]))
        #expect(presence.lastSeen[2] == at(0))
        #expect(presence.onlineUsers == [1])
        let later = presence.expire(at: at(76))
        #expect(later == PresenceTracker.Expiry(connections: [10], changes: [.wentOffline(user: 1, at: at(76))]))
        #expect(presence.lastSeen[1] == at(30))
    }

    @Test func typingExpiresUnlessRenewedAndEndsWithAMessage() {
        var typing = TypingTracker(expiry: .seconds(5))
        let started = typing.typing(user: 1, room: 3, at: at(0))
        let renewal = typing.typing(user: 1, room: 3, at: at(4))
        #expect(started)
        #expect(!renewal)  // a renewal, not a new indicator
        #expect(typing.isTyping(user: 1, room: 3, at: at(8)))
        #expect(!typing.isTyping(user: 1, room: 3, at: at(9)))     // expired 5 s after the renewal
        let another = typing.typing(user: 2, room: 3, at: at(9))
        #expect(another)
        #expect(typing.typists(in: 3, at: at(10)) == [2])
        #expect(typing.typists(in: 4, at: at(10)).isEmpty)
        typing.stopped(user: 2, room: 3)
        #expect(typing.typists(in: 3, at: at(10)).isEmpty)
        let purged = typing.purge(at: at(20))
        #expect(purged == 1)
    }
}
