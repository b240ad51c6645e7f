import Foundation
import Testing
import SimEvents
import SimMetrics
import SimRuntime

@Suite("Latency histograms")
struct LatencyHistogramTests {
    @Test func percentilesOfAKnownSpreadAreWithinThreeSignificantDigits() {
        var histogram = LatencyHistogram()
        for millisecond in 1...1_000 { histogram.record(nanoseconds: Int64(millisecond) * 1_000_000) }
        let summary = histogram.summary
        #expect(summary.count == 1_000)
        #expect(abs(summary.p50Ms - 500) <= 0.5)
        #expect(abs(summary.p90Ms - 900) <= 0.9)
        #expect(abs(summary.p99Ms - 990) <= 1)
        #expect(abs(summary.p999Ms - 999) <= 1)
        #expect(abs(summary.maxMs - 1_000) <= 1)
    }

    @Test func mergingAddsEveryValueAndOutOfRangeValuesAreClamped() {
        var fast = LatencyHistogram()
        var slow = LatencyHistogram()
        for _ in 0..<99 { fast.record(nanoseconds: 1_000_000) }
        slow.record(nanoseconds: 10_000_000_000_000)  // beyond an hour: counted as an hour
        slow.record(nanoseconds: -5)                   // before the intended time: counted as zero
        fast.merge(slow)
        #expect(fast.count == 101)
        #expect(abs(fast.summary.maxMs - 3_600_000) / 3_600_000 < 0.001)
        #expect(abs(fast.summary.p50Ms - 1) < 0.001)  // a bucket reports its highest equivalent value
    }

    @Test func aHistogramRebuiltFromItsBucketsHasTheSameFiguresAndMergesTheSame() throws {
        var random = RandomStream(seed: 3, stream: "latency")
        var first = LatencyHistogram()
        var second = LatencyHistogram()
        for index in 0..<5_000 {
            let latency = Distribution.lognormal(median: 0.040, sigma: 1.2).sampleNanoseconds(using: &random)
            if index % 3 == 0 { first.record(nanoseconds: latency) } else { second.record(nanoseconds: latency) }
        }
        let rebuilt = LatencyHistogram(buckets: first.buckets)
        #expect(rebuilt == first)
        #expect(rebuilt.summary == first.summary)
        #expect(first.buckets.count < 2_000)
        // Through JSON, as histograms.json and explore.json carry them.
        let decoded = try JSONDecoder().decode(LatencyHistogram.self, from: JSONEncoder().encode(second))
        #expect(decoded.summary == second.summary)
        var merged = first
        merged.merge(second)
        var mergedRebuilt = rebuilt
        mergedRebuilt.merge(decoded)
        #expect(mergedRebuilt.summary == merged.summary)
        #expect(mergedRebuilt.count == 5_000)
        // A histogram with other counts is not equal.
        second.record(nanoseconds: 1_000_000)
        #expect(decoded != second)
    }

    @Test func aHistogramReadFromAFileIsRefusedWhenItsCountsCouldOverflowAMerge() throws {
        let huge = Data("[[1000, 18446744073709551615], [2000, 5]]".utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LatencyHistogram.self, from: huge) }
        let large = Data("[[1000, \(LatencyHistogram.mostValuesRead)], [2000, 1]]".utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LatencyHistogram.self, from: large) }
        let fine = try JSONDecoder().decode(LatencyHistogram.self, from: Data("[[1000, 3], [7200000000000, 1]]".utf8))
        #expect(fine.count == 4)
        #expect(abs(fine.summary.maxMs - 3_600_000) / 3_600_000 < 0.001, "beyond an hour counts as an hour")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LatencyHistogram.self, from: Data("[[1, 2, 3]]".utf8)) }
    }

    @Test func anEmptyHistogramSummarisesToZeros() {
        #expect(LatencyHistogram().summary == LatencySummary(count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0,
                                                             p999Ms: 0, maxMs: 0))
    }

    /// 1 to 1,000 ms, one value each: the mean is 500.5 ms and the 95th percentile 950 ms, both
    /// within the histogram's three significant digits; two halves merged give the same.
    @Test func theSummaryHasTheMeanAndThe95thPercentile() throws {
        var whole = LatencyHistogram()
        var low = LatencyHistogram()
        var high = LatencyHistogram()
        for millisecond in 1...1_000 {
            whole.record(nanoseconds: Int64(millisecond) * 1_000_000)
            if millisecond <= 500 { low.record(nanoseconds: Int64(millisecond) * 1_000_000) } else {
                high.record(nanoseconds: Int64(millisecond) * 1_000_000)
            }
        }
        let summary = whole.summary
        let mean = try #require(summary.meanMs)
        let p95 = try #require(summary.p95Ms)
        #expect(abs(mean - 500.5) / 500.5 < 0.001, "mean \(mean)")
        #expect(abs(p95 - 950) / 950 < 0.001, "p95 \(p95)")
        #expect(summary.p90Ms < p95 && p95 < summary.p99Ms)
        low.merge(high)
        #expect(low.summary == summary)
        #expect(summary.value(of: "avg") == mean)
        #expect(summary.value(of: "p95") == p95)
    }

    /// A summary.json written before the mean and the 95th percentile were recorded still reads.
    @Test func aSummaryWithoutTheMeanOrThe95thPercentileStillReads() throws {
        let json = #"{"count": 3, "p50_ms": 1, "p90_ms": 2, "p99_ms": 3, "p999_ms": 3, "max_ms": 3}"#
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let summary = try decoder.decode(LatencySummary.self, from: Data(json.utf8))
        #expect(summary.meanMs == nil && summary.p95Ms == nil)
        #expect(summary.value(of: "p95") == nil)
        #expect(summary.p99Ms == 3)
    }

    @Test func theRecorderKeepsOneHistogramPerHandleAndSummarisesOnlyWhatWasRecorded() {
        let metrics = MetricsRecorder(catalog: MetricCatalog())
        let delivery = metrics.catalog.handle(.messageDelivery)
        let typing = metrics.catalog.handle(.typing)
        #expect(delivery != typing)
        metrics.record(delivery, nanoseconds: 20_000_000, at: .start)
        metrics.record(delivery, nanoseconds: 40_000_000, at: .start)
        metrics.record(typing, nanoseconds: 5_000_000, at: .start)
        let summaries = metrics.snapshot.summaries
        #expect(summaries["message_delivery"]?.count == 2)
        #expect(summaries["typing"]?.count == 1)
        #expect(summaries.keys.sorted() == ["message_delivery", "typing"])
    }
}
