import SimSupport
import DequeModule
public import SimEvents
public import SimRuntime

/// Checks `replicas_converge`: every member's replica of a room's shared document is the
/// document itself whenever it settles, and reaches the document's last revision once edits
/// quiesce; no edit the room accepted is lost on the way.
///
/// The checker keeps its own copy of each document, replaying the edits in the order the room
/// applied them (`document_revised`), so it trusts neither the room's digests nor the replicas':
///
/// - an edit that does not apply (a position outside the document) or a room digest that differs
///   from the replay is a finding: the room's document is not what its edits make;
/// - a replica that settles (`replica_settled`) with content other than the document's at that
///   revision is a finding: the replica diverged (an edit lost, applied twice, or transformed
///   differently from the room);
/// - a member whose replica last settled before the document's last revision is a finding at
///   the end: it never converged (revisions within the promised delivery grace before the end
///   may still be on their way and are not held against it, nor is a replica whose member sent
///   the room a message since it last settled: its own edit may still be unconfirmed). Under
///   at-most-once, where edits may be lost like any message, this is not judged.

///
/// Memory is bounded by the documents' lengths and the last ``revisionWindow`` revisions of each.
public struct ConvergenceChecker: GuaranteeChecker {
    /// Revisions of a document remembered to judge replicas that settle on them.
    public static let revisionWindow = 1_024

    private struct Revision: Sendable {
        var sequence: Int
        var time: Int64
        var length: Int
        var digest: UInt64
    }

    private struct Document: Sendable {
        var content = DocumentContent()
        var revisions = Deque<Revision>()
        /// Whether revisions older than the window were forgotten.
        var forgotten = false
        var lastSequence = 0
    }

    private var documents: [Int: Document] = [:]
    /// Per member and room, once its replica has settled: the sequence it last settled at, and
    /// whether the member sent the room a message since (its own edit may be unconfirmed).
    private var replicas = FlatTable<RoomMemberKey, (settled: Int, sentSince: Bool)>()
    private var members = FlatTable<RoomMemberKey, Void>()
    private var finding = GuaranteeFinding(name: "replicas_converge")
    private var grace: Int64?
    private var guarantee = DeliveryGuarantee.atMostOnce
    private static let emptyDigest = DocumentContent().digest

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            grace = parameters.deliveryGrace
            guarantee = parameters.guarantee
        case .documentRevised(let revised):
            revise(revised, at: time, line: line)
        case .replicaSettled(let settled):
            judge(settled, at: time, line: line)
        case .messageSent(let sent):
            if let slot = replicas.index(forKey: RoomMemberKey(room: sent.room, user: sent.user)) {
                replicas[slot: slot].sentSince = true
            }
        case .memberJoined(let joined):
            members[RoomMemberKey(room: joined.room, user: joined.user)] = ()
        case .memberLeft(let left):
            // A member who left is owed no convergence (its replica may still settle on what it
            // was owed; each settling is judged, but not where it ends).
            let key = RoomMemberKey(room: left.room, user: left.user)
            members.removeValue(forKey: key)
            replicas.removeValue(forKey: key)
        default:
            break
        }
    }

    private mutating func revise(_ revised: DocumentRevised, at time: SimulationInstant, line: Int) {
        let room = revised.room
        var document = documents[room] ?? Document()
        defer { documents[room] = document }
        guard revised.sequence > document.lastSequence else {
            return finding.record("room-\(room) revised its document as seq \(revised.sequence) at \(time), after seq "
                                  + "\(document.lastSequence)", line: line)
        }
        document.lastSequence = revised.sequence
        let applied = revised.documentEdit.map { document.content.apply($0) } ?? false
        if !applied {
            finding.record("room-\(room) applied \(revised.edit.rawValue) at position \(revised.position) as seq "
                           + "\(revised.sequence) at \(time), outside its document of \(document.content.length) elements",
                           line: line)
        }
        let digest = document.content.digest
        if applied, digest != revised.digest || document.content.length != revised.length {
            finding.record("room-\(room)'s document after seq \(revised.sequence) at \(time) is \(revised.length) elements "
                           + "(digest \(Self.hex(revised.digest))) by the room's account, but its edits make "
                           + "\(document.content.length) (digest \(Self.hex(digest)))", line: line)
        }
        document.revisions.append(Revision(sequence: revised.sequence, time: time.nanoseconds, length: document.content.length,
                                           digest: digest))
        if document.revisions.count > Self.revisionWindow {
            document.revisions.removeFirst()
            document.forgotten = true
        }
    }

    private mutating func judge(_ settled: ReplicaSettled, at time: SimulationInstant, line: Int) {
        let key = RoomMemberKey(room: settled.room, user: settled.user)
        if members.contains(key) { replicas[key] = (Swift.max(replicas[key]?.settled ?? 0, settled.sequence), false) }
        let document = documents[settled.room]
        // The document at the settled sequence: its latest revision at or before it.
        let expected: Revision
        if let revision = document?.revisions.last(where: { $0.sequence <= settled.sequence }) {
            expected = revision
        } else if document?.forgotten == true {
            return  // older than the window: cannot be judged
        } else {
            expected = Revision(sequence: 0, time: 0, length: 0, digest: Self.emptyDigest)
        }
        guard settled.digest != expected.digest || settled.length != expected.length else { return }
        let revision = expected.sequence == 0 ? "empty before its first edit" : "at seq \(expected.sequence)"
        finding.record("client-\(settled.user)'s replica of room-\(settled.room) settled at seq \(settled.sequence) at "
                       + "\(time) with \(settled.length) elements (digest \(Self.hex(settled.digest))), but the document "
                       + "\(revision) has \(expected.length) (digest \(Self.hex(expected.digest)))", line: line)
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var finding = finding
        // At most once, the last edits may be lost like any message: a replica left behind is
        // that loss, not a divergence.
        guard guarantee != .atMostOnce else { return [finding] }
        let behind = replicas.compactMap { key, replica -> (RoomMemberKey, Int, Int)? in
            // A replica whose own edit may still be on its way does not settle until it is back.
            guard !replica.sentSince, let last = lastSettledRevision(of: key.room, at: end), replica.settled < last else {
                return nil
            }
            return (key, replica.settled, last)
        }.sorted { ($0.0.room, $0.0.user) < ($1.0.room, $1.0.user) }
        for (key, settled, last) in behind {
            finding.record("client-\(key.user)'s replica of room-\(key.room) last settled at seq \(settled); the document "
                           + "reached seq \(last): it never converged by the end (\(end))")
        }
        return [finding]
    }

    /// The document's last revision made more than the delivery grace before `end`: later ones
    /// may still be on their way to replicas.
    private func lastSettledRevision(of room: Int, at end: SimulationInstant) -> Int? {
        guard let document = documents[room] else { return nil }
        guard let grace else { return document.lastSequence }
        return document.revisions.last { end.nanoseconds - $0.time > grace }?.sequence
    }

    private static func hex(_ digest: UInt64) -> String {
        let text = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
