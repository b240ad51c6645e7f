import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Authentication and roles")
struct GatewayRulesTests {
    private func at(_ seconds: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds) * 1_000_000_000) }

    @Test func invalidAndExpiredTokensAreRejected() {
        let token = AccessToken(user: 7, expiresAt: at(3600))
        #expect(token.authenticate(at: at(0)) == .success(7))
        #expect(token.authenticate(at: at(3600)) == .failure(.expired))
        let forged = AccessToken(user: 7, expiresAt: at(3600), isSignatureValid: false)
        #expect(forged.authenticate(at: at(0)) == .failure(.invalidSignature))
    }

    @Test func aViewersPostIsRefused() {
        var room = RoomMembership()
        room.join(1, as: .admin)
        room.join(2, as: .member)
        room.join(3, as: .viewer)
        #expect(room.authorizePost(by: 1) == .success(.admin))
        #expect(room.authorizePost(by: 2) == .success(.member))
        #expect(room.authorizePost(by: 3) == .failure(.notAllowed))
        #expect(room.authorizePost(by: 4) == .failure(.notAMember))
        room.join(3, as: .member)
        #expect(room.authorizePost(by: 3) == .success(.member))
    }

    @Test func onlyAdminsManageOthersButAnyoneMayLeave() {
        var room = RoomMembership()
        room.join(1, as: .admin)
        room.join(2, as: .member)
        #expect((try? room.authorizeManagement(by: 1, of: 2).get()) != nil)
        #expect((try? room.authorizeManagement(by: 2, of: 1).get()) == nil)
        #expect((try? room.authorizeManagement(by: 2, of: 2).get()) != nil)
        let left = room.leave(2)
        let leftAgain = room.leave(2)
        #expect(left && !leftAgain)
        #expect(room.members == [1])
    }

    @Test func aRoomKnowsTheNodesItsMembersAreOn() {
        var room = RoomMembership(nodeCount: 4)
        for user in [9, 5, 2, 13] { room.join(user, as: .member) }      // nodes 1, 1, 2, 1
        #expect(room.nodes == [1, 2])
        room.join(5, as: .admin)                                          // a new role, not a new member
        room.leave(9)
        room.leave(5)
        #expect(room.nodes == [1, 2], "13 is still on node 1")
        room.leave(13)
        #expect(room.nodes == [2])
        room.join(7, as: .viewer)
        room.join(0, as: .member)
        #expect(room.nodes == [0, 2, 3])
        room.leave(2)
        room.leave(404)
        #expect(room.nodes == [0, 3])
    }
}
