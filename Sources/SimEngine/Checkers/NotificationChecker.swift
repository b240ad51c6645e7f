public import SimEvents
public import SimRuntime
import SimSupport

/// Checks notifications: every delivery ends, delivered or failed, by its deadline (judged the
/// moment the trace passes it) and within the retry limit on each channel, attempts being
/// counted here rather than read from their labels; each badge equals the user's unread count
/// and is never negative; a mark-all reads only what was created by its cutoff.
public struct NotificationChecker: GuaranteeChecker {
    private struct DeliveryKey: Hashable, Sendable {
        var id: UInt64
        var user: Int
    }

    private struct Delivery: Sendable {
        var createdAt: Int64
        /// Attempts counted so far, per channel.
        var attempts: [NotificationChannel: Int] = [:]
    }

    private var parameters: CheckParameters?
    /// Deliveries not ended.
    private var pending: [DeliveryKey: Delivery] = [:]
    private var deadlines = DeadlineQueue<(key: DeliveryKey, createdAt: Int64)>()
    /// Unread notifications, by creation time.
    private var unreadSince: [DeliveryKey: Int64] = [:]
    private var unread: [Int: Int] = [:]
    private var ends = GuaranteeFinding(name: "notification_ends_within_retry_limit")
    private var badge = GuaranteeFinding(name: "badge_equals_unread")
    private var cutoff = GuaranteeFinding(name: "mark_all_respects_cutoff")

    public init() {}

    public mutating func advance(to time: SimulationInstant, line: Int) {
        guard let deadline = parameters?.notificationDeadline, let earliest = deadlines.earliest,
              earliest < time.nanoseconds else { return }
        for (key, createdAt) in deadlines.popDue(before: time.nanoseconds) where pending[key]?.createdAt == createdAt {
            pending[key] = nil
            ends.record("notification \(key.id) for client-\(key.user), created at \(SimulationInstant(nanoseconds: createdAt)), "
                        + "had not ended by its deadline at \(SimulationInstant(nanoseconds: createdAt + deadline)) "
                        + "(\(DurationText.seconds(nanoseconds: deadline)) after it was created); the trace reached \(time)",
                        line: line)
        }
    }

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .notificationCreated(let created):
            let key = DeliveryKey(id: created.id, user: created.user)
            pending[key] = Delivery(createdAt: time.nanoseconds)
            if let deadline = parameters?.notificationDeadline {
                deadlines.add((key, time.nanoseconds), by: time.nanoseconds &+ deadline)
            }
            unreadSince[key] = time.nanoseconds
            unread[created.user, default: 0] += 1
        case .notificationAttempted(let attempted):
            count(attempted, at: time, line: line)
        case .notificationEnded(let ended):
            let key = DeliveryKey(id: ended.id, user: ended.user)
            if pending.removeValue(forKey: key) == nil, unreadSince[key] == nil {
                ends.record("notification \(ended.id) for client-\(ended.user) ended at \(time) but was never created",
                            line: line)
            }
        case .notificationRead(let read):
            let key = DeliveryKey(id: read.id, user: read.user)
            guard let createdAt = unreadSince.removeValue(forKey: key) else { return }
            unread[read.user, default: 0] -= 1
            if let markAllCutoff = read.cutoff, createdAt > markAllCutoff.nanoseconds {
                cutoff.record("a mark-all of client-\(read.user) with cutoff \(markAllCutoff) read notification \(read.id), "
                              + "created at \(SimulationInstant(nanoseconds: createdAt)), at \(time)", line: line)
            }
        case .badgeChanged(let changed):
            let expected = unread[changed.user] ?? 0
            if changed.badge < 0 || changed.badge != expected {
                badge.record("client-\(changed.user)'s badge showed \(changed.badge) at \(time) with \(expected) unread",
                             line: line)
            }
        default:
            break
        }
    }

    /// Counts an attempt on its channel: more than the limit, or a label that is not the count,
    /// is a violation.
    private mutating func count(_ attempted: NotificationAttempted, at time: SimulationInstant, line: Int) {
        let key = DeliveryKey(id: attempted.id, user: attempted.user)
        guard let index = pending.index(forKey: key) else { return }
        let made = (pending.values[index].attempts[attempted.channel] ?? 0) + 1
        pending.values[index].attempts[attempted.channel] = made
        // Described only for a finding.
        func what() -> String {
            "notification \(attempted.id) for client-\(attempted.user) made attempt \(made) on "
                + "\(attempted.channel.rawValue) at \(time)"
        }
        if let limit = parameters?.notificationAttempts, made > limit {
            ends.record("\(what()); the limit is \(limit)", line: line)
        } else if attempted.attempt != made {
            ends.record("\(what()), labelled attempt \(attempted.attempt)", line: line)
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var ends = ends
        if let deadline = parameters?.notificationDeadline {
            let overdue = pending.filter { end.nanoseconds - $0.value.createdAt > deadline }
                .sorted { ($0.value.createdAt, $0.key.id, $0.key.user) < ($1.value.createdAt, $1.key.id, $1.key.user) }
            for (key, delivery) in overdue {
                ends.record("notification \(key.id) for client-\(key.user), created at "
                            + "\(SimulationInstant(nanoseconds: delivery.createdAt)), had not ended at the end (\(end)), "
                            + "beyond its \(DurationText.seconds(nanoseconds: deadline)) deadline")
            }
        }
        return [ends, badge, cutoff]
    }
}
