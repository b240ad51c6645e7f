import Testing
import Scenarios
import SimRuntime
import SimSupport

@Suite("Run budgets")
struct RunBudgetTests {
    private static let gigabyte = 1e9

    @Test func everyBuiltInFitsADayAndEightGigabytes() throws {
        for scenario in ScenarioCatalog.all {
            let budget = RunBudget(for: scenario)
            #expect(throws: Never.self, "\(scenario.name)") { try budget.check(memoryAvailable: 8 * Self.gigabyte) }
            #expect(budget.wallSeconds < 600, "\(scenario.name): \(budget.wallSeconds) s")
        }
    }

    /// Quickstart, changed so that one parameter makes it a run of days.
    private func quickstart(breakingTheBudgetWith parameter: String) throws -> ChatScenario {
        var scenario = try #require(ScenarioCatalog.named("quickstart"))
        switch parameter {
        case "think_time":
            scenario.thinkTime = .constant(1e-300)
        case "habits.cursor_updates_per_second":
            scenario.clients = 100_000
            scenario.rooms = 10
            scenario.habits.cursorUpdatesPerSecond = 100
        case "load.stages":
            scenario.load = .open(stages: [LoadStage(duration: .seconds(60), target: 10_000_000)])
        default:
            scenario.clients = 10_000_000
            scenario.rooms = 10_000_000
            scenario.thinkTime = .constant(1e6)
            scenario.system.gateway.heartbeatInterval = .milliseconds(100)
            scenario.duration = .seconds(86_400)
        }
        return scenario
    }

    @Test(arguments: ["think_time", "habits.cursor_updates_per_second", "load.stages", "system.gateway.heartbeat_interval"])
    func aRunOfDaysIsRefusedNamingItsCause(parameter: String) throws {
        let scenario = try quickstart(breakingTheBudgetWith: parameter)
        try scenario.validate()
        let error = #expect(throws: ConfigurationError.self) {
            try RunBudget(for: scenario).check(memoryAvailable: 1e15)
        }
        #expect(error?.location == parameter)
        #expect(error?.remedy.contains("--insist") == true)
    }

    @Test func aScenarioLargerThanTheMachineIsRefusedNamingWhatHoldsTheMemory() throws {
        var scenario = try #require(ScenarioCatalog.named("quickstart"))
        scenario.clients = 1_000_000
        scenario.rooms = 200_000
        let budget = RunBudget(for: scenario)
        #expect(throws: Never.self) { try budget.check(memoryAvailable: 24 * Self.gigabyte) }
        let error = #expect(throws: ConfigurationError.self) { try budget.check(memoryAvailable: 2 * Self.gigabyte) }
        #expect(error?.location == "clients")
        #expect(error?.problem.contains("this machine has 2.0 GB") == true)
    }

    /// The estimate is coarse, but it follows what the model does: within a factor of five of
    /// the events a small run of each of three different shapes counts.
    @Test(arguments: ["quickstart", "crm-realtime", "collab-workspace"])
    func theEstimateFollowsTheEventsARunCounts(name: String) async throws {
        var scenario = try #require(ScenarioCatalog.named(name))
        scenario.clients = 150
        scenario.duration = .seconds(20)
        let summary = try await ScenarioRunner(scenario: scenario, seed: 3).runOnOwnThread().summary
        let ratio = RunBudget(for: scenario).events / Double(summary.events)
        #expect((0.2...5).contains(ratio), "\(name): estimate / events = \(ratio)")
    }
}
