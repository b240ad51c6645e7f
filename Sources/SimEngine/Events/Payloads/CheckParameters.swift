/// The promises a run's checkers hold it to, recorded as the trace's first event so that a trace
/// is judged alone (`simrun check`) exactly as the run was. Times are in nanoseconds.
public struct CheckParameters: TraceEventPayload {
    public static let name = "check_parameters"
    public static let tag: UInt64 = 7
    public static let meaning = "The promises the checkers hold the run to: limits, windows and bounds. "
        + "Recorded first, so that a trace is judged alone exactly as the run was."

    /// The delivery guarantee.
    public var guarantee: DeliveryGuarantee = .placeholder
    /// How long the server drops retried duplicates (effectively-once).
    public var dedupWindow: Int64 = .placeholder
    /// The most requests a user may have admitted in any `rateWindow`.
    public var rateLimit: Int = .placeholder
    /// The rate limit's window.
    public var rateWindow: Int64 = .placeholder
    /// How long a typing indicator lasts without renewal.
    public var typingExpiry: Int64 = .placeholder
    /// The longest a presence change may take to reach a member.
    public var presenceBound: Int64 = .placeholder
    /// The most attempts on one channel for one notification.
    public var notificationAttempts: Int = .placeholder
    /// How long a notification may take to end, delivered or failed, on every channel.
    public var notificationDeadline: Int64 = .placeholder
    /// The largest room that tells its members of presence changes; nil when the trace does not
    /// say (schema version 1), and presence is then judged by lateness alone.
    public var presenceRoomLimit: Int? = .placeholder
    /// How long a delivery may still be on its way when the trace ends: owed deliveries of
    /// messages accepted within it that have not arrived are in flight, not lost. Nil when the
    /// trace does not say (schema version 1, or a hand-written trace): nothing is in flight.
    public var deliveryGrace: Int64? = .placeholder

    public init() {}

    public init(guarantee: DeliveryGuarantee, dedupWindow: Int64, rateLimit: Int, rateWindow: Int64, typingExpiry: Int64,
                presenceBound: Int64, notificationAttempts: Int, notificationDeadline: Int64, presenceRoomLimit: Int? = nil,
                deliveryGrace: Int64? = nil) {
        self.deliveryGrace = deliveryGrace
        self.guarantee = guarantee
        self.dedupWindow = dedupWindow
        self.rateLimit = rateLimit
        self.rateWindow = rateWindow
        self.typingExpiry = typingExpiry
        self.presenceBound = presenceBound
        self.notificationAttempts = notificationAttempts
        self.notificationDeadline = notificationDeadline
        self.presenceRoomLimit = presenceRoomLimit
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("guarantee", &guarantee, "the delivery guarantee")
        coder.field("dedup_window_ns", &dedupWindow, "how long the server drops retried duplicates")
        coder.field("rate_limit", &rateLimit, "the most requests a user may have admitted in any rate window")
        coder.field("rate_window_ns", &rateWindow, "the rate limit's window")
        coder.field("typing_expiry_ns", &typingExpiry, "how long a typing indicator lasts without renewal")
        coder.field("presence_bound_ns", &presenceBound, "the longest a presence change may take to reach a member")
        coder.field("notification_attempts", &notificationAttempts, "the most attempts on one channel for one notification")
        coder.field("notification_deadline_ns", &notificationDeadline,
                    "how long a notification may take to end, delivered or failed, on every channel")
        coder.field("presence_room_limit", &presenceRoomLimit,
                    "the largest room that tells its members of presence changes", since: 2)
        coder.field("delivery_grace_ns", &deliveryGrace,
                    "how long a delivery may still be on its way when the trace ends: missing deliveries of messages accepted within it are in flight, not lost",
                    since: 2)
    }

    public var event: TraceEvent { .checkParameters(self) }
}
