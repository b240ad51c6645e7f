public import SimRuntime
public import SimEvents

/// Checks the delivery guarantees over a stream of trace events: per-room order (each member
/// receives a room's messages in sequence, with no gap it was not told of, so that after a
/// reconnect every message was recovered or reported lost, never silently skipped), no
/// duplicate delivery, and no silent loss (each member receives every message accepted while
/// it was in the room, unless its client reported it missing). Silent loss violates
/// at-least-once and effectively-once; under at-most-once it is counted, not a violation.
///
/// The same checker runs online, fed by the trace recorder as events happen, and offline over
/// a trace file (`simrun check`). Memory is bounded by the number of (member, room) pairs.
public struct DeliveryChecker: GuaranteeChecker {
    private struct MemberKey: Hashable, Sendable {
        var user: Int
        var room: Int
    }

    private struct MemberState: Sendable {
        /// The room's last accepted sequence when the member (last) joined.
        var joinedAfter: Int
        /// Whether the member is in the room now.
        var isMember = true
        /// What earlier memberships, ended by leaving, were owed.
        var owedBefore = 0
        var lastReceived: Int
        var received = 0
        /// Messages the member was told it cannot have.
        var reportedMissing = 0
    }

    private var lastAccepted: [Int: Int] = [:]
    private var members: [MemberKey: MemberState] = [:]
    private var counts = DeliveryReport()
    private var guarantee = DeliveryGuarantee.atMostOnce
    private var firstDuplicate: String?

    public init() {}

    /// Takes one event into account.
    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .memberJoined(let joined):
            let (user, room) = (joined.user, joined.room)
            // Joining again (with another role) changes nothing the member is owed; joining
            // after leaving starts a new membership at the room's current position.
            let key = MemberKey(user: user, room: room)
            let last = lastAccepted[room] ?? 0
            guard var member = members[key] else {
                members[key] = MemberState(joinedAfter: last, lastReceived: last)
                return
            }
            guard !member.isMember else { return }
            member.isMember = true
            member.joinedAfter = last
            member.lastReceived = Swift.max(member.lastReceived, last)
            members[key] = member
        case .memberLeft(let left):
            let (user, room) = (left.user, left.room)
            let key = MemberKey(user: user, room: room)
            guard var member = members[key], member.isMember else { return }
            // A member who leaves was owed what it had by then; messages still on their way to
            // it when the room processed the leave are not owed (its client has let the room go).
            member.owedBefore += member.lastReceived - member.joinedAfter
            member.isMember = false
            members[key] = member
        case .checkParameters(let parameters):
            guarantee = parameters.guarantee
        case .messageSent:
            counts.sent += 1
        case .messageAccepted(let accepted):
            let (room, sequence) = (accepted.room, accepted.sequence)
            counts.accepted += 1
            lastAccepted[room] = Swift.max(lastAccepted[room] ?? 0, sequence)
        case .messageDelivered(let delivered):
            let (user, room, sequence) = (delivered.user, delivered.room, delivered.sequence)
            counts.delivered += 1
            let key = MemberKey(user: user, room: room)
            guard var member = members[key] else {
                recordOrderViolation("client-\(user) received seq \(sequence) of room-\(room) at \(time), a room it never joined")
                return
            }
            // A skip ahead breaks the order; a step back is a message the skip already counted,
            // or a duplicate, which the duplicate check counts.
            let expected = member.lastReceived + 1
            if sequence > expected {
                recordOrderViolation("client-\(user) received seq \(sequence) of room-\(room) at \(time) but expected seq \(expected)")
            }
            if sequence <= member.lastReceived, firstDuplicate == nil {
                firstDuplicate = "client-\(user) received seq \(sequence) of room-\(room) again at \(time)"
            }
            member.lastReceived = Swift.max(member.lastReceived, sequence)
            member.received += 1
            members[key] = member
        case .gapReported(let gap):
            let (user, room, after, upTo) = (gap.user, gap.room, gap.after, gap.upTo)
            let key = MemberKey(user: user, room: room)
            guard var member = members[key] else { return }
            // Only messages not already received count, and a gap never moves the member back.
            let start = Swift.max(after, member.lastReceived)
            if upTo > start {
                member.reportedMissing += upTo - start
                member.lastReceived = upTo
            }
            members[key] = member
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        Self.findings(for: report, lossIsViolation: guarantee != .atMostOnce, firstDuplicate: firstDuplicate, firstLoss: firstLoss)
    }

    /// The delivery findings `report` amounts to.
    ///
    /// - Parameter lossIsViolation: whether the guarantee promises no silent loss (at-least-once
    ///   and effectively-once do; at-most-once does not).
    public static func findings(for report: DeliveryReport, lossIsViolation: Bool, firstDuplicate: String? = nil,
                                firstLoss: String? = nil) -> [GuaranteeFinding] {
        var loss = GuaranteeFinding(name: "no_silent_loss")
        if lossIsViolation, report.lost > 0 {
            loss.violations = report.lost
            loss.firstViolation = "\(report.lost) of \(report.owed) owed deliveries never arrived and were never reported "
                + "missing" + (firstLoss.map { "; first: \($0)" } ?? "")
        }
        var duplicates = GuaranteeFinding(name: "no_duplicate_delivery", violations: report.duplicates)
        if report.duplicates > 0 { duplicates.firstViolation = firstDuplicate ?? "\(report.duplicates) deliveries made twice" }
        return [
            GuaranteeFinding(name: "per_room_order", violations: report.orderViolations,
                             firstViolation: report.firstOrderViolation),
            duplicates,
            loss,
        ]
    }

    /// The first member, in (room, user) order, that is missing a delivery, with what it missed.
    private var firstLoss: String? {
        let missing = members.filter { key, member in
            let owed = member.owedBefore + (member.isMember ? (lastAccepted[key.room] ?? 0) - member.joinedAfter : 0)
            return owed > member.received + member.reportedMissing
        }
        guard let (key, member) = missing.min(by: { ($0.key.room, $0.key.user) < ($1.key.room, $1.key.user) }) else { return nil }
        return "client-\(key.user) in room-\(key.room) has everything up to seq \(member.lastReceived) of "
            + "\(lastAccepted[key.room] ?? 0) but received \(member.received) of what it was owed"
    }

    /// Order violations so far: O(1), unlike ``report``, which walks every member.
    public var orderViolations: Int { counts.orderViolations }

    /// The findings so far; loss and duplicates are judged as if the run had ended now.
    ///
    /// - Complexity: O(m) in the (member, room) pairs.
    public var report: DeliveryReport {
        var report = counts
        for (key, member) in members {
            let owed = member.owedBefore + (member.isMember ? (lastAccepted[key.room] ?? 0) - member.joinedAfter : 0)
            report.owed += owed
            report.reportedLost += member.reportedMissing
            report.lost += Swift.max(0, owed - member.received - member.reportedMissing)
            report.duplicates += Swift.max(0, member.received + member.reportedMissing - owed)
        }
        return report
    }

    private mutating func recordOrderViolation(_ description: String) {
        counts.orderViolations += 1
        if counts.firstOrderViolation == nil { counts.firstOrderViolation = description }
    }
}
