import Testing
@testable import SimEngine

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
        let metrics = MetricsRecorder(interval: .seconds(10))
        let sent = metrics.counter("messages_sent")
        let connected = metrics.gauge("connected_clients")
        let delivery = metrics.latency("message_delivery")
        metrics.set(connected, to: 50, at: .start)
        metrics.add(sent, 3, at: SimulationInstant(nanoseconds: 1_000_000_000))
        metrics.record(delivery, nanoseconds: 20_000_000, at: SimulationInstant(nanoseconds: 25_000_000_000))
        let csv = TimeSeriesTable.csv(for: metrics).split(separator: "\n")
        #expect(csv == [
            "t_s,connected_clients,messages_sent,message_delivery_count,message_delivery_p50_ms,message_delivery_p99_ms",
            "0,50,3,0,0.0,0.0",
            "10,50,0,0,0.0,0.0",
            "20,50,0,1,20.48,20.48",
        ])
    }
}
