import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimTesting

@Suite("Store")
struct StoreTests {
    private func store(pool: Int, failureRate: Double = 0) -> StoreConfiguration {
        var configuration = StoreConfiguration()
        configuration.poolSize = pool
        configuration.writeLatency = .constant(0.010)
        configuration.readLatency = .constant(0.002)
        configuration.failureRate = failureRate
        return configuration
    }

    @Test func aBurstQueuesForThePool() async throws {
        let settings = store(pool: 2)
        let engine = Engine(mode: .sim, seed: 1)
        let waits = try await engine.runOnOwnThread { engine in
            let store = Store(engine: engine, telemetry: RunProbe().telemetry, configuration: settings)
            return await withTaskGroup(of: Duration.self) { group in
                for _ in 0..<10 {
                    group.addTask { (try? await store.write().get())?.wait ?? .seconds(-1) }
                }
                var waits: [Duration] = []
                for await wait in group { waits.append(wait) }
                return waits.sorted()
            }
        }
        // Two connections, 10 ms per write: pairs wait 0, 10, 20, 30 and 40 ms.
        #expect(waits == [0, 0, 10, 10, 20, 20, 30, 30, 40, 40].map { Duration.milliseconds($0) })
        #expect(engine.statistics.endTime == SimulationInstant(nanoseconds: 50_000_000))
    }

    @Test func failuresFollowTheRateAndOutagesFailAtOnce() async throws {
        let settings = store(pool: 4, failureRate: 0.25)
        let engine = Engine(mode: .sim, seed: 2)
        let (failed, duringOutage, outageTime) = try await engine.runOnOwnThread { engine in
            let store = Store(engine: engine, telemetry: RunProbe().telemetry, configuration: settings)
            for _ in 0..<4_000 { _ = await store.read() }
            await store.setAvailable(false)
            let before = engine.now
            let outage = await store.write()
            return (await store.failed, outage, before.duration(to: engine.now))
        }
        let failedReads = failed[.failed] ?? 0
        #expect(failedReads > 900 && failedReads < 1_100)
        #expect(duringOutage == .failure(.unavailable))
        #expect(outageTime == .zero)
    }
}
