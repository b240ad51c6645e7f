import Benchmark

/// Resident bytes per connected client, once all have joined; smaller is better.
private let bytesPerClient = BenchmarkMetric.custom("bytes/client", polarity: .prefersSmaller, useScalingFactor: false)
/// Resident bytes 3 s into an open-load run; smaller is better, and equal whatever its length.
private let residentAtThreeSeconds = BenchmarkMetric.custom("resident bytes at 3 s", polarity: .prefersSmaller,
                                                           useScalingFactor: false)
/// Engine events per wall-clock second over the run; larger is better.
private let eventsPerSecond = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, bytesPerClient, eventsPerSecond],
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )
    for count in [10_000, 100_000, 1_000_000] {
        for active in [false, true] {
            let name = "Clients.\(active ? "active" : "idle").\(count)"
            let iterations = count >= 1_000_000 ? 1 : 3
            Benchmark(name, configuration: .init(maxIterations: iterations)) { benchmark in
                let result = ClientScale.run(clients: count, active: active)
                benchmark.measurement(bytesPerClient, Int(result.bytesPerClient))
                benchmark.measurement(eventsPerSecond, Int(Double(result.events) / result.wallSeconds))
            }
        }
    }
    for seconds in [60, 3_000] {
        Benchmark("OpenLoad.\(seconds)s", configuration: .init(metrics: [.wallClock, residentAtThreeSeconds], maxIterations: 3)) {
            benchmark in
            benchmark.measurement(residentAtThreeSeconds, OpenLoadMemory.residentBytesThreeSecondsIn(duration: .seconds(seconds)))
        }
    }
}
