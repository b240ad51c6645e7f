import Testing
import Scenarios
import SimRuntime

@Suite("Runaway guard")
struct RunawayGuardTests {
    private func progress(at seconds: Int64, events: UInt64) -> RunProgress {
        RunProgress(now: SimulationInstant(nanoseconds: seconds * 1_000_000_000), events: events, pendingTimers: 12,
                    connectedClients: 0, violations: 0)
    }

    @Test func aRunWhoseTimeMovesIsLeftAloneHoweverManyEventsItMakes() {
        var guardian = RunawayGuard(memoryLimit: 1_000, eventsWithoutTime: 100)
        for second in 0..<50 {
            #expect(guardian.observe(progress(at: Int64(second), events: UInt64(second) * 1_000), residentBytes: 10) == nil)
        }
    }

    @Test func timeThatStandsStillForTheLimitStopsTheRunNamingTheInstant() {
        var guardian = RunawayGuard(memoryLimit: 1_000, eventsWithoutTime: 100)
        #expect(guardian.observe(progress(at: 3, events: 500), residentBytes: 10) == nil)
        #expect(guardian.observe(progress(at: 3, events: 599), residentBytes: 10) == nil)
        let cause = guardian.observe(progress(at: 3, events: 600), residentBytes: 10)
        #expect(cause?.description.hasPrefix("virtual time stood still at 3 s for 100 events") == true)
    }

    @Test func memoryPastTheLimitStopsTheRun() {
        var guardian = RunawayGuard(memoryLimit: 5_000_000)
        #expect(guardian.observe(progress(at: 1, events: 10), residentBytes: 5_000_000) == nil)
        let cause = guardian.observe(progress(at: 2, events: 20), residentBytes: 7_000_000)
        #expect(cause?.description.hasPrefix("memory reached 7 MB at 2 s, past the limit of 5 MB") == true)
    }
}
