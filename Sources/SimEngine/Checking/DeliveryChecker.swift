/// Checks the delivery guarantees over a stream of trace events: per-room order (each member
/// receives a room's messages in sequence, with no gap it was not told of) and exactly-once
/// delivery (each member receives every message accepted after it joined, once, unless its
/// client reported it missing).
///
/// The same checker runs online, fed by the trace recorder as events happen, and offline over
/// a trace file (`simrun check`). Memory is bounded by the number of (member, room) pairs.
public struct DeliveryChecker: Sendable {
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

    public init() {}

    /// Takes one event into account.
    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .memberJoined(let user, let room):
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
        case .memberLeft(let user, let room):
            let key = MemberKey(user: user, room: room)
            guard var member = members[key], member.isMember else { return }
            member.owedBefore += (lastAccepted[room] ?? 0) - member.joinedAfter
            member.isMember = false
            members[key] = member
        case .messageSent:
            counts.sent += 1
        case .messageAccepted(let room, let sequence, _, _):
            counts.accepted += 1
            lastAccepted[room] = Swift.max(lastAccepted[room] ?? 0, sequence)
        case .messageDelivered(let user, let room, let sequence):
            counts.delivered += 1
            let key = MemberKey(user: user, room: room)
            guard var member = members[key] else {
                recordOrderViolation("client-\(user) received seq \(sequence) of room-\(room) at \(time), a room it never joined")
                return
            }
            let expected = member.lastReceived + 1
            if sequence != expected {
                recordOrderViolation("client-\(user) received seq \(sequence) of room-\(room) at \(time) but expected seq \(expected)")
            }
            member.lastReceived = Swift.max(member.lastReceived, sequence)
            member.received += 1
            members[key] = member
        case .gapReported(let user, let room, let after, let upTo):
            let key = MemberKey(user: user, room: room)
            guard var member = members[key] else { return }
            // Only messages not already received count, and a gap never moves the member back.
            let start = Swift.max(after, member.lastReceived)
            if upTo > start {
                member.reportedMissing += upTo - start
                member.lastReceived = upTo
            }
            members[key] = member
        }
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
