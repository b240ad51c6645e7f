import Foundation
import Testing
import Scenarios
import SimCheckers
import SimEvents
import SimModel
import SimReports
import SimRuntime

/// The checkers judge a run as it goes and a recording of it alike: the same events through the
/// same path give the same findings, counts and hash.
@Suite("Online and offline checking")
struct OnlineOfflineTests {
    private func scenario(faulty: Bool, guarantee: DeliveryGuarantee) -> ChatScenario {
        var scenario = ChatScenario(name: "mirror", summary: "", clients: 80, duration: .seconds(20), rooms: 8,
                                    roomsPerClient: 2, thinkTime: .exponential(mean: 2),
                                    notifications: NotificationLoad(perMinute: 300, kinds: [.newMessage]),
                                    faults: [ScheduledFault(at: .seconds(8), .dropShare(0.3))], rampUp: .seconds(2))
        scenario.habits.sendsReceipts = true
        scenario.habits.typesBeforeSending = true
        scenario.system.delivery.guarantee = guarantee
        scenario.system.faults.receiptsToReader = faulty
        return scenario
    }

    @Test(arguments: [(false, DeliveryGuarantee.atLeastOnce), (true, .effectivelyOnce), (false, .atMostOnce)])
    func theRecordedTraceJudgesAsTheRunDid(faulty: Bool, guarantee: DeliveryGuarantee) async throws {
        let folder = NSTemporaryDirectory() + "online-offline-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/trace.jsonl"
        let runner = ScenarioRunner(scenario: scenario(faulty: faulty, guarantee: guarantee), seed: 11, traceFile: path)
        let online = try await runner.runOnOwnThread().summary

        let recorder = TraceRecorder(observer: GuaranteeSuite())
        let file = try TraceReader.read(path: path) { time, event in recorder.record(event, at: time) }
        let end = recorder.lastTime
        let offline = recorder.withObserver { $0.judgement(at: end) }

        #expect(file.sealed && file.events == online.traceEvents)
        #expect(recorder.hash.hexDigest == online.traceHash)
        #expect(offline.findings.map(\.name) == online.invariants.map(\.name))
        for (finding, invariant) in zip(offline.findings, online.invariants) {
            #expect(finding.violations == invariant.violations, "\(finding.name)")
            #expect(finding.firstViolation == invariant.firstViolation, "\(finding.name)")
        }
        let delivery = offline.delivery
        let offlineCounts: [Int] = [delivery.sent, delivery.accepted, delivery.delivered, delivery.owed, delivery.lost,
                                    delivery.reportedLost, delivery.duplicates]
        let messages = online.messages
        let onlineCounts: [Int] = [messages.sent, messages.accepted, messages.delivered, messages.expectedDeliveries,
                                   messages.lost, messages.reportedLost, messages.duplicates]
        #expect(offlineCounts == onlineCounts)
        #expect(messages.delivered > 1_000)
        // The faulty component shows in both, and only with it.
        #expect(online.violations.contains { $0.hasPrefix("no_receipt_for_own_message") } == faulty)
    }
}
