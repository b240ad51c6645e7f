public import SimEvents
public import SimRuntime

/// Every guarantee checker, fed the same events: the observer a run's trace recorder feeds as
/// the run goes, and `simrun check` feeds from a file.
///
/// ```swift
/// let recorder = TraceRecorder(observer: GuaranteeSuite())
/// // … the model records into `recorder` …
/// let end = recorder.lastTime
/// let judgement = recorder.withObserver { $0.judgement(at: end) }
/// ```
public struct GuaranteeSuite: EventObserver, Sendable {
    /// Delivery: per-room order, duplicates, silent loss; and the message counts.
    public private(set) var delivery = DeliveryChecker()
    private var senders = SenderOrderChecker()
    private var rateLimit = RateLimitChecker()
    private var receipts = ReceiptChecker()
    private var typing = TypingChecker()
    private var presence = PresenceChecker()
    private var notifications = NotificationChecker()

    public init() {}

    /// Takes one event into account.
    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        delivery.observe(event, at: time)
        switch event {
        case .checkParameters:
            senders.observe(event, at: time)
            rateLimit.observe(event, at: time)
            typing.observe(event, at: time)
            presence.observe(event, at: time)
            notifications.observe(event, at: time)
        case .messageAccepted:
            senders.observe(event, at: time)
            receipts.observe(event, at: time)
        case .memberJoined: receipts.observe(event, at: time)
        case .requestAdmitted: rateLimit.observe(event, at: time)
        case .receiptSent, .messageDelivered, .gapReported: receipts.observe(event, at: time)
        case .typingStarted, .typingRenewed, .typingStopped: typing.observe(event, at: time)
        case .presenceSeen: presence.observe(event, at: time)
        case .notificationCreated, .notificationAttempted, .notificationEnded, .notificationRead, .badgeChanged:
            notifications.observe(event, at: time)
        default: break
        }
    }

    /// Every guarantee's findings, judged as if the run ended at `end`, in a fixed order.
    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        delivery.findings(at: end) + senders.findings(at: end) + rateLimit.findings(at: end) + receipts.findings(at: end)
            + typing.findings(at: end) + presence.findings(at: end) + notifications.findings(at: end)
    }

    /// The delivery counts and every guarantee's findings, judged as if the run ended at `end`.
    ///
    /// - Complexity: O(m) in the (member, room) pairs, and the pending deadlines.
    public func judgement(at end: SimulationInstant) -> Judgement {
        Judgement(delivery: delivery.report, findings: findings(at: end))
    }

    /// Violations found so far by the checks that judge as events arrive (cheap to poll).
    public var violationsSoFar: Int { delivery.orderViolations }
}
