public import SimEvents
public import SimRuntime

/// Checks `audit_exactly_once_in_order`: every privileged action a room carries out (a role
/// change, a removal, a document deletion) is recorded by the audit log exactly once, in the
/// order the room carried them out, with the action, actor, subject and time it was done.
///
/// - A record of an action no room carried out (or not yet) is a finding.
/// - A second record of the same action is a finding.
/// - A record that comes after the record of a later action of the same room is a finding.
/// - A record whose action, actor, subject or time differs from what was done is a finding.
/// - An action never recorded by the end is a finding, unless it was taken within the promised
///   delivery grace before the end: its record may still be on its way.
///
/// Memory is bounded by the actions not yet recorded and the numbers of those recorded.
public struct AuditChecker: GuaranteeChecker {
    private struct Action: Sendable {
        var kind: PrivilegedActionKind
        var actor: Int
        var subject: Int?
        var time: SimulationInstant
        var line: Int
    }

    private struct RoomActions: Sendable {
        var pending: [Int: Action] = [:]
        var recorded: Set<Int> = []
        var lastRecorded = 0
    }

    private var rooms: [Int: RoomActions] = [:]
    private var finding = GuaranteeFinding(name: "audit_exactly_once_in_order")
    private var grace: Int64?

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            grace = parameters.deliveryGrace
        case .privilegedAction(let action):
            var room = rooms[action.room] ?? RoomActions()
            if room.pending[action.number] != nil || room.recorded.contains(action.number) {
                finding.record("room-\(action.room) numbered a second action \(action.number) at \(time)", line: line)
            } else {
                room.pending[action.number] = Action(kind: action.action, actor: action.actor, subject: action.subject,
                                                     time: time, line: line)
            }
            rooms[action.room] = room
        case .auditRecorded(let record):
            check(record, at: time, line: line)
        default:
            break
        }
    }

    private mutating func check(_ record: AuditRecorded, at time: SimulationInstant, line: Int) {
        var room = rooms[record.room] ?? RoomActions()
        defer { rooms[record.room] = room }
        let what = "the audit log recorded action \(record.number) of room-\(record.room) at \(time)"
        guard let action = room.pending.removeValue(forKey: record.number) else {
            let problem = room.recorded.contains(record.number) ? "a second time" : "but no such action had been carried out"
            return finding.record("\(what), \(problem)", line: line)
        }
        room.recorded.insert(record.number)
        if record.number < room.lastRecorded {
            finding.record("\(what), after action \(room.lastRecorded): out of the order they were carried out", line: line)
        }
        room.lastRecorded = Swift.max(room.lastRecorded, record.number)
        var wrong: [String] = []
        if record.action != action.kind { wrong.append("as a \(record.action.rawValue), but it was a \(action.kind.rawValue)") }
        if record.actor != action.actor { wrong.append("by client-\(record.actor), but client-\(action.actor) did it") }
        if record.subject != action.subject {
            wrong.append("to \(Self.describe(record.subject)), but it was done to \(Self.describe(action.subject))")
        }
        if record.performedAt != action.time { wrong.append("at \(record.performedAt), but it was done at \(action.time)") }
        if !wrong.isEmpty {
            finding.record("\(what) " + wrong.joined(separator: "; ") + " (the action is on trace line \(action.line))", line: line)
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var finding = finding
        // Actions taken within the delivery grace before the end may still be on their way.
        let missing = rooms.flatMap { room, actions in actions.pending.map { (room: room, number: $0.key, action: $0.value) } }
            .filter { pending in grace.map { end.nanoseconds - pending.action.time.nanoseconds > $0 } ?? true }
            .sorted { ($0.action.time, $0.room, $0.number) < ($1.action.time, $1.room, $1.number) }
        for (room, number, action) in missing {
            finding.record("room-\(room)'s action \(number), a \(action.kind.rawValue) by client-\(action.actor) "
                           + "of \(Self.describe(action.subject)) at \(action.time), was never recorded by the end (\(end))",
                           line: action.line)
        }
        return [finding]
    }

    private static func describe(_ subject: Int?) -> String {
        subject.map { "client-\($0)" } ?? "the document"
    }
}
