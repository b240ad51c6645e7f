import Foundation
import Testing
import SimRuntime

@Suite("Random streams and distributions")
struct RandomStreamTests {
    private func draws(_ stream: inout RandomStream, _ count: Int = 8) -> [UInt64] {
        (0..<count).map { _ in stream.next() }
    }

    @Test func theSameKeyGivesTheSameStream() {
        var first = RandomStream(seed: 42, stream: "link.latency", entity: 7)
        var second = RandomStream(seed: 42, stream: "link.latency", entity: 7)
        #expect(draws(&first) == draws(&second))
    }

    @Test func everyPartOfTheKeySeparatesStreams() {
        var base = RandomStream(seed: 42, stream: "link.latency", entity: 7)
        var otherSeed = RandomStream(seed: 43, stream: "link.latency", entity: 7)
        var otherName = RandomStream(seed: 42, stream: "link.loss", entity: 7)
        var otherEntity = RandomStream(seed: 42, stream: "link.latency", entity: 8)
        let reference = draws(&base)
        #expect(draws(&otherSeed) != reference)
        #expect(draws(&otherName) != reference)
        #expect(draws(&otherEntity) != reference)
    }

    @Test func drawingFromOneStreamNeverShiftsAnother() {
        var untouched = RandomStream(seed: 9, stream: "b")
        let expected = draws(&untouched)
        var busy = RandomStream(seed: 9, stream: "a")
        _ = draws(&busy, 1000)
        var afterwards = RandomStream(seed: 9, stream: "b")
        #expect(draws(&afterwards) == expected)
    }

    @Test func valuesAreStableAcrossProcessesAndPlatforms() {
        // Pinned: a change here changes every recorded trace hash.
        var stream = RandomStream(seed: 1, stream: "pinned")
        #expect(stream.next() == RandomStream.pinnedFirstDraw)
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var stream = RandomStream(seed: 3, stream: "bounded")
        var seen = Set<UInt64>()
        for _ in 0..<10_000 { seen.insert(stream.next(below: 7)) }
        #expect(seen == Set(0..<7))
    }

    @Test func unitIntervalDrawsStayInHalfOpenRange() {
        var stream = RandomStream(seed: 3, stream: "unit")
        let values = (0..<10_000).map { _ in stream.nextUnitInterval() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test(arguments: [
        Distribution.constant(0.25),
        .uniform(min: 0.1, max: 0.3),
        .exponential(mean: 0.2),
        .normal(mean: 1.0, standardDeviation: 0.1),
        .lognormal(median: 0.02, sigma: 0.5),
        .empirical([0.1, 0.2, 0.9]),
    ])
    func sampleMeansMatchTheDistributionsMean(distribution: Distribution) {
        var stream = RandomStream(seed: 11, stream: "moments")
        let count = 200_000
        var sum = 0.0
        var smallest = Double.infinity
        for _ in 0..<count {
            let value = distribution.sample(using: &stream)
            smallest = min(smallest, value)
            sum += value
        }
        #expect(smallest >= 0)
        let mean = sum / Double(count)
        #expect(abs(mean - distribution.mean) <= 0.01 * distribution.mean, "mean \(mean) vs \(distribution.mean)")
    }

    @Test func durationsAreSampledInNanoseconds() {
        var stream = RandomStream(seed: 1, stream: "ns")
        #expect(Distribution.constant(0.0015).sampleNanoseconds(using: &stream) == 1_500_000)
    }

    @Test(arguments: [
        (Distribution.constant(-1), "constant"),
        (.uniform(min: 2, max: 1), "uniform"),
        (.exponential(mean: 0), "exponential"),
        (.normal(mean: 1, standardDeviation: -1), "normal"),
        (.lognormal(median: 0, sigma: 1), "lognormal"),
        (.empirical([]), "empirical"),
        (.empirical([1, -2]), "empirical"),
        (.constant(.nan), "constant"),
    ])
    func impossibleParametersAreRefused(distribution: Distribution, kind: String) {
        do {
            try distribution.validate(at: "link_latency")
            Issue.record("\(distribution) was accepted")
        } catch {
            #expect(error.location == "link_latency")
            #expect(error.problem.contains(kind))
        }
    }

    @Test func distributionsRoundTripThroughJSON() throws {
        let all: [Distribution] = [.constant(1), .uniform(min: 0, max: 2), .exponential(mean: 3),
                                   .normal(mean: 4, standardDeviation: 1), .lognormal(median: 0.02, sigma: 0.5),
                                   .empirical([1, 2, 3])]
        let data = try JSONEncoder().encode(all)
        #expect(try JSONDecoder().decode([Distribution].self, from: data) == all)
        let text = String(decoding: try JSONEncoder().encode(Distribution.exponential(mean: 2)), as: UTF8.self)
        #expect(text.contains("\"kind\":\"exponential\""))
    }

    @Test func anUnknownKindNamesTheAcceptedOnes() {
        let json = #"{"kind": "poisson", "mean": 1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Distribution.self, from: Data(json.utf8)) }
        do {
            _ = try JSONDecoder().decode(Distribution.self, from: Data(json.utf8))
        } catch {
            #expect("\(error)".contains("constant, uniform, exponential, normal, lognormal, empirical"))
        }
    }
}

extension RandomStream {
    /// The first draw of `RandomStream(seed: 1, stream: "pinned")`.
    static let pinnedFirstDraw: UInt64 = 3_748_419_761_661_135_958
}
