import Testing
import SimRuntime
import SimEvents
import SimCheckers

@Suite("Delivery checker")
struct DeliveryCheckerTests {
    private func check(_ events: [any TraceEventPayload]) -> DeliveryReport {
        var checker = DeliveryChecker()
        for (index, event) in events.enumerated() {
            checker.observe(event.event, at: SimulationInstant(nanoseconds: Int64(index) * 1_000_000_000))
        }
        return checker.report
    }

    private let twoAccepted: [any TraceEventPayload] = [
        MemberJoined(user: 7, room: 3),
        MessageAccepted(room: 3, sequence: 1, user: 7, clientMessage: 1),
        MessageAccepted(room: 3, sequence: 2, user: 7, clientMessage: 2),
    ]

    @Test func aMessageReceivedOutOfOrderAndTwiceIsReported() {
        let report = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 2),
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MessageDelivered(user: 7, room: 3, sequence: 1),
        ])
        #expect(report.owed == 2 && report.delivered == 3 && report.duplicates == 1 && report.lost == 0)
        #expect(report.orderViolations == 1)  // the skip ahead; the steps back are the skipped one and a duplicate
        #expect(report.firstOrderViolation == "client-7 received seq 2 of room-3 at t+3.0 seconds but expected seq 1")
    }

    @Test func aMessageNeverDeliveredIsSilentLoss() {
        let report = check(twoAccepted + [MessageDelivered(user: 7, room: 3, sequence: 1)])
        #expect(report.lost == 1 && report.reportedLost == 0)
        #expect(Judgement(delivery: report, findings: DeliveryChecker.findings(for: report, lossIsViolation: true)).verdict == .fail)
    }

    @Test func aGapTheClientReportedIsReportedLossAndKeepsTheOrder() {
        let report = check(twoAccepted + [
            MessageAccepted(room: 3, sequence: 3, user: 7, clientMessage: 3),
            GapReported(user: 7, room: 3, after: 0, upTo: 2),
            MessageDelivered(user: 7, room: 3, sequence: 3),
        ])
        #expect(report.lost == 0 && report.reportedLost == 2 && report.duplicates == 0)
        #expect(report.orderViolations == 0)
    }

    @Test func joiningAgainChangesNothingOwed() {
        let report = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MemberJoined(user: 7, room: 3),
            MessageDelivered(user: 7, room: 3, sequence: 2),
        ])
        #expect(report.owed == 2 && report.lost == 0 && report.orderViolations == 0)
    }

    @Test func aMemberIsOwedNothingWhileAwayAndEverythingWhileIn() {
        let report = check(twoAccepted + [
            MessageDelivered(user: 7, room: 3, sequence: 1),
            MessageDelivered(user: 7, room: 3, sequence: 2),
            MemberLeft(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 3, user: 8, clientMessage: 3),
            MemberJoined(user: 7, room: 3),
            MessageAccepted(room: 3, sequence: 4, user: 8, clientMessage: 4),
        ])
        // Owed 1, 2 and 4; 4 never came.
        #expect(report.owed == 3 && report.delivered == 2 && report.lost == 1 && report.orderViolations == 0)
    }
}
