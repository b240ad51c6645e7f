/// A privileged action on a room, which the audit log must record.
public enum PrivilegedActionKind: String, Codable, CaseIterable, Sendable {
    /// An admin changed a member's role.
    case roleChange = "role_change"
    /// An admin removed a member.
    case removal
    /// An admin deleted the room's document: every member is removed.
    case deletion
}
