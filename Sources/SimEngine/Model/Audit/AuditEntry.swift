public import SimEvents
public import SimRuntime

/// A privileged action a room carried out, as the audit log must keep it.
public struct AuditEntry: Equatable, Sendable {
    /// The room.
    public var room: Int
    /// The action's number in the room, from 1: the order the room carried them out in.
    public var number: Int
    /// What was done.
    public var action: PrivilegedActionKind
    /// Who did it.
    public var actor: Int
    /// The member it was done to; nil for a deletion.
    public var subject: Int?
    /// When it was done.
    public var performedAt: SimulationInstant

    public init(room: Int, number: Int, action: PrivilegedActionKind, actor: Int, subject: Int?,
                performedAt: SimulationInstant) {
        self.room = room
        self.number = number
        self.action = action
        self.actor = actor
        self.subject = subject
        self.performedAt = performedAt
    }
}
