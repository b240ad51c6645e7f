import Testing
import SimRuntime
import SimEvents
import SimCheckers

/// Each guarantee's checker, fed a hand-written trace that breaks exactly that guarantee.
@Suite("Guarantee checkers")
struct GuaranteeCheckerTests {
    private static let parameters = CheckParameters(
        guarantee: .effectivelyOnce, dedupWindow: 120_000_000_000, rateLimit: 2, rateWindow: 60_000_000_000,
        typingExpiry: 5_000_000_000, presenceBound: 5_000_000_000, notificationAttempts: 3,
        notificationDeadline: 100_000_000_000, presenceRoomLimit: 1_000)

    /// Events at whole seconds, after the parameters.
    private static func violated(by events: [(seconds: Int64, event: any TraceEventPayload)], endingAt end: Int64 = 10) -> [String] {
        var suite = GuaranteeSuite()
        suite.observe(parameters.event, at: .start)
        for (seconds, event) in events { suite.observe(event.event, at: SimulationInstant(nanoseconds: seconds * 1_000_000_000)) }
        return suite.findings(at: SimulationInstant(nanoseconds: end * 1_000_000_000)).filter { !$0.held }.map(\.name)
    }

    /// User 1 in room 0, which accepted user 2's message 1, delivered to user 1.
    private static let oneDelivered: [(seconds: Int64, event: any TraceEventPayload)] = [
        (0, MemberJoined(user: 1, room: 0)),
        (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
        (2, MessageDelivered(user: 1, room: 0, sequence: 1)),
    ]

    static let cases: [(String, [(seconds: Int64, event: any TraceEventPayload)])] = [
        ("per_room_order", [
            (0, MemberJoined(user: 1, room: 0)),
            (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
            (1, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 2)),
            (3, MessageDelivered(user: 1, room: 0, sequence: 2)),
            (4, MessageDelivered(user: 1, room: 0, sequence: 1)),
        ]),
        ("no_duplicate_delivery", oneDelivered + [(3, MessageDelivered(user: 1, room: 0, sequence: 1))]),
        ("no_silent_loss", [
            (0, MemberJoined(user: 1, room: 0)),
            (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
        ]),
        ("delivery_follows_acceptance", [
            (0, MemberJoined(user: 1, room: 0)),
            (2, MessageDelivered(user: 1, room: 0, sequence: 1)),
            (3, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
            (4, MessageDelivered(user: 1, room: 0, sequence: 1)),
        ]),
        ("delivery_only_to_members", [
            (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
            (2, MessageDelivered(user: 1, room: 0, sequence: 1)),
        ]),
        ("per_sender_fifo", [
            (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 8)),
            (2, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 7)),
        ]),
        ("no_duplicate_within_dedup_window", [
            (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 5)),
            (2, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 5)),
        ]),
        ("rate_limit_respected", [
            (1, RequestAdmitted(user: 4)), (30, RequestAdmitted(user: 4)), (59, RequestAdmitted(user: 4)),
        ]),
        ("no_receipt_for_own_message", oneDelivered + [
            (3, ReceiptSent(reader: 1, room: 0, kind: .delivered, upTo: 1, recipient: 1)),
        ]),
        ("receipts_monotone", oneDelivered + [
            (3, ReceiptSent(reader: 1, room: 0, kind: .read, upTo: 1, recipient: 2)),
            (4, ReceiptSent(reader: 1, room: 0, kind: .read, upTo: 1, recipient: 2)),
        ]),
        ("read_implies_delivered", oneDelivered + [
            (3, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 2)),
            (3, ReceiptSent(reader: 1, room: 0, kind: .read, upTo: 2, recipient: 2)),
            (4, MessageDelivered(user: 1, room: 0, sequence: 2)),
        ]),
        ("typing_expires", [(0, TypingStarted(room: 0, user: 1)), (6, TypingStopped(room: 0, user: 1))]),
        ("presence_within_bound", [
            (0, PresenceChanged(room: 0, user: 1, online: true)),
            (6, PresenceSeen(observer: 2, room: 0, user: 1, online: true, changedAt: .start)),
        ]),
        ("notification_ends_within_retry_limit", [
            (0, NotificationCreated(id: 1, user: 1)), (0, BadgeChanged(user: 1, badge: 1)),
            (0, NotificationAttempted(id: 1, user: 1, channel: .push, attempt: 4)),
            (1, NotificationEnded(id: 1, user: 1, delivered: true, channel: .push)),
        ]),
        ("badge_equals_unread", [(0, NotificationCreated(id: 1, user: 1)), (0, BadgeChanged(user: 1, badge: 2))]),
        ("replicas_converge", [
            (0, MemberJoined(user: 1, room: 0)),
            (1, DocumentRevised(room: 0, sequence: 1, user: 2, edit: .insert(at: 0, element: 5), length: 1,
                                digest: DocumentContent(elements: [5]).digest)),
            (2, ReplicaSettled(user: 1, room: 0, sequence: 1, length: 1, digest: DocumentContent(elements: [6]).digest)),
        ]),
        ("audit_exactly_once_in_order", [
            (0, PrivilegedActionTaken(room: 0, number: 1, action: .removal, actor: 1, subject: 2)),
            (1, AuditRecorded(room: 0, number: 1, action: .removal, actor: 2, subject: 2, performedAt: .start)),
        ]),
        ("mark_all_respects_cutoff", [
            (2, NotificationCreated(id: 1, user: 1)), (2, BadgeChanged(user: 1, badge: 1)),
            (3, NotificationRead(id: 1, user: 1, cutoff: SimulationInstant(nanoseconds: 1_000_000_000))), (3, BadgeChanged(user: 1, badge: 0)),
        ]),
    ]

    @Test(arguments: cases)
    func eachViolationIsReportedAndNothingElse(guarantee: String, events: [(seconds: Int64, event: any TraceEventPayload)]) {
        #expect(Self.violated(by: events) == [guarantee])
    }

    @Test func everyGuaranteeHasAnInjectedViolation() {
        var suite = GuaranteeSuite()
        suite.observe(Self.parameters.event, at: .start)
        #expect(suite.findings(at: .start).map(\.name).sorted() == Self.cases.map(\.0).sorted())
    }

    @Test func theSameEventsDoneRightBreakNothing() {
        #expect(Self.violated(by: Self.oneDelivered + [
            (3, ReceiptSent(reader: 1, room: 0, kind: .delivered, upTo: 1, recipient: 2)),
            (3, ReceiptSent(reader: 1, room: 0, kind: .read, upTo: 1, recipient: 2)),
            (4, TypingStarted(room: 0, user: 1)), (6, TypingRenewed(room: 0, user: 1)), (11, TypingStopped(room: 0, user: 1)),
            (5, RequestAdmitted(user: 4)), (30, RequestAdmitted(user: 4)), (66, RequestAdmitted(user: 4)),
            (5, NotificationCreated(id: 1, user: 1)), (5, BadgeChanged(user: 1, badge: 1)),
            (5, NotificationAttempted(id: 1, user: 1, channel: .push, attempt: 1)),
            (6, NotificationEnded(id: 1, user: 1, delivered: true, channel: .push)),
            (7, NotificationRead(id: 1, user: 1, cutoff: SimulationInstant(nanoseconds: 5_000_000_000))), (7, BadgeChanged(user: 1, badge: 0)),
        ], endingAt: 70).isEmpty)
    }

    @Test func aNotificationThatNeverEndsIsReportedOnlyPastItsDeadline() {
        let events: [(seconds: Int64, event: any TraceEventPayload)] = [
            (0, NotificationCreated(id: 1, user: 1)), (0, BadgeChanged(user: 1, badge: 1)),
        ]
        #expect(Self.violated(by: events, endingAt: 100).isEmpty)
        #expect(Self.violated(by: events, endingAt: 101) == ["notification_ends_within_retry_limit"])
    }

    @Test func anIndicatorStillShownPastItsExpiryAtTheEndIsReported() {
        #expect(Self.violated(by: [(0, TypingStarted(room: 0, user: 1))], endingAt: 5).isEmpty)
        #expect(Self.violated(by: [(0, TypingStarted(room: 0, user: 1))], endingAt: 6) == ["typing_expires"])
    }
}
