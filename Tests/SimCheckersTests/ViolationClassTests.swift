import Testing
import SimCheckers
import SimEvents
import SimRuntime
import SimTesting

/// Hand-written traces for each class of blind spot an independent suite found, each with a
/// clean counterpart that must pass.
@Suite("Violation classes")
struct ViolationClassTests {
    private static let promises = HandWrittenTrace.promises

    private func violated(_ events: [(Double, any TraceEventPayload)], promises: CheckParameters = promises,
                          endingAt end: Double? = nil) -> [String] {
        HandWrittenTrace.violated(events, promises: promises, endingAt: end)
    }

    private let room: [(Double, any TraceEventPayload)] = [
        (0, MemberJoined(user: 1, room: 0)), (0, MemberJoined(user: 2, room: 0)),
        (1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
        (1, MessageDelivered(user: 2, room: 0, sequence: 1)),
    ]

    // Deadlines judged when they pass, not only at the end.

    @Test func aNotificationThatEndsAfterItsDeadlineInsideTheTraceIsFound() {
        let created: [(Double, any TraceEventPayload)] = [
            (0, NotificationCreated(id: 1, user: 1)), (0, BadgeChanged(user: 1, badge: 1)),
            (0, NotificationAttempted(id: 1, user: 1, channel: .push, attempt: 1)),
        ]
        #expect(violated(created + [(12, NotificationEnded(id: 1, user: 1, delivered: true, channel: .push))])
                == ["notification_ends_within_retry_limit"])
        #expect(violated(created + [(9, NotificationEnded(id: 1, user: 1, delivered: true, channel: .push))]).isEmpty)
    }

    @Test func attemptsAreCountedNotReadFromTheirLabels() {
        let attempts: [(Double, any TraceEventPayload)] = [
            (0, NotificationCreated(id: 1, user: 1)), (0, BadgeChanged(user: 1, badge: 1)),
            (1, NotificationAttempted(id: 1, user: 1, channel: .email, attempt: 1)),
            (2, NotificationAttempted(id: 1, user: 1, channel: .email, attempt: 2)),
            (3, NotificationAttempted(id: 1, user: 1, channel: .email, attempt: 3)),
        ]
        // A fourth attempt labelled "attempt 3".
        #expect(violated(attempts + [(4, NotificationAttempted(id: 1, user: 1, channel: .email, attempt: 3)),
                                     (5, NotificationEnded(id: 1, user: 1, delivered: false, channel: nil))])
                == ["notification_ends_within_retry_limit"])
        // Three attempts per channel on two channels are within the limit.
        #expect(violated(attempts + [(4, NotificationAttempted(id: 1, user: 1, channel: .push, attempt: 1)),
                                     (5, NotificationEnded(id: 1, user: 1, delivered: true, channel: .push))]).isEmpty)
    }

    // Presence judged by what members learn, not only by lateness.

    private let presence: [(Double, any TraceEventPayload)] = [
        (0, PresenceChanged(room: 0, user: 1, online: true)), (0, MemberJoined(user: 1, room: 0)),
        (1, PresenceChanged(room: 0, user: 2, online: true)), (1, MemberJoined(user: 2, room: 0)),
        (2, PresenceSeen(observer: 1, room: 0, user: 2, online: true, changedAt: SimulationInstant(nanoseconds: 1_000_000_000))),
        (3, PresenceChanged(room: 0, user: 2, online: false)),
    ]

    @Test func aMemberWhoNeverLearnsOfAChangeOrLearnsTheWrongStateIsFound() {
        // Member 1 never learns that 2 went offline at 3 s.
        #expect(violated(presence + [(9, RequestAdmitted(user: 1))]) == ["presence_within_bound"])
        // It learns that 2 went online, not offline.
        let wrong = presence + [(4, PresenceSeen(observer: 1, room: 0, user: 2, online: true,
                                                 changedAt: SimulationInstant(nanoseconds: 3_000_000_000)))]
        #expect(violated(wrong) == ["presence_within_bound"])
        // It learns of a change that never happened.
        let invented = presence + [(4, PresenceSeen(observer: 1, room: 0, user: 2, online: false,
                                                    changedAt: SimulationInstant(nanoseconds: 2_500_000_000)))]
        #expect(violated(invented) == ["presence_within_bound"])
        // Learning it in time is clean; so is an observer who went away first.
        let told = presence + [(4, PresenceSeen(observer: 1, room: 0, user: 2, online: false,
                                                changedAt: SimulationInstant(nanoseconds: 3_000_000_000))),
                               (9, RequestAdmitted(user: 1))]
        #expect(violated(told).isEmpty)
        #expect(violated(presence + [(4, PresenceChanged(room: 0, user: 1, online: false)), (9, RequestAdmitted(user: 1))])
            .isEmpty)
    }

    @Test func aLaterChangeSupersedesOneNotYetLearned() {
        // 2 went offline at 3 s and online again at 3.5 s: learning the latter is enough.
        let flapping = presence + [
            (3.5, PresenceChanged(room: 0, user: 2, online: true)),
            (4, PresenceSeen(observer: 1, room: 0, user: 2, online: true, changedAt: SimulationInstant(nanoseconds: 3_500_000_000))),
            (9, RequestAdmitted(user: 1)),
        ] as [(Double, any TraceEventPayload)]
        #expect(violated(flapping).isEmpty)
    }

    // Typing: a new start does not erase an obligation already due.

    @Test func anIndicatorStartedAgainAfterItShouldHaveStoppedIsFound() {
        #expect(violated([(0, TypingStarted(room: 0, user: 1)), (7, TypingStarted(room: 0, user: 1)),
                          (8, TypingStopped(room: 0, user: 1))]) == ["typing_expires"])
        #expect(violated([(0, TypingStarted(room: 0, user: 1)), (4, TypingRenewed(room: 0, user: 1)),
                          (8, TypingStopped(room: 0, user: 1))]).isEmpty)
    }

    // Client message ids belong to their sender.

    @Test func twoSendersUsingTheSameIdAreNotADuplicate() {
        var effectivelyOnce = Self.promises
        effectivelyOnce.guarantee = .effectivelyOnce
        let accepted: [(Double, any TraceEventPayload)] = [
            (1, MessageAccepted(room: 0, sequence: 1, user: 1, clientMessage: 1)),
            (2, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 1)),
        ]
        #expect(violated(accepted, promises: effectivelyOnce).isEmpty)
        #expect(violated(accepted + [(3, MessageAccepted(room: 0, sequence: 3, user: 2, clientMessage: 1))],
                         promises: effectivelyOnce) == ["no_duplicate_within_dedup_window"])
    }

    // Clean traces the checkers must not flag.

    @Test func cleanTracesPass() {
        // A gap the client reported.
        #expect(violated(room + [(1, MessageDelivered(user: 1, room: 0, sequence: 1)),
                                 (2, MessageAccepted(room: 0, sequence: 2, user: 2, clientMessage: 2)),
                                 (2, MessageDelivered(user: 2, room: 0, sequence: 2)),
                                 (3, GapReported(user: 1, room: 0, after: 1, upTo: 2))]).isEmpty)
        // A duplicate the client dropped never shows in the trace; one member's delivery is enough.
        #expect(violated(room + [(1, MessageDelivered(user: 1, room: 0, sequence: 1))]).isEmpty)
        // At-most-once loss is counted, not a violation.
        var atMostOnce = Self.promises
        atMostOnce.guarantee = .atMostOnce
        #expect(violated(room, promises: atMostOnce).isEmpty)
        #expect(violated(room) == ["no_silent_loss"])
        // A member who joined after a message, or left before it, is not owed it.
        #expect(violated([(1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1)),
                          (2, MemberJoined(user: 1, room: 0))]).isEmpty)
        #expect(violated([(0, MemberJoined(user: 1, room: 0)), (1, MemberLeft(user: 1, room: 0)),
                          (2, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1))]).isEmpty)
    }
}
