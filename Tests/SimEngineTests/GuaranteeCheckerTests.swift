import Testing
import SimEngine

/// Each guarantee's checker, fed a hand-written trace that breaks exactly that guarantee.
@Suite("Guarantee checkers")
struct GuaranteeCheckerTests {
    private static let parameters = CheckParameters(
        guarantee: 2, dedupWindow: 120_000_000_000, rateLimit: 2, rateWindow: 60_000_000_000,
        typingExpiry: 5_000_000_000, presenceBound: 5_000_000_000, notificationAttempts: 3,
        notificationDeadline: 100_000_000_000)

    /// Events at whole seconds, after the parameters.
    private static func violated(by events: [(seconds: Int64, event: TraceEvent)], endingAt end: Int64 = 10) -> [String] {
        var suite = GuaranteeSuite()
        suite.observe(.checkParameters(parameters: parameters), at: .start)
        for (seconds, event) in events { suite.observe(event, at: SimulationInstant(nanoseconds: seconds * 1_000_000_000)) }
        return suite.findings(at: SimulationInstant(nanoseconds: end * 1_000_000_000)).filter { !$0.held }.map(\.name)
    }

    /// User 1 in room 0, which accepted user 2's message 1, delivered to user 1.
    private static let oneDelivered: [(seconds: Int64, event: TraceEvent)] = [
        (0, .memberJoined(user: 1, room: 0)),
        (1, .messageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
        (2, .messageDelivered(user: 1, room: 0, sequence: 1)),
    ]

    static let cases: [(String, [(seconds: Int64, event: TraceEvent)])] = [
        ("per_room_order", [
            (0, .memberJoined(user: 1, room: 0)),
            (1, .messageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
            (1, .messageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 2)),
            (3, .messageDelivered(user: 1, room: 0, sequence: 2)),
            (4, .messageDelivered(user: 1, room: 0, sequence: 1)),
        ]),
        ("no_duplicate_delivery", oneDelivered + [(3, .messageDelivered(user: 1, room: 0, sequence: 1))]),
        ("no_silent_loss", [
            (0, .memberJoined(user: 1, room: 0)),
            (1, .messageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
        ]),
        ("per_sender_fifo", [
            (1, .messageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 8)),
            (2, .messageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 7)),
        ]),
        ("no_duplicate_within_dedup_window", [
            (1, .messageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 5)),
            (2, .messageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 5)),
        ]),
        ("rate_limit_respected", [
            (1, .requestAdmitted(user: 4)), (30, .requestAdmitted(user: 4)), (59, .requestAdmitted(user: 4)),
        ]),
        ("no_receipt_for_own_message", oneDelivered + [
            (3, .receiptSent(reader: 1, room: 0, kind: 0, upTo: 1, recipient: 1)),
        ]),
        ("receipts_monotone", oneDelivered + [
            (3, .receiptSent(reader: 1, room: 0, kind: 1, upTo: 1, recipient: 2)),
            (4, .receiptSent(reader: 1, room: 0, kind: 1, upTo: 1, recipient: 2)),
        ]),
        ("read_implies_delivered", oneDelivered + [
            (3, .messageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 2)),
            (3, .receiptSent(reader: 1, room: 0, kind: 1, upTo: 2, recipient: 2)),
            (4, .messageDelivered(user: 1, room: 0, sequence: 2)),
        ]),
        ("typing_expires", [(0, .typingStarted(room: 0, user: 1)), (6, .typingStopped(room: 0, user: 1))]),
        ("presence_within_bound", [
            (0, .presenceChanged(room: 0, user: 1, online: 1)),
            (6, .presenceSeen(observer: 2, room: 0, user: 1, online: 1, changedAt: 0)),
        ]),
        ("notification_ends_within_retry_limit", [
            (0, .notificationCreated(id: 1, user: 1)), (0, .badgeChanged(user: 1, badge: 1)),
            (0, .notificationAttempted(id: 1, user: 1, channel: 2, attempt: 4)),
            (1, .notificationEnded(id: 1, user: 1, delivered: 1, channel: 2)),
        ]),
        ("badge_equals_unread", [(0, .notificationCreated(id: 1, user: 1)), (0, .badgeChanged(user: 1, badge: 2))]),
        ("mark_all_respects_cutoff", [
            (2, .notificationCreated(id: 1, user: 1)), (2, .badgeChanged(user: 1, badge: 1)),
            (3, .notificationRead(id: 1, user: 1, cutoff: 1_000_000_000)), (3, .badgeChanged(user: 1, badge: 0)),
        ]),
    ]

    @Test(arguments: cases)
    func eachViolationIsReportedAndNothingElse(guarantee: String, events: [(seconds: Int64, event: TraceEvent)]) {
        #expect(Self.violated(by: events) == [guarantee])
    }

    @Test func everyGuaranteeHasAnInjectedViolation() {
        var suite = GuaranteeSuite()
        suite.observe(.checkParameters(parameters: Self.parameters), at: .start)
        #expect(suite.findings(at: .start).map(\.name).sorted() == Self.cases.map(\.0).sorted())
    }

    @Test func theSameEventsDoneRightBreakNothing() {
        #expect(Self.violated(by: Self.oneDelivered + [
            (3, .receiptSent(reader: 1, room: 0, kind: 0, upTo: 1, recipient: 2)),
            (3, .receiptSent(reader: 1, room: 0, kind: 1, upTo: 1, recipient: 2)),
            (4, .typingStarted(room: 0, user: 1)), (6, .typingRenewed(room: 0, user: 1)), (11, .typingStopped(room: 0, user: 1)),
            (5, .requestAdmitted(user: 4)), (30, .requestAdmitted(user: 4)), (66, .requestAdmitted(user: 4)),
            (5, .notificationCreated(id: 1, user: 1)), (5, .badgeChanged(user: 1, badge: 1)),
            (5, .notificationAttempted(id: 1, user: 1, channel: 2, attempt: 3)),
            (6, .notificationEnded(id: 1, user: 1, delivered: 1, channel: 2)),
            (7, .notificationRead(id: 1, user: 1, cutoff: 5_000_000_000)), (7, .badgeChanged(user: 1, badge: 0)),
        ], endingAt: 70).isEmpty)
    }

    @Test func aNotificationThatNeverEndsIsReportedOnlyPastItsDeadline() {
        let events: [(seconds: Int64, event: TraceEvent)] = [
            (0, .notificationCreated(id: 1, user: 1)), (0, .badgeChanged(user: 1, badge: 1)),
        ]
        #expect(Self.violated(by: events, endingAt: 100).isEmpty)
        #expect(Self.violated(by: events, endingAt: 101) == ["notification_ends_within_retry_limit"])
    }

    @Test func anIndicatorStillShownPastItsExpiryAtTheEndIsReported() {
        #expect(Self.violated(by: [(0, .typingStarted(room: 0, user: 1))], endingAt: 5).isEmpty)
        #expect(Self.violated(by: [(0, .typingStarted(room: 0, user: 1))], endingAt: 6) == ["typing_expires"])
    }
}

@Suite("Ordered completion")
struct OrderedCompletionTests {
    @Test func workFinishingOutOfOrderIsReleasedInStartOrder() {
        var order = OrderedCompletion<String>()
        let (a, b, c) = (order.start(), order.start(), order.start())
        #expect(order.finish(c, "c").isEmpty)
        #expect(order.finish(b, "b").isEmpty)
        #expect(order.finish(a, "a") == ["a", "b", "c"])
        #expect(order.inFlight == 0)
        let d = order.start()
        #expect(order.finish(d, "d") == ["d"])
    }
}
