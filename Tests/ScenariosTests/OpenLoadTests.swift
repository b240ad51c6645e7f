import Testing
import Scenarios
import SimReports
import SimRuntime
import Synchronization

/// The open load model draws its arrivals as time advances: what a run holds does not grow with
/// its length.
@Suite("Open load")
struct OpenLoadTests {
    /// 1,000 messages a second from 100 clients in 10 rooms for `duration`; returns the timers
    /// pending once the run reaches 3 s of virtual time, where it is stopped.
    private func pendingTimersThreeSecondsIn(duration: Duration) async throws -> Int {
        let scenario = ChatScenario(name: "open", summary: "", clients: 100, duration: duration, rooms: 10, roomsPerClient: 1,
                                    thinkTime: .constant(1), load: .open(stages: [LoadStage(duration: .seconds(1), target: 1_000)]))
        let seen = Mutex<Int?>(nil)
        let runner = ScenarioRunner(scenario: scenario, seed: 7)
        let outcome: Result<RunResult, ScenarioRunner.Failure>
        do {
            outcome = .success(try await runner.runOnOwnThread { progress in
                guard progress.now >= SimulationInstant(nanoseconds: 3_000_000_000) else { return false }
                seen.withLock { $0 = $0 ?? progress.pendingTimers }
                return true
            })
        } catch {
            outcome = .failure(error)
        }
        guard case .failure(.engine(.interrupted)) = outcome else {
            Issue.record("the run was not stopped at 3 s: \(outcome)")
            return 0
        }
        return try #require(seen.withLock { $0 })
    }

    @Test func aLongRunHoldsNoMoreTimersThanAShortOne() async throws {
        let short = try await pendingTimersThreeSecondsIn(duration: .seconds(60))
        let long = try await pendingTimersThreeSecondsIn(duration: .seconds(3_000))
        #expect(short == long, "\(short) timers pending in a minute's run, \(long) in fifty minutes'")
        // A timer or so per client and room, not one per message still to come (3 million).
        #expect(long < 2_000)
    }
}
