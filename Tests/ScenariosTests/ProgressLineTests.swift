import Testing
import Scenarios
import SimRuntime

@Suite("Progress line")
struct ProgressLineTests {
    private func progress(at seconds: Double) -> RunProgress {
        RunProgress(now: SimulationInstant(nanoseconds: Int64(seconds * 1e9)), events: 0, pendingTimers: 0,
                    connectedClients: 1_200, violations: 3)
    }

    @Test func aSimulationRunShowsHowFarItIsAndExtrapolatesTheTimeLeftFromTheWallClock() {
        let line = ProgressLine(length: .seconds(65), load: .seconds(60), mode: .sim)
        // 26 of 65 virtual seconds in 10 wall seconds: 40 %, 15 s to go at that pace.
        let text = line.text(for: progress(at: 26), wallSeconds: 10, eventsPerSecond: 420_000)
        #expect(text == "progress  [########------------]   40%  ETA 15s  t 26.0 s of 60 s load  0.42M events/s  1200 clients  3 violations")
    }

    @Test func aLiveRunCountsTheTimeLeftOnTheClockAndHasNoEventRate() {
        let line = ProgressLine(length: .seconds(200), load: .seconds(180), mode: .live)
        let text = line.text(for: progress(at: 50), wallSeconds: 50, eventsPerSecond: 0)
        #expect(text == "progress  [#####---------------]   25%  ETA 2m30s  t 50.0 s of 180 s load  1200 clients  3 violations")
    }

    @Test func theStartHasNoEstimateAndTheEndIsFull() {
        let line = ProgressLine(length: .seconds(10), load: .seconds(8), mode: .sim)
        #expect(line.text(for: progress(at: 0), wallSeconds: 0.2, eventsPerSecond: 1e6).contains("[--------------------]    0%  ETA --"))
        #expect(line.text(for: progress(at: 12), wallSeconds: 3, eventsPerSecond: 1e6).contains("[####################]  100%  ETA 0s"))
    }

    @Test(arguments: [(0.2, "1s"), (59, "59s"), (60, "1m00s"), (185, "3m05s"), (3_720, "1h02m"), (.infinity, "--")])
    func timesLeftReadAtAGlance(seconds: Double, text: String) {
        #expect(ProgressLine.clock(seconds) == text)
    }
}
