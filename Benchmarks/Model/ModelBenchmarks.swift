import Benchmark

// What the whole model costs, on workloads that run every checker and metric as `simrun run`
// does. Events per delivery and mallocs depend only on the model (the same seed runs the same
// events on every machine), so `Thresholds/` holds them and CI checks them; the speeds vary with
// the machine and are reported, not gated. The live-mode runs (`Model.live.*`) vary from run to
// run and CI skips them.

/// Engine events per wall-clock second; larger is better.
private let eventsPerSecond = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)
/// Deliveries per wall-clock second; larger is better.
private let deliveriesPerSecond = BenchmarkMetric.custom("deliveries/s", polarity: .prefersLarger, useScalingFactor: false)
/// Virtual seconds per wall-clock second, in hundredths (100 is real time); larger is better.
private let realTimeFactor = BenchmarkMetric.custom("real-time x100", polarity: .prefersLarger, useScalingFactor: false)
/// Engine events per 100 deliveries; smaller is better. Deterministic.
private let eventsPerHundredDeliveries = BenchmarkMetric.custom("events/100 deliveries", polarity: .prefersSmaller,
                                                                useScalingFactor: false)
/// Deliveries in the run; a change means the model's behaviour changed, not its speed.
private let deliveries = BenchmarkMetric.custom("deliveries", polarity: .prefersLarger, useScalingFactor: false)
/// The 99th percentile of delivery latency, in microseconds; smaller is better. In live mode it
/// shows how far the model falls behind the clock.
private let deliveryP99 = BenchmarkMetric.custom("delivery p99 (µs)", polarity: .prefersSmaller, useScalingFactor: false)
/// Peak resident bytes the run added, per client; smaller is better.
private let bytesPerClient = BenchmarkMetric.custom("peak bytes/client", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, eventsPerSecond, deliveriesPerSecond, realTimeFactor,
                  eventsPerHundredDeliveries, deliveries, bytesPerClient],
        warmupIterations: 0,
        scalingFactor: .one,
        maxDuration: .seconds(60),
        // One run each: what is gated is the same in every run, and the process's peak memory
        // is only the run's own in its first.
        maxIterations: 1,
        // Against the static thresholds in Thresholds/: the model's events exactly, its
        // allocations within 2 % (the runtime's own allocations differ a little between builds).
        thresholds: [
            eventsPerHundredDeliveries: .init(absolute: [.p90: 0]),
            deliveries: .init(absolute: [.p90: 0]),
            .mallocCountTotal: .init(relative: [.p90: 2]),
        ]
    )
    for workload in ModelWorkload.live {
        Benchmark("Model.\(workload.name)", configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident, deliveries, deliveriesPerSecond, deliveryP99], thresholds: [:]
        )) { benchmark in
            let outcome: ModelWorkload.Outcome
            do { outcome = try workload.run() } catch { return benchmark.error("\(workload.name): \(error)") }
            benchmark.measurement(deliveries, outcome.deliveries)
            benchmark.measurement(deliveriesPerSecond, Int(Double(outcome.deliveries) / outcome.wallSeconds))
            benchmark.measurement(deliveryP99, Int(outcome.deliveryP99Milliseconds * 1_000))
        }
    }
    for workload in ModelWorkload.all {
        Benchmark("Model.\(workload.name)") { benchmark in
            let outcome: ModelWorkload.Outcome
            do { outcome = try workload.run() } catch { return benchmark.error("\(workload.name): \(error)") }
            benchmark.measurement(eventsPerSecond, Int(Double(outcome.events) / outcome.wallSeconds))
            benchmark.measurement(deliveriesPerSecond, Int(Double(outcome.deliveries) / outcome.wallSeconds))
            benchmark.measurement(realTimeFactor, Int(100 * outcome.virtualSeconds / outcome.wallSeconds))
            benchmark.measurement(eventsPerHundredDeliveries, Int(100 * outcome.events) / Swift.max(1, outcome.deliveries))
            benchmark.measurement(deliveries, outcome.deliveries)
            benchmark.measurement(bytesPerClient, outcome.peakBytes / Swift.max(1, outcome.clients))
        }
    }
}
