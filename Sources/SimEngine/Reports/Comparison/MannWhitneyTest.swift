#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Mann–Whitney U test: whether two samples come from distributions of which one tends to
/// give larger values, without assuming any shape. `simrun compare` uses it on per-seed figures,
/// so that the scatter between seeds is not read as a change.
///
/// ```swift
/// let test = MannWhitneyTest([101, 99, 103, 98], [120, 118, 125, 119])
/// test.pValue   // 0.0286: four seeds each that do not overlap
/// ```
///
/// The p-value is two-sided. Without ties and with at most 2,500 pairs it is exact (the U
/// statistic's distribution counted over every assignment of ranks); otherwise it is the normal
/// approximation with the correction for ties and for continuity.
public struct MannWhitneyTest: Sendable {
    /// The U statistic of the first sample: how many pairs (x from the first, y from the second)
    /// have x > y, ties counting a half.
    public let u: Double
    /// The two-sided p-value: the chance of a U as far from its mean as this one when both
    /// samples come from one distribution.
    public let pValue: Double
    /// The smallest p-value samples of these sizes can give: when it is not below the level a
    /// comparison asks for, no difference can be called significant.
    public let smallestPValue: Double

    public init(_ first: [Double], _ second: [Double]) {
        let (m, n) = (first.count, second.count)
        guard m > 0, n > 0 else {
            (u, pValue, smallestPValue) = (0, 1, 1)
            return
        }
        // Rank the pooled values, ties taking their mean rank.
        let pooled = (first.map { ($0, 0) } + second.map { ($0, 1) }).sorted { $0.0 < $1.0 }
        var ranks = [Double](repeating: 0, count: pooled.count)
        var tieGroups: [Int] = []
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count, pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let rank = Double(start + end + 2) / 2
            for index in start...end { ranks[index] = rank }
            if end > start { tieGroups.append(end - start + 1) }
            start = end + 1
        }
        let firstRanks = zip(pooled, ranks).reduce(0.0) { $0 + ($1.0.1 == 0 ? $1.1 : 0) }
        let u = firstRanks - Double(m * (m + 1)) / 2
        self.u = u
        let mean = Double(m * n) / 2
        if tieGroups.isEmpty, m * n <= 2_500 {
            let counts = Self.exactCounts(m, n)
            let total = counts.reduce(0, +)
            // Two-sided: the chance of a U at least as far from the mean, on either side.
            let distance = abs(u - mean)
            var tail = 0.0
            for (value, count) in counts.enumerated() where abs(Double(value) - mean) >= distance - 1e-9 { tail += count }
            pValue = Swift.min(1, tail / total)
            smallestPValue = Swift.min(1, 2 * counts[0] / total)
        } else {
            let tieTerm = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let size = Double(m + n)
            let variance = Double(m * n) / 12 * ((size + 1) - tieTerm / (size * (size - 1)))
            guard variance > 0 else {
                // Every value equal: nothing tells the samples apart.
                (pValue, smallestPValue) = (1, 1)
                return
            }
            let z = Swift.max(0, abs(u - mean) - 0.5) / variance.squareRoot()
            pValue = Swift.min(1, 2 * Self.upperNormalTail(z))
            let widest = Swift.max(0, mean - 0.5) / variance.squareRoot()
            smallestPValue = Swift.min(1, 2 * Self.upperNormalTail(widest))
        }
    }

    /// How many of the C(m + n, m) ways to rank the samples give each U from 0 to m·n.
    private static func exactCounts(_ m: Int, _ n: Int) -> [Double] {
        // ways[i][j][u]: rankings of i values of the first sample and j of the second with U = u.
        // The largest value either belongs to the first sample, and beats all j others, or to
        // the second, and beats none.
        var ways = [[[Double]]](repeating: [[Double]](repeating: [1], count: n + 1), count: m + 1)
        for i in 0...m {
            for j in 0...n where i > 0 && j > 0 {
                var row = [Double](repeating: 0, count: i * j + 1)
                for (u, count) in ways[i - 1][j].enumerated() { row[u + j] += count }
                for (u, count) in ways[i][j - 1].enumerated() { row[u] += count }
                ways[i][j] = row
            }
        }
        return ways[m][n]
    }

    /// The chance that a standard normal variable exceeds `z`.
    private static func upperNormalTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}
