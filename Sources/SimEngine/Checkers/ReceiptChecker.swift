import SimSupport
public import SimRuntime
public import SimEvents

/// Checks receipts as their recipients get them: never for one's own messages, each marker
/// only ever moving forward, and no reader claiming to have received or read beyond what its
/// client actually received (or was told it cannot have).
public struct ReceiptChecker: GuaranteeChecker {
    /// Each reader's markers as each recipient was told them.
    private var sent = SentMarkers()
    /// What each member's client has, in order: from before it joined, received, or reported
    /// missing.
    private var have = FlatTable<RoomMemberKey, Int>()
    private var lastAccepted = FlatTable<Int, Int>()
    private var own = GuaranteeFinding(name: "no_receipt_for_own_message")
    private var monotone = GuaranteeFinding(name: "receipts_monotone")
    private var readImpliesDelivered = GuaranteeFinding(name: "read_implies_delivered")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .messageAccepted(let accepted):
            lastAccepted[accepted.room, default: 0].raise(toAtLeast: accepted.sequence)
        case .memberJoined(let joined):
            let key = RoomMemberKey(room: joined.room, user: joined.user)
            have[key, default: 0].raise(toAtLeast: lastAccepted[joined.room] ?? 0)
        case .messageDelivered(let delivered):
            advance(RoomMemberKey(room: delivered.room, user: delivered.user), to: delivered.sequence)
        case .gapReported(let gap):
            advance(RoomMemberKey(room: gap.room, user: gap.user), to: gap.upTo)
        case .receiptSent(let receipt):
            check(receipt, at: time, line: line)
        default:
            break
        }
    }

    /// Raises what the member has to `sequence`, with one lookup: this runs for every delivery.
    private mutating func advance(_ key: RoomMemberKey, to sequence: Int) {
        have[key, default: 0].raise(toAtLeast: sequence)
    }

    private mutating func check(_ receipt: ReceiptSent, at time: SimulationInstant, line: Int) {
        let (reader, room, kind, upTo, recipient) = (receipt.reader, receipt.room, receipt.kind, receipt.upTo, receipt.recipient)
        // Described only for a violation: a receipt is checked far more often than it fails.
        var what: String {
            "\(kind.rawValue) receipt of client-\(reader) up to seq \(upTo) of room-\(room), sent to client-\(recipient) at \(time)"
        }
        if recipient == reader { own.record("a \(what): its own", line: line) }
        if let last = sent.tell(recipient: recipient, reader: reader, room: room, kind: kind, upTo: upTo), upTo <= last {
            monotone.record("a \(what), after one up to seq \(last)", line: line)
        }
        let had = have[RoomMemberKey(room: room, user: reader)] ?? 0
        if upTo > had { readImpliesDelivered.record("a \(what), but its client had received only up to seq \(had)", line: line) }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [own, monotone, readImpliesDelivered] }
}
