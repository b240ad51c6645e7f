import Testing
@testable import SimModel
import SimRuntime

@Suite("Client rooms")
struct ClientRoomsTests {
    private func room(_ id: Int) -> ClientRoom {
        ClientRoom(joinedAt: RoomOffset(room: id, epoch: 1, sequence: 0), role: .member)
    }

    /// Rooms are found by id after joins and leaves in any order, each at the position of its
    /// own state: the ids kept apart never drift from the states.
    @Test func roomsAreFoundByIdAfterJoinsAndLeaves() {
        var rooms = ClientRooms()
        for id in [7, 3, 11, 5] { rooms[id] = room(id) }
        let removed = rooms.remove(3)
        rooms[11] = nil
        rooms[2] = room(2)
        let removedAgain = rooms.remove(3)
        #expect(removed && !removedAgain)
        #expect(rooms.ids == [7, 5, 2])
        for id in [7, 5, 2] {
            let index = rooms.index(of: id)
            #expect(index.map { rooms[at: $0].room } == id)
        }
        #expect(rooms.index(of: 11) == nil && rooms[11] == nil)
        rooms[at: 1].isLeaving = true
        #expect(rooms[5]?.isLeaving == true && rooms[7]?.isLeaving == false)
    }

    /// A random room is always one the client is in.
    @Test func aRandomRoomIsOneOfTheClients() {
        var rooms = ClientRooms()
        var random = RandomStream(key: 3)
        let none = rooms.random(using: &random)
        #expect(none == nil)
        for id in [4, 9, 6] { rooms[id] = room(id) }
        _ = rooms.remove(9)
        var drawn: Set<Int> = []
        for _ in 0..<50 { drawn.insert(rooms.random(using: &random) ?? -1) }
        #expect(drawn == [4, 6])
    }
}
