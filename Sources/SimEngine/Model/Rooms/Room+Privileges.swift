import SimEvents
import SimRuntime

/// Privileged actions: an admin changes a member's role, removes a member (see
/// ``Room/remove(_:by:)``) or deletes the room's document. Each is numbered in the room's order
/// and recorded: the room writes its audit entry to the store (again after a failed write) and
/// hands the entries to the audit log in the order it carried the actions out.
extension Room {
    /// `actor` makes `subject` a `role` (a member or a viewer). Only an admin may; an admin's own
    /// role, another admin's, and a change to the role held already are refused or nothing.
    @discardableResult
    public func changeRole(of subject: Int, to role: RoomRole, by actor: Int) -> Result<Void, RoomMembership.Refusal> {
        guard membership.roles[actor] == .admin else {
            return .failure(membership.roles[actor] == nil ? .notAMember : .notAllowed)
        }
        guard let current = membership.roles[subject] else { return .failure(.notAMember) }
        guard actor != subject, current != .admin, role != .admin else { return .failure(.notAllowed) }
        guard current != role else { return .success(()) }
        recordPrivileged(.roleChange, by: actor, of: subject)
        membership.join(subject, as: role)
        let room = id
        onNode(subject % nodes.count) { node in node.send(.roleChanged(room: room, role: role), toUser: subject) }
        return .success(())
    }

    /// `actor`, an admin, deletes the room's document: every member is removed (each told what
    /// it is owed), and nobody may join the room again.
    @discardableResult
    public func deleteDocument(by actor: Int) -> Result<Void, RoomMembership.Refusal> {
        guard membership.roles[actor] == .admin else {
            return .failure(membership.roles[actor] == nil ? .notAMember : .notAllowed)
        }
        recordPrivileged(.deletion, by: actor, of: nil)
        let now = engine.now
        for member in membership.members {
            membership.leave(member)
            telemetry.record(MemberLeft(user: member, room: id), at: now)
            departed[member] = log.lastSequence
            tellLeft(member, owedUpTo: log.lastSequence)
        }
        isDeleted = true
        return .success(())
    }

    /// Numbers a privileged action, records it, and sends its audit entry on its way.
    func recordPrivileged(_ action: PrivilegedActionKind, by actor: Int, of subject: Int?) {
        privilegedActions += 1
        let now = engine.now
        telemetry.record(PrivilegedActionTaken(room: id, number: privilegedActions, action: action, actor: actor,
                                               subject: subject), at: now)
        let entry = AuditEntry(room: id, number: privilegedActions, action: action, actor: actor, subject: subject,
                               performedAt: now)
        writeAudit(entry, ticket: auditWrites.start())
    }

    /// How long a room waits before writing an audit entry again after a failed write.
    private static var auditRetryDelay: Duration { .milliseconds(100) }

    /// Writes `entry` to the store until it is written, then hands it, and any later entries
    /// that waited for it, to the audit log.
    private func writeAudit(_ entry: AuditEntry, ticket: UInt64) {
        store.write(for: self) { room, outcome in
            guard case .success = outcome else {
                room.engine.send(to: room, after: Self.auditRetryDelay) { $0.writeAudit(entry, ticket: ticket) }
                return
            }
            guard let log = room.auditLog else { return }
            for due in room.auditWrites.finish(ticket, entry) {
                room.engine.send(to: log) { $0.append(due) }
            }
        }
    }
}
