/// The promises a run's checkers hold it to, taken from its configuration and recorded as the
/// trace's first event, so that `simrun check` judges a trace file exactly as the run did.
///
/// Times are in nanoseconds.
public struct CheckParameters: Equatable, Sendable {
    /// The delivery guarantee: 0 at-most-once, 1 at-least-once, 2 effectively-once.
    public var guarantee: Int
    /// How long the server drops retried duplicates (effectively-once).
    public var dedupWindow: Int64
    /// The most requests a user may have admitted in any `rateWindow`.
    public var rateLimit: Int
    /// The rate limit's window.
    public var rateWindow: Int64
    /// How long a typing indicator lasts without renewal.
    public var typingExpiry: Int64
    /// The longest a presence change may take to reach a member.
    public var presenceBound: Int64
    /// The most attempts on one channel for one notification.
    public var notificationAttempts: Int
    /// How long a notification may take to end, delivered or failed, on every channel.
    public var notificationDeadline: Int64

    public init(guarantee: Int, dedupWindow: Int64, rateLimit: Int, rateWindow: Int64, typingExpiry: Int64,
                presenceBound: Int64, notificationAttempts: Int, notificationDeadline: Int64) {
        self.guarantee = guarantee
        self.dedupWindow = dedupWindow
        self.rateLimit = rateLimit
        self.rateWindow = rateWindow
        self.typingExpiry = typingExpiry
        self.presenceBound = presenceBound
        self.notificationAttempts = notificationAttempts
        self.notificationDeadline = notificationDeadline
    }

    /// The parameters `configuration` promises.
    public init(_ configuration: SystemConfiguration) {
        let guarantee: Int = switch configuration.delivery.guarantee {
        case .atMostOnce: 0
        case .atLeastOnce: 1
        case .effectivelyOnce: 2
        }
        // A token bucket admits at most its capacity plus one second of refill in any second.
        let (limit, window): (Int, Duration) = switch configuration.gateway.rateLimit {
        case .slidingWindow(let limit, let window): (limit, window)
        case .tokenBucket(let capacity, let refill): (capacity + Int(refill.rounded(.up)), .seconds(1))
        }
        let retry = configuration.notifications.retry
        let perChannel = (retry.attemptTimeout + retry.maxBackoff) * retry.maxAttempts
        self.init(guarantee: guarantee, dedupWindow: configuration.delivery.dedupWindow.wholeNanoseconds,
                  rateLimit: limit, rateWindow: window.wholeNanoseconds,
                  typingExpiry: configuration.signals.typingExpiry.wholeNanoseconds,
                  presenceBound: configuration.signals.presenceBound.wholeNanoseconds,
                  notificationAttempts: retry.maxAttempts,
                  notificationDeadline: (perChannel * Swift.max(1, configuration.notifications.channels.count)).wholeNanoseconds)
    }
}
