import Testing
import SimEvents
import SimModel
import SimRuntime
import SimTesting

/// What a room answers to posts and leaves that come late or twice.
@Suite("Room answers")
struct RoomAnswersTests {
    private func acks(_ frames: [ServerFrame]) -> [UInt64] {
        frames.compactMap { if case .ack(_, let id, _) = $0 { id } else { nil } }
    }

    private func refusals(_ frames: [ServerFrame]) -> [UInt64: PostRefusal] {
        Dictionary(uniqueKeysWithValues: frames.compactMap { frame -> (UInt64, PostRefusal)? in
            if case .refused(_, let id, let reason) = frame { (id, reason) } else { nil }
        })
    }

    private func left(_ frames: [ServerFrame]) -> [Int] {
        frames.compactMap { if case .left(_, let lastSequence) = $0 { lastSequence } else { nil } }
    }

    @Test func anAttemptArrivingAfterALaterMessageOfItsSenderIsRefusedAsOutOfOrder() async throws {
        let (frames, history) = try await RecordedSystem.run { system, connections, engine in
            let node = system.node(forUser: 1)
            await node.post(from: connections[1]!, room: 0, clientMessage: 5, bytes: 10, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(1))
            // A given-up attempt of an earlier message, delayed past its sender's timeouts.
            await node.post(from: connections[1]!, room: 0, clientMessage: 3, bytes: 10, sentAt: engine.now)
            // Another sender's lower id is no concern of user 1's order.
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 1, bytes: 10, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(1))
            return await system.rooms[0].history.messages.map(\.clientMessage)
        }
        #expect(history == [5, 1])
        #expect(acks(frames[1]!) == [5])
        #expect(refusals(frames[1]!) == [3: .outOfOrder])
        #expect(acks(frames[2]!) == [1] && refusals(frames[2]!).isEmpty)
    }

    @Test func aRepeatedLeaveIsToldAgainWhatWasOwedAndNothingElseChanges() async throws {
        let (frames, members) = try await RecordedSystem.run { system, connections, engine in
            let node = system.node(forUser: 1)
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 1, bytes: 10, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(1))
            await node.leave(connections[1]!, room: 0)
            try? await engine.clock.sleep(for: .seconds(1))
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 2, bytes: 10, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(1))
            // The answer was lost, as far as the client knows: it asks again.
            await node.leave(connections[1]!, room: 0)
            try? await engine.clock.sleep(for: .seconds(1))
            // Someone who never was a member is refused, not told it left.
            await system.node(forUser: 4).leave(connections[4]!, room: 0)
            try? await engine.clock.sleep(for: .seconds(1))
            return await system.rooms[0].memberCount
        }
        // Both answers say what the room owed when the leave took effect: seq 1, not seq 2.
        #expect(left(frames[1]!) == [1, 1])
        #expect(left(frames[4]!).isEmpty)
        #expect(members == 2)
    }
}
