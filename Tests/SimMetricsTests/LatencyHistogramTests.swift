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
        #expect(LatencyHistogram().summary == LatencySummary(count: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0))
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
