import Testing
@testable import SimReports
import SimMetrics
import SimSupport

/// `simrun compare`'s statistics and judgement, against reference values (SciPy 1.x's
/// `mannwhitneyu`, two-sided) and on cases built to sit each side of a line.
@Suite("Comparison")
struct ComparisonTests {
    @Test(arguments: [
        // Exact: no ties.
        ([1.0, 2, 3, 4], [5.0, 6, 7, 8], 0.0, 0.02857142857142857),
        ([3.1, 2.2, 5.5, 1.0, 4.4], [2.5, 6.1, 7.7, 3.3], 5.0, 0.2857142857142857),
        // Normal approximation with ties and continuity correction.
        ([1.0, 1, 2, 5, 7], [2.0, 3, 3, 8, 9, 9], 6.5, 0.14046665874570058),
    ])
    func theUTestMatchesItsReference(first: [Double], second: [Double], u: Double, p: Double) {
        let test = MannWhitneyTest(first, second)
        #expect(test.u == u)
        #expect(abs(test.pValue - p) < 1e-9, "p \(test.pValue) against \(p)")
        // Swapping the samples changes U to its complement, not the two-sided p.
        let swapped = MannWhitneyTest(second, first)
        #expect(swapped.u == Double(first.count * second.count) - u)
        #expect(abs(swapped.pValue - test.pValue) < 1e-12)
    }

    @Test func smallSamplesCannotReachTheLevelAndIdenticalOnesAreNoEvidence() {
        // Three seeds a side: the most extreme ranking has p = 2 / C(6, 3) = 0.1.
        let three = MannWhitneyTest([1, 2, 3], [4, 5, 6])
        #expect(abs(three.smallestPValue - 0.1) < 1e-12)
        #expect(abs(three.pValue - 0.1) < 1e-12)
        #expect(MannWhitneyTest([5, 5, 5], [5, 5, 5]).pValue == 1)
        #expect(MannWhitneyTest([], [1, 2]).pValue == 1)
    }

    private func judge(_ baseline: [Double], _ new: [Double], tolerance: Double = 10,
                       higherIsWorse: Bool = true) -> MetricComparison.Outcome {
        RunComparison.judge(metric: "m", unit: "ms", higherIsWorse: higherIsWorse,
                            baseline: baseline.reduce(0, +) / Double(baseline.count), new: new.reduce(0, +) / Double(new.count),
                            baselineSamples: baseline.count > 1 ? baseline : [], newSamples: new.count > 1 ? new : [],
                            tolerance: tolerance, level: 0.05).outcome
    }

    @Test func aChangeCountsWhenBeyondItsToleranceAndBeyondTheSeedsScatter() {
        let base = [100.0, 102, 98, 101, 99, 103]
        // 20 % worse on every seed: a regression; 20 % better: an improvement.
        #expect(judge(base, base.map { $0 * 1.2 }) == .regressed)
        #expect(judge(base, base.map { $0 * 0.8 }) == .improved)
        // 5 % worse on every seed, significant but within 10 %: unchanged.
        #expect(judge(base, base.map { $0 * 1.05 }) == .unchanged)
        // 20 % worse on average, from one seed far out among seeds like the baseline's: noise.
        #expect(judge(base, [100, 101, 99, 102, 98, 220]) == .noise)
        // For a ratio, lower is worse.
        let ratios = [1.0, 0.9995, 1, 0.9998, 1, 0.9992]
        #expect(judge(ratios, ratios.map { $0 - 0.05 }, tolerance: 0.1, higherIsWorse: false) == .regressed)
        #expect(judge(ratios, ratios.map { $0 - 0.05 }, tolerance: 0.1, higherIsWorse: true) == .improved)
    }

    @Test func withTooFewSeedsTheToleranceAloneDecides() {
        #expect(judge([100], [111]) == .regressed)
        #expect(judge([100], [109]) == .unchanged)
        #expect(judge([100, 101, 99], [130, 131, 129]) == .regressed, "three seeds a side can never reach p < 0.05")
        #expect(judge([0], [0]) == .unchanged)
        #expect(judge([0], [1]) == .regressed, "from zero, any growth is beyond a relative tolerance")
    }

    @Test(arguments: [("message_delivery.p99=+10%", "message_delivery.p99", 10.0), ("default=5", "default", 5),
                      ("delivery_ratio=+0.5%", "delivery_ratio", 0.5), (" stage.store_write.avg = 25% ", "stage.store_write.avg", 25)])
    func tolerancesParse(text: String, metric: String, percent: Double) throws {
        #expect(try ComparisonTolerance.parse(text) == ComparisonTolerance(metric: metric, percent: percent))
    }

    @Test(arguments: ["message_delivery.p99", "=10%", "message_delivery.p99=-10%", "x=ten", "x=+%", "x=1e400", "x=nan"])
    func malformedTolerancesAreRefused(text: String) {
        #expect(throws: ConfigurationError.self) { try ComparisonTolerance.parse(text) }
    }
}
