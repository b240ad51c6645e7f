import Benchmark
import SimRuntime

/// Deliveries per second of one fan-out run; larger is better.
private let deliveriesPerSecond = BenchmarkMetric.custom("deliveries/s", polarity: .prefersLarger,
                                                         useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, deliveriesPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )
    let shape = FanOutShape()

    func measure(_ benchmark: Benchmark, _ run: () -> Int) {
        let start = ContinuousClock.now
        let delivered = run()
        blackHole(delivered)
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(deliveriesPerSecond, Int(Double(delivered) / seconds))
    }

    let latency = Distribution.lognormal(median: 0.02, sigma: 0.5)

    // The reference ceiling and simulation mode, with the same latencies.
    Benchmark("FanOut.plain-loop") { benchmark in
        measure(benchmark) { PlainFanOut.run(shape, latency: latency) }
    }
    Benchmark("FanOut.sim") { benchmark in
        measure(benchmark) { ActorFanOut.run(shape, mode: .sim, latency: latency) }
    }
    Benchmark("FanOut.sim.single-sends") { benchmark in
        measure(benchmark) { ActorFanOut.run(shape, mode: .sim, latency: latency, singleSends: true) }
    }
    // Without latency: no timers, only mailboxes; live mode needs this (its timers are real).
    Benchmark("FanOut.plain-loop.zero-latency") { benchmark in
        measure(benchmark) { PlainFanOut.run(shape, latency: nil) }
    }
    Benchmark("FanOut.sim.zero-latency") { benchmark in
        measure(benchmark) { ActorFanOut.run(shape, mode: .sim) }
    }
    Benchmark("FanOut.live.zero-latency") { benchmark in
        measure(benchmark) { ActorFanOut.run(shape, mode: .live) }
    }
}
