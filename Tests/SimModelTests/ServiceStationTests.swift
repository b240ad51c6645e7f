import Testing
import SimEvents
@testable import SimModel
import SimRuntime

/// Collects the sojourn of every request a load generator sends through a station.
private actor SojournLog: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private(set) var sojourns: [Duration] = []

    init(engine: Engine) { executor = engine.makeExecutor(label: "sojourns") }

    func record(_ sojourn: Duration) { sojourns.append(sojourn) }
}

@Suite("Queueing stations")
struct ServiceStationTests {
    private func at(_ ms: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(ms) * 1_000_000) }

    @Test func requestsQueueInArrivalOrderForTheServers() {
        var queue = StationQueue<String>(servers: 2)
        #expect(queue.arrive("a", at: at(0))?.request == "a")
        #expect(queue.arrive("b", at: at(1))?.request == "b")
        #expect(queue.arrive("c", at: at(2)) == nil)
        #expect(queue.arrive("d", at: at(3)) == nil)
        #expect(queue.queueLength == 2 && queue.longestQueue == 2)
        let next = queue.finish(at: at(10))
        #expect(next?.request == "c")
        #expect(next?.wait == .milliseconds(8))
        #expect(queue.finish(at: at(12))?.request == "d")
        #expect(queue.finish(at: at(20)) == nil)
        #expect(queue.finish(at: at(20)) == nil)
        #expect(queue.busy == 0 && queue.completed == 4)
        // One server busy 0–20 (a, then c), the other 1–20 (b, then d): 39 of 40 server-ms.
        #expect(queue.utilization(at: at(20)) == 39.0 / 40.0)
    }

    /// The same requests measured over 5–15 ms only: what arrives, starts and finishes outside
    /// the window is not counted, and the areas are cut at its edges.
    @Test func aWindowCountsOnlyWhatHappensInsideIt() {
        var queue = StationQueue<String>(servers: 2, window: 5_000_000..<15_000_000)
        _ = queue.arrive("a", at: at(0))
        _ = queue.arrive("b", at: at(1))
        _ = queue.arrive("c", at: at(6))      // in the window, waits
        _ = queue.arrive("d", at: at(7))      // in the window, waits
        _ = queue.finish(at: at(10))          // a ends, c starts after 4 ms
        _ = queue.finish(at: at(16))          // b ends after the window, d starts outside it
        #expect(queue.arrivals == 2 && queue.started == 1 && queue.completed == 1)
        #expect(queue.totalWaitNanoseconds == 4_000_000)
        #expect(queue.measured(at: at(20)) == 10_000_000)
        // Both servers busy all through the window; the queue held 1 from 6 to 7, 2 from 7 to
        // 10, 1 from 10 to 15: 1 + 6 + 5 = 12 request-ms over 10 ms.
        #expect(queue.utilization(at: at(20)) == 1)
        #expect(abs(queue.meanQueueLength(at: at(20)) - 1.2) < 1e-12)
        #expect(abs(queue.meanInSystem(at: at(20)) - 3.2) < 1e-12)
        // Read before the window ends, it covers what has passed of it.
        var early = StationQueue<String>(servers: 1, window: 5_000_000..<15_000_000)
        _ = early.arrive("a", at: at(0))
        #expect(early.measured(at: at(8)) == 3_000_000 && early.utilization(at: at(8)) == 1)
        #expect(early.measured(at: at(2)) == 0 && early.utilization(at: at(2)) == 0)
    }

    /// Mean sojourn at a one-server station with exponential service (mean 10 ms: capacity
    /// 100 per second) under Poisson arrivals at `rate` per second, over 200 virtual seconds.
    private func meanSojourn(rate: Double, seed: UInt64) async throws -> Double {
        let engine = Engine(mode: .sim, seed: seed)
        return try await engine.runOnOwnThread { engine in
            let station = ServiceStation(engine: engine, name: "stage", servers: 1, serviceTime: .exponential(mean: 0.010))
            let log = SojournLog(engine: engine)
            var arrivals = engine.random("arrivals")
            let gaps = Distribution.exponential(mean: 1 / rate)
            let end = SimulationInstant(nanoseconds: 200_000_000_000)
            var next = engine.now
            while true {
                next = next.advanced(by: .nanoseconds(gaps.sampleNanoseconds(using: &arrivals)))
                guard next < end else { break }
                try? await engine.clock.sleep(until: next)
                engine.spawn {
                    let visit = await station.serve()
                    await log.record(visit.sojourn)
                }
            }
            try? await engine.clock.sleep(until: end.advanced(by: .seconds(60)))
            let sojourns = await log.sojourns
            let total = sojourns.reduce(Duration.zero, +)
            return Double(total.wholeNanosecondsForTests) / Double(sojourns.count) / 1e6
        }
    }

    @Test func doublingTheLoadNearCapacityRaisesLatencyFarMoreThanTwofold() async throws {
        let light = try await meanSojourn(rate: 45, seed: 1)   // 45 % busy: M/M/1 predicts 18 ms
        let heavy = try await meanSojourn(rate: 90, seed: 1)   // 90 % busy: M/M/1 predicts 100 ms
        #expect(light > 14 && light < 23, "mean sojourn at 45/s: \(light) ms")
        #expect(heavy > 60 && heavy < 150, "mean sojourn at 90/s: \(heavy) ms")
        #expect(heavy > 3 * light, "doubling the load raised latency only from \(light) to \(heavy) ms")
        // Virtual time: the same seed measures exactly the same.
        #expect(try await meanSojourn(rate: 90, seed: 1) == heavy)
    }

    @Test func aStationWithZeroServiceTimeIsInstantaneous() async throws {
        let engine = Engine(mode: .sim, seed: 2)
        let visit = try await engine.runOnOwnThread { engine in
            let station = ServiceStation(engine: engine, name: "free", servers: 1, serviceTime: .constant(0))
            return await station.serve()
        }
        #expect(visit == StationVisit(wait: .zero, service: .zero))
        #expect(engine.statistics.endTime == .start)
    }
}

extension Duration {
    var wholeNanosecondsForTests: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
