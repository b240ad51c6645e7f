import Testing
import Scenarios
import SimEvents
import SimRuntime

/// The whole model in live mode, on several worker threads and the wall clock: what
/// `swift test --sanitize=thread --filter LiveMode` runs under ThreadSanitizer.
@Suite("Live mode")
struct LiveModeTests {
    @Test(arguments: [DeliveryGuarantee.atLeastOnce, .effectivelyOnce])
    func theWholeModelRunsOnWorkerThreadsWithEveryGuaranteeHolding(guarantee: DeliveryGuarantee) async throws {
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
        #expect(summary.invariants.allSatisfy { $0.violations == 0 }, "\(summary.violations)")
        #expect(summary.messages.delivered > 500)
        #expect(summary.messages.delivered == summary.messages.expectedDeliveries - summary.messages.inFlight)
    }
}
