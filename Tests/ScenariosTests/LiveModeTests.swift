import Foundation
import Testing
import Scenarios
import SimEvents
import SimRuntime
import SimCheckers

/// The whole model in live mode, on several worker threads and the wall clock: what
/// `swift test --sanitize=thread --filter LiveMode` runs under ThreadSanitizer.
@Suite("Live mode")
struct LiveModeTests {
    @Test(arguments: [DeliveryGuarantee.atLeastOnce, .effectivelyOnce])
    func theWholeModelRunsOnWorkerThreadsWithEveryGuaranteeThatTimeDoesNotBoundHolding(guarantee: DeliveryGuarantee) async throws {
        var scenario = try #require(ScenarioCatalog.named("quickstart"))
        scenario.clients = 60
        scenario.rooms = 6
        scenario.roomsPerClient = 2
        scenario.duration = .seconds(2)
        scenario.drain = .seconds(2)
        scenario.rampUp = .milliseconds(200)
        scenario.thinkTime = .exponential(mean: 0.5)
        scenario.habits.sendsReceipts = true
        scenario.habits.typesBeforeSending = true
        scenario.notifications = NotificationLoad(perMinute: 600, kinds: [.newMessage])
        scenario.system.delivery.guarantee = guarantee
        scenario.system.gateway.nodes = 2
        let summary = try await ScenarioRunner(scenario: scenario, seed: 5, mode: .live).runOnOwnThread().summary
        #expect(summary.mode == .live)
        // Live mode judges by the wall clock: on a machine shared with the rest of the suite the
        // model can be starved for seconds, and then bounds (presence, typing, notification
        // deadlines) and what arrives before the run ends measure the machine, not the model.
        // Everything that does not depend on time must hold whatever the threads did.
        let timed: Set = ["presence_within_bound", "typing_expires", "notification_ends_within_retry_limit", "no_silent_loss"]
        let broken = summary.invariants.filter { !timed.contains($0.name) && $0.violations > 0 }
        #expect(broken.isEmpty, "\(broken.map { "\($0.name): \($0.firstViolation ?? "")" }.joined(separator: " | "))")
        #expect(summary.invariants.count == 18)
        #expect(summary.messages.delivered > 500)
    }

    /// Each worker records into a buffer of its own, merged in time order: the trace of a run on
    /// two workers reads back (a trace's times never decrease, which the reader enforces) with
    /// every event the run counted, and judges as the run did.
    @Test func twoWorkersWriteOneTraceInTimeOrderThatChecksAsTheRunJudged() async throws {
        var scenario = try #require(ScenarioCatalog.named("quickstart"))
        scenario.clients = 200
        scenario.rooms = 20
        scenario.duration = .seconds(2)
        scenario.drain = .seconds(1)
        scenario.rampUp = .milliseconds(200)
        scenario.thinkTime = .exponential(mean: 0.2)
        scenario.habits.sendsReceipts = true
        scenario.system.gateway.nodes = 2
        let folder = NSTemporaryDirectory() + "live-trace-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runner = ScenarioRunner(scenario: scenario, seed: 3, mode: .live, traceFile: folder + "/trace.jsonl")
        runner.liveWorkers = 2
        let summary = try await runner.runOnOwnThread().summary
        // How much gets through depends on how much of the machine the run gets; any delivery
        // at all makes the merged trace worth reading back.
        #expect(summary.messages.delivered > 0)

        let recorder = TraceRecorder(observer: GuaranteeSuite())
        let file = try TraceReader.read(path: folder + "/trace.jsonl") { time, event in recorder.record(event, at: time) }
        #expect(file.sealed)
        #expect(file.events == summary.traceEvents)
        #expect(recorder.hash.hexDigest == summary.traceHash)
        let end = recorder.lastTime
        let judged = recorder.withObserver { $0.judgement(at: end) }
        #expect(judged.delivery.delivered == summary.messages.delivered)
    }
}
