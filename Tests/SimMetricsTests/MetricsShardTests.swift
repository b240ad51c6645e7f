import Foundation
import Testing
@testable import SimRuntime
import SimEvents
import SimMetrics

/// Live mode's workers record into shards of their own; read back, the shards are one recorder.
@Suite("Metrics recorded per worker")
struct MetricsShardTests {
    /// One measurement: a latency, a counter step or a gauge change, at a time.
    private enum Record: Sendable {
        case latency(LatencyMetric, Int64, Int64)
        case counter(CounterMetric, Int64)
        case gauge(Int64, Int64)
    }

    private func apply(_ record: Record, to metrics: MetricsRecorder) {
        switch record {
        case .latency(let metric, let nanoseconds, let time):
            metrics.record(metrics.catalog.handle(metric), nanoseconds: nanoseconds, at: SimulationInstant(nanoseconds: time))
        case .counter(let counter, let time):
            metrics.add(counter, 1, at: SimulationInstant(nanoseconds: time))
        case .gauge(let delta, let time):
            metrics.adjust(.connectedClients, by: delta, at: SimulationInstant(nanoseconds: time))
        }
    }

    @Test func workersRecordingApartReadBackAsOneRecorder() throws {
        var random = RandomStream(seed: 9, stream: "shards")
        // Three workers' measurements, each in time order, over five seconds.
        let streams: [[Record]] = (0..<3).map { _ in
            var time: Int64 = 0
            return (0..<3_000).map { _ in
                time += Int64(random.next(below: 5_000_000))
                switch random.next(below: 10) {
                case 0: return .counter(.messagesSent, time)
                case 1: return .gauge(1, time)
                default: return .latency(random.next(below: 2) == 0 ? .messageDelivery : .typing,
                                         Int64(random.next(below: 900_000_000)), time)
                }
            }
        }
        let alone = MetricsRecorder(catalog: MetricCatalog())
        for record in streams.flatMap({ $0 }).sorted(by: { time($0) < time($1) }) { apply(record, to: alone) }

        let sharded = MetricsRecorder(catalog: MetricCatalog(), workers: 3)
        let threads = streams.enumerated().map { index, stream in
            Thread { [self] in
                WorkerSlot.adopt(worker: index)
                for record in stream { apply(record, to: sharded) }
            }
        }
        threads.forEach { $0.start() }
        while threads.contains(where: { !$0.isFinished }) { usleep(1_000) }

        let one = alone.snapshot, merged = sharded.snapshot
        #expect(merged.summaries == one.summaries)
        #expect(merged.histograms == one.histograms)
        #expect(merged.timeSeries.series == one.timeSeries.series)
        // Counters sum per interval; a gauge's value per interval depends on the order threads
        // changed it in (as in live mode before shards), so only its final value is compared.
        let counters = CounterMetric.allCases.count
        #expect(merged.timeSeries.intervals.map { Array($0.values.prefix(counters)) }
                == one.timeSeries.intervals.map { Array($0.values.prefix(counters)) })
        #expect(merged.timeSeries.intervals.map(\.latencies) == one.timeSeries.intervals.map(\.latencies))
        #expect(sharded.value(of: .connectedClients) == alone.value(of: .connectedClients))
        #expect((one.summaries["message_delivery"]?.count ?? 0) > 3_000)
    }

    private func time(_ record: Record) -> Int64 {
        switch record {
        case .latency(_, _, let time), .counter(_, let time), .gauge(_, let time): time
        }
    }
}
