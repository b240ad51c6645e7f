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
///
/// The suite numbers the events as a trace file holds them, so that each finding names the line
/// of the event that showed it.
public struct GuaranteeSuite: EventObserver, Sendable {
    /// Delivery: per-room order, duplicates, silent loss, causality, membership; and the counts.
    public private(set) var delivery = DeliveryChecker()
    private var senders = SenderOrderChecker()
    private var rateLimit = RateLimitChecker()
    private var receipts = ReceiptChecker()
    private var typing = TypingChecker()
    private var presence = PresenceChecker()
    private var notifications = NotificationChecker()
    private var convergence = ConvergenceChecker()
    private var audit = AuditChecker()
    /// The trace line of the next event.
    private var line: Int

    /// A suite whose first event is on trace line `firstLine`: 2 in a file of schema version 2,
    /// below its header; 1 in one of version 1.
    public init(firstLine: Int = 2) {
        line = firstLine
    }

    /// Takes one event into account.
    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        defer { line += 1 }
        // Deadlines that passed before this event are judged first.
        typing.advance(to: time, line: line)
        presence.advance(to: time, line: line)
        notifications.advance(to: time, line: line)
        delivery.observe(event, at: time, line: line)
        switch event {
        case .checkParameters:
            senders.observe(event, at: time, line: line)
            rateLimit.observe(event, at: time, line: line)
            typing.observe(event, at: time, line: line)
            presence.observe(event, at: time, line: line)
            notifications.observe(event, at: time, line: line)
            convergence.observe(event, at: time, line: line)
            audit.observe(event, at: time, line: line)
        case .messageAccepted:
            senders.observe(event, at: time, line: line)
            receipts.observe(event, at: time, line: line)
        case .memberJoined, .memberLeft:
            receipts.observe(event, at: time, line: line)
            presence.observe(event, at: time, line: line)
            convergence.observe(event, at: time, line: line)
        case .requestAdmitted: rateLimit.observe(event, at: time, line: line)
        case .receiptSent, .messageDelivered, .gapReported: receipts.observe(event, at: time, line: line)
        case .typingStarted, .typingRenewed, .typingStopped: typing.observe(event, at: time, line: line)
        case .presenceChanged, .presenceSeen: presence.observe(event, at: time, line: line)
        case .notificationCreated, .notificationAttempted, .notificationEnded, .notificationRead, .badgeChanged:
            notifications.observe(event, at: time, line: line)
        case .documentRevised, .replicaSettled: convergence.observe(event, at: time, line: line)
        case .privilegedAction, .auditRecorded: audit.observe(event, at: time, line: line)
        case .messageSent: convergence.observe(event, at: time, line: line)
        }
    }

    /// Every guarantee's findings, judged as if the run ended at `end`, in a fixed order.
    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        delivery.findings(at: end) + senders.findings(at: end) + rateLimit.findings(at: end) + receipts.findings(at: end)
            + typing.findings(at: end) + presence.findings(at: end) + notifications.findings(at: end)
            + convergence.findings(at: end) + audit.findings(at: end)
    }

    /// The delivery counts and every guarantee's findings, judged as if the run ended at `end`.
    ///
    /// - Complexity: O(m) in the (member, room) pairs, and the pending deadlines.
    public func judgement(at end: SimulationInstant) -> Judgement {
        Judgement(delivery: delivery.report(at: end), findings: findings(at: end))
    }

    /// Violations found so far by the checks that judge as events arrive (cheap to poll).
    public var violationsSoFar: Int { delivery.violationsSoFar }
}
