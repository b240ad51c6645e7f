import SimRuntime

/// The same fan-out as a plain discrete-event loop with no actors and no tasks: the reference
/// ceiling for simulation mode.
///
/// Events wait in a (time, sequence) heap. A post event sequences the message, schedules one
/// delivery per member at the message's arrival time and schedules the room's next post; a
/// delivery updates the member's counters in an array. Latencies come from the same streams
/// and follow the same FIFO rule as ``FanOutRoom``.
enum PlainFanOut {
    private enum Event {
        case post(room: Int32)
        case deliver(member: Int32, sequence: Int32)
    }

    private struct Member {
        var received = 0
        var outOfOrder = 0
        var lastSequence = 0
    }

    private struct Room {
        var nextSequence = 1
        var remainingPosts: Int
        var lastArrival: Int64 = 0
        var random: RandomStream
    }

    /// Runs one fan-out and returns the deliveries made.
    static func run(_ shape: FanOutShape, latency: Distribution?) -> Int {
        var members = [Member](repeating: Member(), count: shape.rooms * shape.membersPerRoom)
        var rooms = (0..<shape.rooms).map {
            Room(remainingPosts: shape.messagesPerRoom,
                 random: RandomStream(seed: 1, stream: "bench.latency", entity: UInt64($0)))
        }
        var events = DeadlineHeap<Event>()
        for room in 0..<shape.rooms { events.insert(.post(room: Int32(room)), at: 0) }
        var now: Int64 = 0
        while let deadline = events.earliestDeadline {
            now = deadline
            guard let event = events.popFirst(dueBy: now) else { break }
            switch event {
            case .post(let roomID):
                let room = Int(roomID)
                let sequence = rooms[room].nextSequence
                rooms[room].nextSequence += 1
                var arrival = now
                if let latency {
                    arrival = Swift.max(now + latency.sampleNanoseconds(using: &rooms[room].random),
                                        rooms[room].lastArrival)
                    rooms[room].lastArrival = arrival
                }
                let first = room * shape.membersPerRoom
                for member in first..<(first + shape.membersPerRoom) {
                    events.insert(.deliver(member: Int32(member), sequence: Int32(sequence)), at: arrival)
                }
                rooms[room].remainingPosts -= 1
                if rooms[room].remainingPosts > 0 { events.insert(.post(room: roomID), at: now) }
            case .deliver(let memberID, let sequence):
                let member = Int(memberID)
                if Int(sequence) != members[member].lastSequence + 1 { members[member].outOfOrder += 1 }
                members[member].lastSequence = Int(sequence)
                members[member].received += 1
            }
        }
        precondition(members.allSatisfy { $0.outOfOrder == 0 }, "deliveries out of order")
        return members.reduce(0) { $0 + $1.received }
    }
}
