public import SimEvents
public import SimRuntime

/// The append-only audit log of privileged actions (role changes, removals, document
/// deletions), shared by every room.
///
/// A room writes each entry to the store before handing it over, retrying a failed write, and
/// hands its entries over in the order it carried the actions out; the log keeps each entry
/// once, keyed by room and number, so a repeated hand-over is not recorded twice.
///
/// ```swift
/// let log = AuditLog(engine: engine, telemetry: telemetry, faults: configuration.faults)
/// await log.append(entry)
/// ```
public actor AuditLog: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private struct Key: Hashable, Sendable {
        var room: Int
        var number: Int
    }

    private let engine: Engine
    private let telemetry: Telemetry
    private let faults: FaultConfiguration
    private var recorded: Set<Key> = []
    /// The entries, in the order the log appended them.
    public private(set) var entries: [AuditEntry] = []

    public init(engine: Engine, telemetry: Telemetry, faults: FaultConfiguration) {
        executor = engine.makeExecutor(label: "audit-log")
        self.engine = engine
        self.telemetry = telemetry
        self.faults = faults
    }

    /// Appends `entry` unless the log has it already.
    public func append(_ entry: AuditEntry) {
        guard recorded.insert(Key(room: entry.room, number: entry.number)).inserted else { return }
        var kept = entry
        // The faulty log writes down whom an action was done to as the one who did it.
        if faults.auditSubjectAsActor, let subject = entry.subject { kept.actor = subject }
        entries.append(kept)
        telemetry.record(AuditRecorded(room: kept.room, number: kept.number, action: kept.action, actor: kept.actor,
                                       subject: kept.subject, performedAt: kept.performedAt), at: engine.now)
    }
}
