import Testing
import SimCheckers
import SimEvents
import SimRuntime
import SimTesting

/// The delivery checker, by construction: what each member was owed against what arrived.
@Suite("Delivery checker")
struct DeliveryCheckerTests {
    /// The events one second apart, on trace lines 2, 3, …
    private func check(_ events: [any TraceEventPayload]) -> (DeliveryReport, [GuaranteeFinding]) {
        var checker = DeliveryChecker()
        for (index, event) in events.enumerated() {
            checker.observe(event.event, at: SimulationInstant(nanoseconds: Int64(index) * 1_000_000_000), line: index + 2)
        }
        return (checker.report, checker.findings(at: SimulationInstant(nanoseconds: Int64(events.count) * 1_000_000_000)))
    }

    private func violated(_ findings: [GuaranteeFinding]) -> [String] { findings.filter { !$0.held }.map(\.name) }

    private let twoAccepted: [any TraceEventPayload] = [
        CheckParameters(guarantee: .atLeastOnce, dedupWindow: 0, rateLimit: 0, rateWindow: 1, typingExpiry: 1,
                        presenceBound: 1, notificationAttempts: 1, notificationDeadline: 1),
        MemberJoined(user: 7, room: 3),
        MessageAccepted(room: 3, sequence: 1, user: 8, clientMessage: 1),
        MessageAccepted(room: 3, sequence: 2, user: 8, clientMessage: 2),
    ]

    @Test func aMessageReceivedOutOfOrderAndTwiceIsReportedWithItsClientRoomSequenceAndLine() {
        let (report, findings) = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 2),
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MessageDelivered(user: 7, room: 3, sequence: 1),
        ])
        #expect(report.owed == 2 && report.delivered == 3 && report.duplicates == 1 && report.lost == 0)
        #expect(report.orderViolations == 1)  // the skip ahead; filling the hole later is not another
        #expect(violated(findings) == ["per_room_order", "no_duplicate_delivery"])
        #expect(findings[0].firstViolation == "client-7 received seq 2 of room-3 at 4 s but had not received, nor been told "
                + "it cannot have, seq 1 (trace line 6)")
        #expect(findings[1].firstViolation == "client-7 received seq 1 of room-3 at 6 s again (trace line 8)")
        #expect(findings[1].firstLine == 8)
    }

    @Test func oneDuplicateDoesNotHideOneLoss() {
        // Seq 1 twice, seq 2 never: the counts balance, the construction does not.
        let (report, findings) = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MessageDelivered(user: 7, room: 3, sequence: 1),
        ])
        #expect(report.duplicates == 1 && report.lost == 1)
        #expect(violated(findings) == ["no_duplicate_delivery", "no_silent_loss"])
        #expect(findings[2].firstViolation?.contains("client-7 in room-3 never received seq 2") == true)
    }

    @Test func aGapTheClientReportedIsReportedLossAndKeepsTheOrder() {
        let (report, findings) = check(twoAccepted + [
            MessageAccepted(room: 3, sequence: 3, user: 8, clientMessage: 3),
            GapReported(user: 7, room: 3, after: 0, upTo: 2),
            MessageDelivered(user: 7, room: 3, sequence: 3),
        ])
        #expect(report.lost == 0 && report.reportedLost == 2 && report.duplicates == 0 && report.orderViolations == 0)
        #expect(violated(findings).isEmpty)
    }

    @Test func joiningAgainChangesNothingOwed() {
        let (report, findings) = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MemberJoined(user: 7, room: 3),
            MessageDelivered(user: 7, room: 3, sequence: 2),
        ])
        #expect(report.owed == 2 && report.lost == 0 && report.orderViolations == 0)
        #expect(violated(findings).isEmpty)
    }

    @Test func aLeavingMemberIsOwedWhatWasAcceptedUntilItsLeaveTookEffectAndNothingAfter() {
        // Owed 1 and 2 (accepted before the leave), not 3; 2 arrives after the leave: fine.
        let base = twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MemberLeft(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 3, user: 8, clientMessage: 3),
        ] as [any TraceEventPayload]
        let (report, findings) = check(base + [MessageDelivered(user: 7, room: 3, sequence: 2)])
        #expect(report.owed == 2 && report.lost == 0 && report.duplicates == 0)
        #expect(violated(findings).isEmpty)
        // 2 never arrives: a loss, though it was accepted before the member left.
        let (_, lossFindings) = check(base)
        #expect(violated(lossFindings) == ["no_silent_loss"])
        // 3 arrives: a delivery to someone who was no longer a member, not a duplicate.
        let (_, outsider) = check(base + [MessageDelivered(user: 7, room: 3, sequence: 2),
                                          MessageDelivered(user: 7, room: 3, sequence: 3)])
        #expect(violated(outsider) == ["delivery_only_to_members"])
        #expect(outsider[4].firstViolation?.contains("accepted after it left (the room owed it up to seq 2)") == true)
    }

    @Test func aMemberIsOwedNothingWhileAwayAndEverythingWhileIn() {
        let (report, findings) = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MessageDelivered(user: 7, room: 3, sequence: 2),
            MemberLeft(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 3, user: 8, clientMessage: 3),
            MemberJoined(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 4, user: 8, clientMessage: 4),
        ])
        // Owed 1, 2 and 4; 4 never came.
        #expect(report.owed == 3 && report.delivered == 2 && report.lost == 1 && report.orderViolations == 0)
        #expect(violated(findings) == ["no_silent_loss"])
    }

    @Test func aMemberWhoJoinedAfterAMessageIsNotOwedIt() {
        let (report, findings) = check([
            MessageAccepted(room: 3, sequence: 1, user: 8, clientMessage: 1),
            MemberJoined(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 2, user: 8, clientMessage: 2),
            MessageDelivered(user: 7, room: 3, sequence: 2),
        ])
        #expect(report.owed == 1 && report.lost == 0)
        #expect(violated(findings).isEmpty)
        let (_, early) = check([
            MessageAccepted(room: 3, sequence: 1, user: 8, clientMessage: 1),
            MemberJoined(user: 7, room: 3),
            MessageDelivered(user: 7, room: 3, sequence: 1),
        ])
        #expect(violated(early) == ["delivery_only_to_members"])
    }

    @Test func underAtMostOnceLossIsCountedNotViolated() {
        var events = twoAccepted
        events[0] = CheckParameters(guarantee: .atMostOnce, dedupWindow: 0, rateLimit: 0, rateWindow: 1, typingExpiry: 1,
                                    presenceBound: 1, notificationAttempts: 1, notificationDeadline: 1)
        let (report, findings) = check(events + [MessageDelivered(user: 7, room: 3, sequence: 2)])
        #expect(report.lost == 1 && violated(findings) == ["per_room_order"])
        let (clean, cleanFindings) = check(events + [MessageDelivered(user: 7, room: 3, sequence: 1)])
        #expect(clean.lost == 1 && violated(cleanFindings).isEmpty)
    }
}
