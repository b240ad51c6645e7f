import SimRuntime

/// Fan-out through the engine's actors: a poster task per room awaits each post, and the room
/// sends every message to each member.
enum ActorFanOut {
    /// Runs one fan-out and returns the deliveries made; traps if any arrived out of order.
    static func run(_ shape: FanOutShape, mode: RunMode, latency: Distribution? = nil, singleSends: Bool = false) -> Int {
        let engine = Engine(mode: mode, seed: 1)
        let (received, outOfOrder) = try! engine.run { engine in
            var allMembers: [FanOutMember] = []
            var rooms: [FanOutRoom] = []
            for roomID in 0..<shape.rooms {
                let members = (0..<shape.membersPerRoom).map {
                    FanOutMember(engine: engine, id: roomID * shape.membersPerRoom + $0)
                }
                allMembers += members
                rooms.append(FanOutRoom(engine: engine, id: roomID, members: members, latency: latency,
                                        singleSends: singleSends))
            }
            await withTaskGroup(of: Void.self) { group in
                for room in rooms {
                    group.addTask { for _ in 0..<shape.messagesPerRoom { await room.post() } }
                }
            }
            // Let the last deliveries land: in sim mode one long sleep jumps past them all; in
            // live mode poll until every member has everything.
            let pause: Duration = engine.mode == .sim ? .seconds(60) : .milliseconds(1)
            var received = 0
            var outOfOrder = 0
            while true {
                try? await engine.clock.sleep(for: pause)
                received = 0
                outOfOrder = 0
                for member in allMembers {
                    received += await member.received
                    outOfOrder += await member.outOfOrder
                }
                if received == shape.deliveries { break }
            }
            return (received, outOfOrder)
        }
        precondition(outOfOrder == 0, "\(outOfOrder) deliveries out of order")
        return received
    }
}
