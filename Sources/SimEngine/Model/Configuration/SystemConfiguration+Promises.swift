public import SimEvents
import SimSupport

extension SystemConfiguration {
    /// What the system promises, as the checkers hold a run to it: the delivery guarantee, the
    /// dedup window, the rate limit, the typing expiry, the presence bound and the notification
    /// retry limit and deadline. A run records them as its trace's first event.
    public var promises: CheckParameters {
        // A token bucket admits at most its capacity plus one second of refill in any second.
        let (limit, window): (Int, Duration) = switch gateway.rateLimit {
        case .slidingWindow(let limit, let window): (limit, window)
        case .tokenBucket(let capacity, let refill): (capacity + Int(refill.rounded(.up)), .seconds(1))
        }
        let retry = notifications.retry
        let perChannel = (retry.attemptTimeout + retry.maxBackoff) * retry.maxAttempts
        return CheckParameters(guarantee: delivery.guarantee, dedupWindow: delivery.dedupWindow.wholeNanoseconds,
                               rateLimit: limit, rateWindow: window.wholeNanoseconds,
                               typingExpiry: signals.typingExpiry.wholeNanoseconds,
                               presenceBound: signals.presenceBound.wholeNanoseconds,
                               notificationAttempts: retry.maxAttempts,
                               notificationDeadline: (perChannel * Swift.max(1, notifications.channels.count)).wholeNanoseconds,
                               presenceRoomLimit: signals.presenceRoomLimit,
                               deliveryGrace: deliveryGrace.wholeNanoseconds)
    }

    /// How long a message accepted just before the end may take to reach everyone: a lost frame
    /// is recovered within the ack timeout (the client's refetch period), or within a second of
    /// the room's last head beacon, whichever is longer.
    public var deliveryGrace: Duration {
        Swift.max(delivery.ackTimeout, HeadBeacons.delays[HeadBeacons.delays.count - 1] + .seconds(1))
    }

    /// The metrics a run of this system can record, with clients that mix `profiles` (by name).
    public func metricCatalog(profiles: [String] = []) -> MetricCatalog {
        MetricCatalog(nodes: gateway.nodes, profiles: profiles)
    }
}
