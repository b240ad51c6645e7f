import SimSupport
import DequeModule
public import SimEvents
public import SimRuntime

/// Checks the delivery guarantees by construction, per member and room: what the room owed the
/// member against what arrived, by sequence number.
///
/// A member is owed every message its room accepted while it was a member: from its join to
/// the moment its leave took effect in the room (`member_left`). Each owed message must arrive
/// once, or be reported missing by the member's client (`gap_reported`), and messages arrive in
/// the room's order, with no skip the client was not told of.
///
/// - `per_room_order`: a member skipped ahead over messages it neither received nor was told it
///   cannot have.
/// - `no_duplicate_delivery`: a member received a message it had already received.
/// - `no_silent_loss`: an owed message never arrived and was never reported missing (counted,
///   not a violation, under at-most-once).
/// - `delivery_follows_acceptance`: a message arrived before its room accepted it.
/// - `delivery_only_to_members`: a message arrived at someone who was not a member when the room
///   accepted it (never joined, joined later, or had left).
///
/// The same checker runs online and over a trace file. Memory is bounded by the (member, room)
/// pairs: what each member has is a watermark plus the few ranges that came out of order.
///
/// Messages accepted within the promised delivery grace before the end of the trace may still
/// be on their way: their missing deliveries are counted in flight, not lost.
public struct DeliveryChecker: GuaranteeChecker {
    private struct Membership: Sendable {
        /// The room's last accepted sequence when the membership began.
        var joinedAfter: Int
        /// The room's last accepted sequence when the membership ended, once it has.
        var leftAfter: Int?
        /// What the member has accounted for: received, or reported missing.
        var accounted: AccountedSequences
        /// The highest sequence the member received or was told it cannot have.
        var reached: Int
    }

    private var lastAccepted = FlatTable<Int, Int>()
    /// Acceptances within the delivery grace of the latest one, oldest first.
    private var recentAcceptances = Deque<(room: Int, sequence: Int, time: Int64)>()
    private var grace: Int64?
    private var members = FlatTable<RoomMemberKey, Membership>()
    private var counts = DeliveryReport()
    private var guarantee = DeliveryGuarantee.atMostOnce
    private var order = GuaranteeFinding(name: "per_room_order")
    private var duplicates = GuaranteeFinding(name: "no_duplicate_delivery")
    private var causality = GuaranteeFinding(name: "delivery_follows_acceptance")
    private var outsiders = GuaranteeFinding(name: "delivery_only_to_members")
    /// Loss in memberships already ended and judged.
    private var endedLoss = (count: 0, first: String?.none)

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            guarantee = parameters.guarantee
            grace = parameters.deliveryGrace
        case .messageSent:
            counts.sent += 1
        case .messageAccepted(let accepted):
            counts.accepted += 1
            lastAccepted[accepted.room, default: 0].raise(toAtLeast: accepted.sequence)
            if let grace {
                while let oldest = recentAcceptances.first, time.nanoseconds - oldest.time > grace {
                    recentAcceptances.removeFirst()
                }
                recentAcceptances.append((accepted.room, accepted.sequence, time.nanoseconds))
            }
        case .memberJoined(let joined):
            join(RoomMemberKey(room: joined.room, user: joined.user))
        case .memberLeft(let left):
            guard let slot = members.index(forKey: RoomMemberKey(room: left.room, user: left.user)),
                  members[slot: slot].leftAfter == nil else { return }
            members[slot: slot].leftAfter = lastAccepted[left.room] ?? 0
        case .messageDelivered(let delivered):
            counts.delivered += 1
            deliver(delivered, at: time, line: line)
        case .gapReported(let gap):
            guard gap.upTo > gap.after, let slot = members.index(forKey: RoomMemberKey(room: gap.room, user: gap.user)) else {
                return
            }
            // Only what the member was owed and had not accounted for counts as reported.
            let owedUpTo = members[slot: slot].leftAfter ?? lastAccepted[gap.room] ?? 0
            let start = Swift.max(gap.after, members[slot: slot].joinedAfter) + 1
            let end = Swift.min(gap.upTo, owedUpTo)
            if start <= end { counts.reportedLost += members[slot: slot].accounted.insert(start...end) }
            members[slot: slot].reached.raise(toAtLeast: gap.upTo)
        default:
            break
        }
    }

    /// A membership begins, unless the user is a member already (joining again with another
    /// role changes nothing owed). Joining after leaving judges the ended membership.
    private mutating func join(_ key: RoomMemberKey) {
        let last = lastAccepted[key.room] ?? 0
        if let member = members[key] {
            guard let leftAfter = member.leftAfter else { return }
            let missing = member.accounted.unaccounted(upTo: leftAfter)
            let lost = missing.reduce(0) { $0 + $1.count }
            if lost > 0, endedLoss.first == nil {
                endedLoss.first = Self.describeLoss(of: key.user, in: key.room, missing: missing, lost: lost, owedUpTo: leftAfter)
            }
            endedLoss.count += lost
            counts.owed += leftAfter - member.joinedAfter
        }
        members[key] = Membership(joinedAfter: last, accounted: AccountedSequences(after: last), reached: last)
    }

    private mutating func deliver(_ delivered: MessageDelivered, at time: SimulationInstant, line: Int) {
        let (user, room, sequence) = (delivered.user, delivered.room, delivered.sequence)
        // Described only for a finding: most deliveries break nothing.
        func what() -> String { "client-\(user) received seq \(sequence) of room-\(room) at \(time)" }
        let lastAccepted = lastAccepted[room] ?? 0
        guard sequence <= lastAccepted else {
            return causality.record("\(what()), before room-\(room) accepted it (its last accepted was seq "
                                    + "\(lastAccepted))", line: line)
        }
        // The membership is changed in place: a copy would copy what it has accounted for.
        guard let index = members.index(forKey: RoomMemberKey(room: room, user: user)) else {
            return outsiders.record("\(what()), a room it never joined", line: line)
        }
        let joinedAfter = members[slot: index].joinedAfter
        guard sequence > joinedAfter else {
            return outsiders.record("\(what()), accepted before it joined (after seq \(joinedAfter))", line: line)
        }
        if let leftAfter = members[slot: index].leftAfter, sequence > leftAfter {
            return outsiders.record("\(what()), accepted after it left (the room owed it up to seq \(leftAfter))", line: line)
        }
        guard !members[slot: index].accounted.contains(sequence) else {
            counts.duplicates += 1
            return duplicates.record("\(what()) again", line: line)
        }
        // A skip ahead over messages the member neither has nor was told of breaks the order.
        let reached = members[slot: index].reached
        if sequence > reached + 1 {
            let skipped = members[slot: index].accounted.unaccounted(upTo: sequence - 1).compactMap { range -> ClosedRange<Int>? in
                let start = Swift.max(range.lowerBound, reached + 1)
                return start <= range.upperBound ? start...range.upperBound : nil
            }
            if !skipped.isEmpty {
                counts.orderViolations += 1
                order.record("\(what()) but had not received, nor been told it cannot have, \(Self.list(skipped))", line: line)
            }
        }
        members[slot: index].accounted.insert(sequence...sequence)
        members[slot: index].reached = Swift.max(reached, sequence)
    }

    /// The delivery counts, with what is owed and lost judged as if every delivery had had time
    /// to arrive.
    ///
    /// - Complexity: O(m) in the (member, room) pairs.
    public var report: DeliveryReport { report(at: nil) }

    /// The delivery counts, with what is owed and lost judged as if the run ended at `end`:
    /// missing deliveries of messages accepted within the delivery grace before it are in flight.
    ///
    /// - Complexity: O(m) in the (member, room) pairs, plus the acceptances within the grace.
    public func report(at end: SimulationInstant?) -> DeliveryReport {
        var report = counts
        report.lost = endedLoss.count
        let settled = settledSequences(at: end)
        for (key, member) in members {
            let owedUpTo = member.leftAfter ?? lastAccepted[key.room] ?? 0
            report.owed += Swift.max(0, owedUpTo - member.joinedAfter)
            let judgedUpTo = Swift.min(owedUpTo, settled?[key.room] ?? owedUpTo)
            report.lost += member.accounted.unaccounted(upTo: judgedUpTo).reduce(0) { $0 + $1.count }
            if judgedUpTo < owedUpTo {
                let later = (judgedUpTo + 1)...owedUpTo
                report.inFlight += later.count - member.accounted.overlap(with: later)
            }
        }
        report.firstOrderViolation = order.firstViolation
        return report
    }

    /// Per room, the last sequence accepted more than the grace before `end`: deliveries of
    /// later ones may still be on their way. Nil without an end or a grace: all are judged.
    private func settledSequences(at end: SimulationInstant?) -> FlatTable<Int, Int>? {
        guard let end, let grace else { return nil }
        var settled = lastAccepted
        // A room's sequences grow with time: its first acceptance within the grace bounds it.
        for acceptance in recentAcceptances where end.nanoseconds - acceptance.time <= grace {
            settled[acceptance.room] = Swift.min(settled[acceptance.room] ?? 0, acceptance.sequence - 1)
        }
        return settled
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        let report = report(at: end)
        var loss = GuaranteeFinding(name: "no_silent_loss")
        if guarantee != .atMostOnce, report.lost > 0 {
            loss.violations = report.lost
            loss.firstViolation = "\(report.lost) of \(report.owed) owed deliveries never arrived and were never reported "
                + "missing; first: " + (endedLoss.first ?? firstLoss(settled: settledSequences(at: end)) ?? "not recorded")
        }
        return [order, duplicates, loss, causality, outsiders]
    }

    /// The first member, in (room, user) order, that lacks an owed message, with what it lacks.
    private func firstLoss(settled: FlatTable<Int, Int>?) -> String? {
        let lacking = members.compactMap { key, member -> (RoomMemberKey, [ClosedRange<Int>], Int)? in
            let owed = member.leftAfter ?? lastAccepted[key.room] ?? 0
            let owedUpTo = Swift.min(owed, settled?[key.room] ?? owed)
            let missing = member.accounted.unaccounted(upTo: owedUpTo)
            return missing.isEmpty ? nil : (key, missing, owedUpTo)
        }
        guard let (key, missing, owedUpTo) = lacking.min(by: { ($0.0.room, $0.0.user) < ($1.0.room, $1.0.user) }) else {
            return nil
        }
        return Self.describeLoss(of: key.user, in: key.room, missing: missing, lost: missing.reduce(0) { $0 + $1.count },
                                 owedUpTo: owedUpTo)
    }

    private static func describeLoss(of user: Int, in room: Int, missing: [ClosedRange<Int>], lost: Int,
                                     owedUpTo: Int) -> String {
        "client-\(user) in room-\(room) never received \(list(missing)) (\(lost) of the messages it was owed up to seq "
            + "\(owedUpTo)) and was never told it cannot have them"
    }

    /// Sequence ranges as people read them: `seq 4`, `seq 4-9`, the first three and a count.
    static func list(_ ranges: [ClosedRange<Int>]) -> String {
        let shown = ranges.prefix(3).map { $0.count == 1 ? "seq \($0.lowerBound)" : "seq \($0.lowerBound)-\($0.upperBound)" }
        let more = ranges.count > 3 ? " and \(ranges.count - 3) more runs" : ""
        return shown.joined(separator: ", ") + more
    }

    /// Findings for `report` alone, for a summary made without the events.
    ///
    /// - Parameter lossIsViolation: whether the guarantee promises no silent loss (at-least-once
    ///   and effectively-once do; at-most-once does not).
    public static func findings(for report: DeliveryReport, lossIsViolation: Bool) -> [GuaranteeFinding] {
        var loss = GuaranteeFinding(name: "no_silent_loss")
        if lossIsViolation, report.lost > 0 {
            loss.violations = report.lost
            loss.firstViolation = "\(report.lost) of \(report.owed) owed deliveries never arrived and were never reported missing"
        }
        var duplicates = GuaranteeFinding(name: "no_duplicate_delivery", violations: report.duplicates)
        if report.duplicates > 0 { duplicates.firstViolation = "\(report.duplicates) deliveries made twice" }
        return [GuaranteeFinding(name: "per_room_order", violations: report.orderViolations,
                                 firstViolation: report.firstOrderViolation),
                duplicates, loss, GuaranteeFinding(name: "delivery_follows_acceptance"),
                GuaranteeFinding(name: "delivery_only_to_members")]
    }

    /// Order violations so far: O(1), unlike ``report``, which walks every member.
    public var orderViolations: Int { counts.orderViolations }

    /// Violations of the guarantees judged as events arrive (cheap to poll).
    public var violationsSoFar: Int { order.violations + duplicates.violations + causality.violations + outsiders.violations }
}
