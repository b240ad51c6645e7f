import Testing
@testable import SimRuntime
@testable import SimMetrics
import SimEvents

@Suite("Time series")
struct TimeSeriesTests {
    @Test func compactPercentilesAreWithinTheirBucket() {
        var histogram = CompactHistogram()
        for millisecond in 1...1_000 { histogram.record(nanoseconds: Int64(millisecond) * 1_000_000) }
        for (percentile, exact) in [(50.0, 500.0), (90, 900), (99, 990)] {
            let reported = Double(histogram.nanoseconds(atPercentile: percentile)) / 1e6
            #expect(reported >= exact && reported <= exact * 1.13, "p\(percentile): \(reported) ms for \(exact) ms")
        }
        #expect(CompactHistogram().nanoseconds(atPercentile: 99) == 0)
    }

    @Test func bucketsGrowWithTheirValues() {
        var previous = -1
        for exponent in 0..<40 {
            let bucket = CompactHistogram.bucket(of: Int64(1) << exponent)
            #expect(bucket >= previous)
            previous = bucket
        }
        #expect(CompactHistogram.bucket(of: -5) == 0)
        #expect(CompactHistogram.bucket(of: .max) == 255)
    }

    @Test func rowsFollowVirtualTimeAndGaugesCarryForward() {
        let metrics = MetricsRecorder(catalog: MetricCatalog(), interval: .seconds(10))
        let delivery = metrics.catalog.handle(.messageDelivery)
        metrics.set(.connectedClients, to: 50, at: .start)
        metrics.add(.messagesSent, 3, at: SimulationInstant(nanoseconds: 1_000_000_000))
        metrics.record(delivery, nanoseconds: 20_000_000, at: SimulationInstant(nanoseconds: 25_000_000_000))
        let series = metrics.snapshot.timeSeries
        // Every counter, the gauges that were used, and the latencies that have values.
        #expect(series.series == CounterMetric.allCases.map(\.rawValue) + ["connected_clients"])
        #expect(series.latencies == ["message_delivery"])
        let sent = series.series.firstIndex(of: "messages_sent")!
        let connected = series.series.firstIndex(of: "connected_clients")!
        #expect(series.intervals.map(\.start.nanoseconds) == [0, 10_000_000_000, 20_000_000_000])
        #expect(series.intervals.map { $0.values[sent] } == [3, 0, 0])
        #expect(series.intervals.map { $0.values[connected] } == [50, 50, 50])
        #expect(series.intervals.map { $0.latencies[0]?.count ?? 0 } == [0, 0, 1])
    }
}
