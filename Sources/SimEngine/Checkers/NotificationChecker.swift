public import SimRuntime
public import SimEvents

/// Checks notifications: every delivery ends, delivered or failed, within its deadline and
/// retry limit; each badge equals the user's unread count and is never negative; a mark-all
/// reads only what was created by its cutoff.
public struct NotificationChecker: GuaranteeChecker {
    private struct DeliveryKey: Hashable, Sendable {
        var id: UInt64
        var user: Int
    }

    private var parameters: CheckParameters?
    /// Deliveries not ended, by creation time.
    private var pending: [DeliveryKey: Int64] = [:]
    /// Unread notifications, by creation time.
    private var unreadSince: [DeliveryKey: Int64] = [:]
    private var unread: [Int: Int] = [:]
    private var ends = GuaranteeFinding(name: "notification_ends_within_retry_limit")
    private var badge = GuaranteeFinding(name: "badge_equals_unread")
    private var cutoff = GuaranteeFinding(name: "mark_all_respects_cutoff")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .notificationCreated(let created):
            let (id, user) = (created.id, created.user)
            let key = DeliveryKey(id: id, user: user)
            pending[key] = time.nanoseconds
            unreadSince[key] = time.nanoseconds
            unread[user, default: 0] += 1
        case .notificationAttempted(let attempted):
            let (id, user, channel, attempt) = (attempted.id, attempted.user, attempted.channel, attempted.attempt)
            if let limit = parameters?.notificationAttempts, attempt > limit {
                ends.record("notification \(id) for client-\(user) made attempt \(attempt) on channel \(channel) at \(time); "
                            + "the limit is \(limit)")
            }
        case .notificationEnded(let ended):
            pending[DeliveryKey(id: ended.id, user: ended.user)] = nil
        case .notificationRead(let read):
            let (id, user) = (read.id, read.user)
            guard let createdAt = unreadSince.removeValue(forKey: DeliveryKey(id: id, user: user)) else { return }
            unread[user, default: 0] -= 1
            if let markAllCutoff = read.cutoff, createdAt > markAllCutoff.nanoseconds {
                cutoff.record("a mark-all of client-\(user) with cutoff \(markAllCutoff) read "
                              + "notification \(id), created at \(SimulationInstant(nanoseconds: createdAt)), at \(time)")
            }
        case .badgeChanged(let changed):
            let (user, shown) = (changed.user, changed.badge)
            let expected = unread[user] ?? 0
            if shown < 0 || shown != expected {
                badge.record("client-\(user)'s badge showed \(shown) at \(time) with \(expected) unread")
            }
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var ends = ends
        if let deadline = parameters?.notificationDeadline {
            let overdue = pending.filter { end.nanoseconds - $0.value > deadline }
                .sorted { ($0.value, $0.key.id, $0.key.user) < ($1.value, $1.key.id, $1.key.user) }
            for (key, createdAt) in overdue {
                ends.record("notification \(key.id) for client-\(key.user), created at "
                            + "\(SimulationInstant(nanoseconds: createdAt)), had not ended at \(end), "
                            + "beyond its \(Duration.nanoseconds(deadline)) deadline")
            }
        }
        return [ends, badge, cutoff]
    }
}
