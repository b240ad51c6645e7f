/// Checks receipts as their recipients get them: never for one's own messages, each marker
/// only ever moving forward, and no reader claiming to have received or read beyond what its
/// client actually received (or was told it cannot have).
public struct ReceiptChecker: GuaranteeChecker {
    private struct MarkerKey: Hashable, Sendable {
        var recipient: Int
        var reader: Int
        var room: Int
        var kind: Int
    }

    private struct ReaderKey: Hashable, Sendable {
        var reader: Int
        var room: Int
    }

    private var lastSent: [MarkerKey: Int] = [:]
    /// What each member's client has, in order: from before it joined, received, or reported
    /// missing.
    private var have: [ReaderKey: Int] = [:]
    private var lastAccepted: [Int: Int] = [:]
    private var own = GuaranteeFinding(name: "no_receipt_for_own_message")
    private var monotone = GuaranteeFinding(name: "receipts_monotone")
    private var readImpliesDelivered = GuaranteeFinding(name: "read_implies_delivered")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .messageAccepted(let room, let sequence, _, _):
            lastAccepted[room] = Swift.max(lastAccepted[room] ?? 0, sequence)
        case .memberJoined(let user, let room):
            let key = ReaderKey(reader: user, room: room)
            have[key] = Swift.max(have[key] ?? 0, lastAccepted[room] ?? 0)
        case .messageDelivered(let user, let room, let sequence):
            have[ReaderKey(reader: user, room: room), default: 0] = Swift.max(have[ReaderKey(reader: user, room: room)] ?? 0, sequence)
        case .gapReported(let user, let room, _, let upTo):
            have[ReaderKey(reader: user, room: room), default: 0] = Swift.max(have[ReaderKey(reader: user, room: room)] ?? 0, upTo)
        case .receiptSent(let reader, let room, let kind, let upTo, let recipient):
            check(reader: reader, room: room, kind: kind, upTo: upTo, recipient: recipient, at: time)
        default:
            break
        }
    }

    private mutating func check(reader: Int, room: Int, kind: Int, upTo: Int, recipient: Int, at time: SimulationInstant) {
        let what = "\(kind == 0 ? "delivered" : "read") receipt of client-\(reader) up to seq \(upTo) of room-\(room), "
            + "sent to client-\(recipient) at \(time)"
        if recipient == reader { own.record("a \(what): its own") }
        let key = MarkerKey(recipient: recipient, reader: reader, room: room, kind: kind)
        if let last = lastSent[key], upTo <= last { monotone.record("a \(what), after one up to seq \(last)") }
        lastSent[key] = Swift.max(lastSent[key] ?? 0, upTo)
        let had = have[ReaderKey(reader: reader, room: room)] ?? 0
        if upTo > had { readImpliesDelivered.record("a \(what), but its client had received only up to seq \(had)") }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [own, monotone, readImpliesDelivered] }
}
