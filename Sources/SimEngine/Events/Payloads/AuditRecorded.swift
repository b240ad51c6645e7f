public import SimRuntime

/// The audit log appended a record of a room's privileged action: what it says was done, by whom, to whom and when.
public struct AuditRecorded: TraceEventPayload {
    public static let name = "audit_recorded"
    public static let tag: UInt64 = 23
    public static let meaning = "The audit log appended a record of a room's privileged action: what it says was done, "
        + "by whom, to whom and when."

    /// The room.
    public var room: Int = .placeholder
    /// The number of the action recorded.
    public var number: Int = .placeholder
    /// What the record says was done.
    public var action: PrivilegedActionKind = .placeholder
    /// Who the record says did it.
    public var actor: Int = .placeholder
    /// The member the record says it was done to.
    public var subject: Int? = .placeholder
    /// When the record says it was done.
    public var performedAt: SimulationInstant = .placeholder

    public init() {}

    public init(room: Int, number: Int, action: PrivilegedActionKind, actor: Int, subject: Int?,
                performedAt: SimulationInstant) {
        self.room = room
        self.number = number
        self.action = action
        self.actor = actor
        self.subject = subject
        self.performedAt = performedAt
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room")
        coder.field("number", &number, "the number of the action recorded")
        coder.field("action", &action, "what the record says was done")
        coder.field("actor", &actor, "who the record says did it")
        coder.field("subject", &subject, "the member the record says it was done to")
        coder.field("performed_at", &performedAt, "when the record says it was done")
    }

    public var event: TraceEvent { .auditRecorded(self) }
}
