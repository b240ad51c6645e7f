import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimTesting

/// Typing, receipts and presence through nodes and rooms, with peers that record every frame.
@Suite("Typing, receipts and presence")
struct SignalsTests {
    private typealias System = MessagingSystem<RecordingPeer>

    private func run<Value: Sendable>(
        _ script: @escaping @Sendable (System, [Int: Int], Engine) async -> Value
    ) async throws -> ([Int: [ServerFrame]], Value?) {
        try await RecordedSystem.run(script)
    }

    private func typing(_ frames: [ServerFrame]) -> [(user: Int, isTyping: Bool)] {
        frames.compactMap { if case .typing(_, let user, let isTyping, _) = $0 { (user, isTyping) } else { nil } }
    }

    private func receipts(_ frames: [ServerFrame]) -> [ReceiptLedger.Receipt] {
        frames.compactMap { if case .receipt(let receipt, _) = $0 { receipt } else { nil } }
    }

    @Test func typingReachesOnlyTheRoomAndExpiresUnlessRenewed() async throws {
        let (frames, _) = try await run { system, connections, engine in
            let node = system.node(forUser: 1)
            await node.typing(connections[1]!, room: 0, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(2))
            await node.typing(connections[1]!, room: 0, sentAt: engine.now)  // a renewal: nobody is told again
        }
        for user in [1, 2, 3] {
            #expect(typing(frames[user]!).map(\.user) == [1, 1])
            #expect(typing(frames[user]!).map(\.isTyping) == [true, false])
        }
        #expect(typing(frames[4]!).isEmpty)
    }

    @Test func aMessageEndsTypingWithoutAnExpiryFrame() async throws {
        let (frames, _) = try await run { system, connections, engine in
            let node = system.node(forUser: 2)
            await node.typing(connections[2]!, room: 0, sentAt: engine.now)
            await node.post(from: connections[2]!, room: 0, clientMessage: 1, bytes: 100, sentAt: engine.now)
        }
        #expect(typing(frames[3]!).map(\.isTyping) == [true])
    }

    @Test func receiptsReachTheSendersOfTheMessagesTheyCoverAndNeverTheReader() async throws {
        let (frames, _) = try await run { system, connections, engine in
            await system.node(forUser: 1).post(from: connections[1]!, room: 0, clientMessage: 1, bytes: 100, sentAt: engine.now)
            await system.node(forUser: 1).post(from: connections[1]!, room: 0, clientMessage: 2, bytes: 100, sentAt: engine.now)
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 3, bytes: 100, sentAt: engine.now)
            try? await engine.clock.sleep(for: .seconds(1))
            await system.node(forUser: 3).receipt(connections[3]!, room: 0, .read, upTo: 3)
            // User 1 reads only its own messages: nobody is told.
            await system.node(forUser: 1).receipt(connections[1]!, room: 0, .read, upTo: 2)
        }
        let read = ReceiptLedger.Receipt(kind: .read, user: 3, room: 0, from: 0, upTo: 3)
        let delivered = ReceiptLedger.Receipt(kind: .delivered, user: 3, room: 0, from: 0, upTo: 3)
        #expect(receipts(frames[1]!) == [delivered, read])
        #expect(receipts(frames[2]!) == [delivered, read])
        #expect(receipts(frames[3]!).isEmpty && receipts(frames[4]!).isEmpty)
    }

    @Test func membersLearnAfterThePresenceDelayThatAUserLeft() async throws {
        let (frames, _) = try await run { system, connections, _ in
            await system.node(forUser: 3).disconnect(connections[3]!)
        }
        let presence = frames[2]!.compactMap { frame -> (Int, Bool, SimulationInstant)? in
            if case .presence(0, let user, let online, let at) = frame { (user, online, at) } else { nil }
        }
        // Users 1, 2, 3 came online as they joined (2 and 3 after 2 was listening), then 3 left.
        #expect(presence.map(\.0) == [1, 2, 3, 3])
        #expect(presence.map(\.1) == [true, true, true, false])
        #expect(frames[4]!.allSatisfy { if case .presence(_, let user, _, _) = $0 { user == 4 } else { true } })
    }

    @Test func aConnectedUserGetsNotificationsInRealtimeAndAnAbsentOneFallsBackToPush() async throws {
        let (frames, result) = try await run { system, _, engine in
            await system.notifications.notify([1, 9], kind: .orderUpdate)
            try? await engine.clock.sleep(for: .seconds(20))
            await system.notifications.markRead(user: 1, id: 1)
            let service = system.notifications
            return (await service.tally.deliveredBy, [await service.badge(of: 1), await service.badge(of: 9)])
        }
        let notified = frames[1]!.filter { if case .notification(1, .orderUpdate, _) = $0 { true } else { false } }
        #expect(notified.count == 1)
        #expect(frames[2]!.allSatisfy { if case .notification = $0 { false } else { true } })
        #expect(result?.0 == [NotificationChannel.realtime: 1, .push: 1])
        #expect(result?.1 == [0, 1])
    }

    private func messages(_ frames: [ServerFrame]) -> [Int] {
        frames.compactMap { if case .message(0, let message) = $0 { message.sequence } else { nil } }
    }

    @Test func historyComesInExactPagesOfFiftyNewestFirst() async throws {
        let (frames, _) = try await run { system, connections, engine in
            let node = system.node(forUser: 1)
            for message in 1...120 {
                await node.post(from: connections[1]!, room: 0, clientMessage: UInt64(message), bytes: 10, sentAt: engine.now)
            }
            try? await engine.clock.sleep(for: .seconds(1))
            let reader = system.node(forUser: 2)
            for cursor in [nil, 71, 21] {
                await reader.history(connections[2]!, room: 0, before: cursor)
                try? await engine.clock.sleep(for: .seconds(1))
            }
        }
        let pages = frames[2]!.compactMap { if case .history(0, let page) = $0 { page } else { nil } }
        #expect(pages.map { $0.messages.map(\.sequence) } == [Array(71...120), Array(21...70), Array(1...20)])
        #expect(pages.map(\.olderCursor) == [71, 21, nil])
    }

    @Test func aMemberWhoLeftGetsNothingMoreAndOnlyAdminsRemoveOthers() async throws {
        let (frames, result) = try await run { system, connections, engine in
            let post = { (message: UInt64) in
                await system.node(forUser: 1).post(from: connections[1]!, room: 0, clientMessage: message, bytes: 10,
                                                   sentAt: engine.now)
                try? await engine.clock.sleep(for: .seconds(1))
            }
            await post(1)
            await system.node(forUser: 3).leave(connections[3]!, room: 0)
            // A member (not an admin) tries to remove user 1: refused.
            await system.node(forUser: 2).leave(connections[2]!, room: 0, removing: 1)
            try? await engine.clock.sleep(for: .seconds(1))
            await post(2)
            return await system.rooms[0].memberCount
        }
        #expect(messages(frames[3]!) == [1])
        #expect(messages(frames[1]!) == [1, 2] && messages(frames[2]!) == [1, 2])
        #expect(result == 2)
    }
}
