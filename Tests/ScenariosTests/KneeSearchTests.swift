import Testing
import Scenarios

@Suite("Knee search")
struct KneeSearchTests {
    /// Runs the search against a system that passes up to `capacity`.
    private func search(_ range: ClosedRange<Int>, resolution: Int, capacity: Int) -> (KneeSearch.Outcome, [Int]) {
        var search = KneeSearch(range: range, resolution: resolution)
        var tried: [Int] = []
        while let value = search.next() {
            tried.append(value)
            search.record(value, passed: value <= capacity)
        }
        return (search.outcome, tried)
    }

    @Test(arguments: [1_000, 1_001, 17_345, 38_000, 49_999])
    func bisectionFindsTheKneeWithinTheResolution(capacity: Int) {
        let (outcome, tried) = search(1_000...50_000, resolution: 500, capacity: capacity)
        guard case .within(let knee, let failing) = outcome else {
            Issue.record("no knee: \(outcome)")
            return
        }
        #expect(knee <= capacity && capacity < failing)
        #expect(failing - knee <= 500)
        #expect(tried.prefix(2) == [1_000, 50_000], "the ends first")
        #expect(tried.count <= 2 + 7, "log2(49,000 / 500) bisections: \(tried)")
    }

    @Test func aRangeThatAllPassesOrAllFailsSaysSoAfterItsEnds() {
        let (above, triedAbove) = search(10...20, resolution: 1, capacity: 100)
        #expect(above == .above)
        #expect(triedAbove == [10, 20])
        let (below, triedBelow) = search(10...20, resolution: 1, capacity: 5)
        #expect(below == .below)
        #expect(triedBelow == [10])
    }

    @Test func aSinglePointRangeRunsOnce() {
        let (outcome, tried) = search(7...7, resolution: 1, capacity: 7)
        #expect(outcome == .above)
        #expect(tried == [7])
    }
}
