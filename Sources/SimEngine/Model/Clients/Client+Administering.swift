public import SimRuntime

extension Client {
    /// An admin's client keeps who is present in its rooms, as presence tells it: the members it
    /// may act on.
    func notePresence(of user: Int, online: Bool, in room: Int) {
        guard let index = rooms.index(of: room), rooms[at: index].role == .admin else { return }
        var present = rooms[at: index].present
        let position = present.firstIndex { $0 >= user } ?? present.count
        let known = position < present.count && present[position] == user
        if online, !known { present.insert(user, at: position) }
        if !online, known { present.remove(at: position) }
        rooms[at: index].present = present
    }

    /// Takes privileged actions at the habit's rate until `end`, in rooms where it is admin.
    public func startAdministering(until end: SimulationInstant) {
        guard habits.adminActionsPerMinute > 0 else { return }
        scheduleAdminAction(after: engine.now, until: end)
    }

    private func scheduleAdminAction(after previous: SimulationInstant, until end: SimulationInstant) {
        let gap = Distribution.exponential(mean: 60 / habits.adminActionsPerMinute)
        let intended = previous.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
        guard intended < end, !hasVanished, !isEnding else { return }
        engine.send(to: self, at: intended) { client in
            client.takeAdminAction()
            client.scheduleAdminAction(after: intended, until: end)
        }
    }

    /// Shares of the actions: role changes, then removals; the rest delete the document.
    private static var roleChangeShare: Double { 0.6 }
    private static var removalShare: Double { 0.37 }

    /// In a random room where it is admin: makes a present member a viewer or a member, removes
    /// one, or deletes the document.
    private func takeAdminAction() {
        guard let connection, !hasVanished, !isEnding else { return }
        let administered = rooms.values.filter { $0.role == .admin && !$0.isLeaving }
        guard !administered.isEmpty else { return }
        let chosen = administered[Int(random.next(below: UInt64(administered.count)))]
        let (room, present) = (chosen.room, chosen.present)
        let draw = random.nextUnitInterval()
        if draw < Self.roleChangeShare + Self.removalShare {
            guard !present.isEmpty else { return }
            let subject = present[Int(random.next(below: UInt64(present.count)))]
            if draw < Self.roleChangeShare {
                let role: RoomRole = random.nextUnitInterval() < 0.5 ? .viewer : .member
                toNode { node in node.changeRole(connection, room: room, of: subject, to: role) }
            } else {
                toNode { node in node.leave(connection, room: room, removing: subject) }
            }
        } else {
            toNode { node in node.deleteDocument(connection, room: room) }
        }
    }
}
