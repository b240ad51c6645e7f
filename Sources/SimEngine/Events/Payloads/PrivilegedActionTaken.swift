/// A room carried out a privileged action (a role change, a removal, a document deletion), numbered in the room's order: the audit log owes it one record.
public struct PrivilegedActionTaken: TraceEventPayload {
    public static let name = "privileged_action"
    public static let tag: UInt64 = 22
    public static let meaning = "A room carried out a privileged action (a role change, a removal, a document deletion), "
        + "numbered in the room's order: the audit log owes it one record."

    /// The room.
    public var room: Int = .placeholder
    /// The action's number in the room, from 1.
    public var number: Int = .placeholder
    /// What was done.
    public var action: PrivilegedActionKind = .placeholder
    /// Who did it.
    public var actor: Int = .placeholder
    /// The member it was done to; nil for a deletion.
    public var subject: Int? = .placeholder

    public init() {}

    public init(room: Int, number: Int, action: PrivilegedActionKind, actor: Int, subject: Int?) {
        self.room = room
        self.number = number
        self.action = action
        self.actor = actor
        self.subject = subject
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room")
        coder.field("number", &number, "the action's number in the room, from 1")
        coder.field("action", &action, "what was done")
        coder.field("actor", &actor, "who did it")
        coder.field("subject", &subject, "the member it was done to; null for a deletion")
    }

    public var event: TraceEvent { .privilegedAction(self) }
}
