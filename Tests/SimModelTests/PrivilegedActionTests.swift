import Testing
import SimEvents
import SimModel
import SimRuntime
import SimTesting

/// An admin's privileged actions: what they do, and their audit records.
@Suite("Privileged actions")
struct PrivilegedActionTests {
    @Test func roleChangesRemovalsAndADeletionAreCarriedOutAndAuditedInOrder() async throws {
        let (frames, outcome) = try await RecordedSystem.run { system, connections, engine in
            // User 4 joins room 0 as its admin.
            _ = await system.node(forUser: 4).join(connections[4]!, room: 0, as: .admin)
            let admin = system.node(forUser: 4)
            await admin.changeRole(connections[4]!, room: 0, of: 2, to: .viewer)
            await admin.changeRole(connections[4]!, room: 0, of: 2, to: .viewer)   // already a viewer: nothing
            await system.node(forUser: 1).changeRole(connections[1]!, room: 0, of: 3, to: .viewer)   // not an admin
            try? await engine.clock.sleep(for: .seconds(1))
            // The viewer may no longer post.
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 1, bytes: 10, sentAt: engine.now)
            await admin.leave(connections[4]!, room: 0, removing: 3)
            try? await engine.clock.sleep(for: .seconds(1))
            await admin.deleteDocument(connections[4]!, room: 0)
            try? await engine.clock.sleep(for: .seconds(1))
            // Nobody may join a deleted document.
            _ = await system.node(forUser: 3).join(connections[3]!, room: 0, as: .member)
            try? await engine.clock.sleep(for: .seconds(1))
            return (await system.auditLog.entries, await system.rooms[0].memberCount)
        }
        let (entries, members) = try #require(outcome)
        #expect(entries.map(\.number) == [1, 2, 3])
        #expect(entries.map(\.action) == [.roleChange, .removal, .deletion])
        #expect(entries.map(\.actor) == [4, 4, 4])
        #expect(entries.map(\.subject) == [2, 3, nil])
        #expect(entries.map(\.performedAt.nanoseconds) == entries.map(\.performedAt.nanoseconds).sorted())
        #expect(members == 0)
        #expect(frames[2]!.contains(.roleChanged(room: 0, role: .viewer)))
        #expect(frames[2]!.contains { if case .refused(0, 1, .notAllowed) = $0 { true } else { false } })
        // 3 is told it left when removed, and again when it tries to join the deleted document.
        #expect(frames[3]!.filter { if case .left(0, _) = $0 { true } else { false } }.count == 2)
        #expect(frames[1]!.contains { if case .left(0, _) = $0 { true } else { false } })
    }
}
