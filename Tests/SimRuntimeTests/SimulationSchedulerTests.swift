import Testing
@testable import SimRuntime

@Suite("Simulation runtime")
struct SimulationSchedulerTests {
    /// Runs `callers` tasks that each reach a shared counter via a second actor, and returns the
    /// order of arrivals, which depends only on the seeded interleaving.
    private func interleaving(seed: UInt64, callers: Int = 8) async throws -> [Int] {
        let engine = Engine(mode: .sim, seed: seed)
        return try await engine.runOnOwnThread { engine in
            let shared = Counter(engine: engine, label: "shared")
            let relays = (0..<callers).map { Counter(engine: engine, label: "relay-\($0)") }
            await withTaskGroup(of: Void.self) { group in
                for (index, relay) in relays.enumerated() {
                    group.addTask { await relay.roundTrip(index + 1, via: shared) }
                }
            }
            return await shared.arrivals
        }
    }

    @Test func sameSeedReplaysTheSameInterleaving() async throws {
        let first = try await interleaving(seed: 42)
        let second = try await interleaving(seed: 42)
        #expect(first == second)
        #expect(first.count == 8)
    }

    @Test func differentSeedsExploreDifferentInterleavings() async throws {
        var orders = Set<[Int]>()
        for seed in 1...20 { orders.insert(try await interleaving(seed: UInt64(seed))) }
        // Eight concurrent callers: twenty seeds must not all agree on one order.
        #expect(orders.count > 10)
    }

    @Test func anHourOfVirtualSleepCompletesAtExactlyOneHour() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let woke = try await engine.runOnOwnThread { engine in
            try? await engine.clock.sleep(for: .seconds(3600))
            return engine.now
        }
        #expect(woke == SimulationInstant(nanoseconds: 3_600_000_000_000))
        #expect(engine.statistics.endTime == woke)
    }

    @Test func sleepersWakeInDeadlineOrder() async throws {
        let engine = Engine(mode: .sim, seed: 3)
        let order = try await engine.runOnOwnThread { engine in
            let log = Counter(engine: engine)
            await withTaskGroup(of: Void.self) { group in
                for delay in [30, 10, 20] {
                    group.addTask {
                        try? await engine.clock.sleep(for: .milliseconds(delay))
                        await log.arrive(delay)
                    }
                }
            }
            return await log.arrivals
        }
        #expect(order == [10, 20, 30])
    }

    @Test func scheduledCallbacksReachActorsWithoutTasks() async throws {
        let engine = Engine(mode: .sim, seed: 5)
        let (arrivals, times) = try await engine.runOnOwnThread { engine in
            let target = Counter(engine: engine)
            for delay in [5, 1, 3] {
                engine.send(to: target, after: .milliseconds(delay)) { counter in counter.arrive(delay) }
            }
            try? await engine.clock.sleep(for: .milliseconds(10))
            return (await target.arrivals, engine.now)
        }
        #expect(arrivals == [1, 3, 5])
        #expect(times == SimulationInstant(nanoseconds: 10_000_000))
    }

    @Test func workFromAnotherThreadFailsTheRun() async throws {
        let engine = Engine(mode: .sim, seed: 9)
        do {
            _ = try await engine.runOnOwnThread { engine in
                let target = Counter(engine: engine, label: "escape-target")
                // A continuation resumed by another thread: the task's next job arrives from
                // outside the simulation, as it would after a real-clock sleep.
                await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                    OSThread.detach(OSThread.start { continuation.resume() })
                }
                await target.arrive(1)
                return 0
            }
            Issue.record("the escape was not detected")
        } catch {
            guard case .workEscaped(let count, let targets) = error else {
                Issue.record("unexpected error \(error)"); return
            }
            #expect(count >= 1)
            #expect(targets == ["a task's non-isolated code"])
        }
    }

    @Test func aCleanRunHasNoForeignWork() async throws {
        let engine = Engine(mode: .sim, seed: 11)
        _ = try await engine.runOnOwnThread { engine in
            let counter = Counter(engine: engine)
            async let first: Void = counter.arrive(1)
            async let second: Void = counter.arrive(2)
            _ = await (first, second)
            return 0
        }
        guard case .simulation(let scheduler) = engine.backend else { Issue.record("not a simulation"); return }
        #expect(scheduler.foreignReport.count == 0)
        #expect(engine.statistics.events > 0)
    }

    @Test func aContinuationThatIsNeverResumedIsReportedAsAStall() async throws {
        let engine = Engine(mode: .sim, seed: 13)
        await #expect(throws: EngineError.stalled(at: .start, executed: 1)) {
            try await engine.runOnOwnThread { _ in
                await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
                return 0
            }
        }
    }

    @Test func liveModeRunsTheSameActorsInParallel() async throws {
        let engine = Engine(mode: .live, seed: 1, liveWorkers: 2)
        let arrivals = try await engine.runOnOwnThread { engine in
            let shared = Counter(engine: engine, label: "shared")
            let relays = (0..<50).map { Counter(engine: engine, label: "relay-\($0)") }
            await withTaskGroup(of: Void.self) { group in
                for (index, relay) in relays.enumerated() {
                    group.addTask { await relay.roundTrip(index + 1, via: shared) }
                }
            }
            engine.send(to: shared, after: .milliseconds(2)) { $0.arrive(1000) }
            try? await engine.clock.sleep(for: .milliseconds(20))
            return await shared.arrivals
        }
        #expect(arrivals.count == 51)
        #expect(Set(arrivals) == Set(1...50).union([1000]))
        #expect(engine.statistics.endTime >= SimulationInstant(nanoseconds: 20_000_000))
    }
}

@Suite("Send order")
struct SendOrderTests {
    @Test(arguments: 1...10)
    func callbacksToOneActorKeepTheOrderTheyWereSent(seed: UInt64) async throws {
        let engine = Engine(mode: .sim, seed: seed)
        let arrivals = try await engine.runOnOwnThread { engine in
            let target = Counter(engine: engine)
            let other = Counter(engine: engine, label: "other")
            for index in 0..<50 {
                engine.send(to: target) { $0.arrive(index) }
                engine.send(to: other) { $0.arrive(index) }
                // Same instant, sent later: must still come after the zero-delay ones above.
                engine.send(to: target, after: .milliseconds(1)) { $0.arrive(100 + index) }
            }
            try? await engine.clock.sleep(for: .milliseconds(2))
            return await target.arrivals
        }
        #expect(arrivals == Array(0..<50) + Array(100..<150))
    }

    @Test func workForDifferentActorsIsInterleaved() async throws {
        // Two actors each get a burst at the same instant; the seeded scheduler mixes them.
        let engine = Engine(mode: .sim, seed: 4)
        let order = try await engine.runOnOwnThread { engine in
            let log = Counter(engine: engine, label: "log")
            let first = Counter(engine: engine, label: "first")
            let second = Counter(engine: engine, label: "second")
            for index in 0..<20 {
                engine.send(to: first) { _ in engine.send(to: log) { $0.arrive(index) } }
                engine.send(to: second) { _ in engine.send(to: log) { $0.arrive(100 + index) } }
            }
            try? await engine.clock.sleep(for: .milliseconds(1))
            return await log.arrivals
        }
        #expect(order.count == 40)
        #expect(order != Array(0..<20) + Array(100..<120))
        #expect(order.filter { $0 < 100 } == Array(0..<20))
    }
}
