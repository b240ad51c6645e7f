import Testing
import SimEvents
@testable import SimModel
import SimRuntime

/// A gateway's decisions about its connections, fed inputs directly: no engine, no actor.
@Suite("Gateway state machines")
struct GatewayStateMachineTests {
    private static func at(_ seconds: Double) -> SimulationInstant {
        SimulationInstant(nanoseconds: Int64((seconds * 1e9).rounded()))
    }

    /// A connection to a reader of `readBytesPerSecond` over a link of 10 ms, with a 1 KB outbox.
    private func connection(readBytesPerSecond: Double, policy: SlowConsumerPolicy = .drop) -> GatewayConnection {
        GatewayConnection(user: 7,
                          downlink: NetworkLink(profile: LinkProfile(latency: .constant(0.01)), random: RandomStream(key: 1)),
                          outbox: ConnectionOutbox(byteCap: 1_000, policy: policy), readBytesPerSecond: readBytesPerSecond)
    }

    private let frame = ServerFrame.receipt(ReceiptLedger.Receipt(kind: .read, user: 1, room: 2, from: 0, upTo: 3),
                                            since: .start)

    @Test func aReaderAtWireSpeedGetsEachFrameAfterTheLinkOnly() {
        var fast = connection(readBytesPerSecond: .infinity)
        #expect(fast.writesThrough)
        #expect(Array(fast.send(frame, bytes: 500, at: Self.at(1))) == [.deliver(frame, at: Self.at(1.01))])
        #expect(fast.writesThrough)
    }

    @Test func aSlowReaderIsWrittenToAtItsPaceAndItsQueueFillsToTheCap() {
        // 1,000 bytes a second: a 500-byte frame holds the socket for half a second.
        var slow = connection(readBytesPerSecond: 1_000)
        #expect(Array(slow.send(frame, bytes: 500, at: .start))
                == [.deliver(frame, at: Self.at(0.51)), .resumeWriting(at: Self.at(0.5))])
        #expect(!slow.writesThrough)
        // While it writes, frames wait: two fill the 1 KB cap, the third is dropped.
        #expect(Array(slow.send(frame, bytes: 500, at: Self.at(0.1))).isEmpty)
        #expect(Array(slow.send(frame, bytes: 500, at: Self.at(0.2))).isEmpty)
        #expect(Array(slow.send(frame, bytes: 500, at: Self.at(0.3))) == [.dropped])
        #expect(Array(slow.writeNext(at: Self.at(0.5)))
                == [.deliver(frame, at: Self.at(1.01)), .resumeWriting(at: Self.at(1))])
        #expect(Array(slow.writeNext(at: Self.at(1))) == [.deliver(frame, at: Self.at(1.51)), .resumeWriting(at: Self.at(1.5))])
        // Nothing left: the socket goes idle.
        #expect(Array(slow.writeNext(at: Self.at(1.5))).isEmpty && slow.outbox.count == 0)
    }

    @Test func underTheDisconnectPolicyAFullQueueClosesTheConnection() {
        var slow = connection(readBytesPerSecond: 1_000, policy: .disconnect)
        for second in 0..<3 { _ = slow.send(frame, bytes: 500, at: Self.at(Double(second) / 10)) }
        #expect(Array(slow.send(frame, bytes: 500, at: Self.at(0.4))) == [.disconnect])
    }

    @Test func aCutDownlinkLosesFramesSilently() {
        var fast = connection(readBytesPerSecond: .infinity)
        fast.downlink.cut()
        #expect(Array(fast.send(frame, bytes: 100, at: .start)).isEmpty)
    }

    @Test func aSessionIsResumedOnceAndOnlyInTime() {
        var sessions = SessionStore()
        sessions.keep(rooms: [3, 7], of: 42, until: Self.at(120))
        sessions.keep(rooms: [1], of: 43, until: Self.at(120))
        #expect(sessions.resume(42, at: Self.at(100)) == [3, 7])
        #expect(sessions.resume(42, at: Self.at(101)) == nil)  // used up
        #expect(sessions.resume(43, at: Self.at(121)) == nil)  // too late
        sessions.keep(rooms: [5], of: 44, until: Self.at(10))
        sessions.keep(rooms: [6], of: 45, until: Self.at(30))
        sessions.expire(at: Self.at(20))
        #expect(sessions.count == 1 && sessions.resume(45, at: Self.at(20)) == [6])
        sessions.keep(rooms: [5], of: 44, until: Self.at(100))
        sessions.removeAll()
        #expect(sessions.count == 0)
    }

    @Test func presenceInARoomFollowsAUsersFirstAndLastConnectionThere() {
        var rooms = RoomSubscriptions()
        let came = [rooms.subscribe(connection: 1, user: 7, to: 3), rooms.subscribe(connection: 2, user: 7, to: 3),
                    rooms.subscribe(connection: 3, user: 8, to: 3)]
        #expect(came == [true, false, true])
        #expect(rooms.subscribers[3] == [1, 2, 3])
        let left = [rooms.unsubscribe(connection: 1, user: 7, from: 3), rooms.unsubscribe(connection: 2, user: 7, from: 3),
                    rooms.unsubscribe(connection: 3, user: 8, from: 3)]
        #expect(left == [false, true, true])
        #expect(rooms.subscribers[3] == nil)
    }
}
