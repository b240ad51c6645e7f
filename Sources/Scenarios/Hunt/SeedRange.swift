public import SimSupport

/// The seeds a search runs, `first...last`, as the command line writes them: `1..1000`, or one
/// seed alone (`42`).
///
/// ```swift
/// let seeds = try SeedRange(parsing: "1..1000")
/// seeds.seeds(in: Shard(index: 1, count: 4))   // 2, 6, 10, …, 998
/// ```
public struct SeedRange: Equatable, Codable, Sendable, CustomStringConvertible {
    /// The first seed.
    public var first: UInt64
    /// The last seed, included.
    public var last: UInt64

    /// The most seeds one search may cover.
    public static let mostSeeds: UInt64 = 100_000_000

    public init(first: UInt64, last: UInt64) {
        precondition(first <= last, "a seed range \(first)..\(last) ends before it starts")
        self.first = first
        self.last = last
    }

    /// Parses `first..last` or a single seed.
    ///
    /// - Throws: a ``ConfigurationError`` at `--seeds` naming what is wrong.
    public init(parsing text: String) throws(ConfigurationError) {
        func refuse(_ problem: String) -> ConfigurationError {
            ConfigurationError(location: "--seeds", problem: problem,
                               remedy: "give a range such as 1..1000, or one seed such as 42")
        }
        let parts = text.split(separator: "..", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = UInt64(parts[0]) else { throw refuse("'\(text)': '\(parts[0])' is not a seed (0 to 2^64-1)") }
        let last = parts.count == 2 ? UInt64(parts[1]) : first
        guard let last else { throw refuse("'\(text)': '\(parts[1])' is not a seed (0 to 2^64-1)") }
        guard first <= last else { throw refuse("'\(text)' ends before it starts") }
        guard last - first < Self.mostSeeds else {
            throw refuse("'\(text)' holds more than the \(Self.mostSeeds) seeds a search may cover")
        }
        self.init(first: first, last: last)
    }

    /// How many seeds the range holds.
    public var count: UInt64 { last - first + 1 }

    /// The range's seeds in `shard`: every `shard.count`-th, starting with the `shard.index`-th.
    public func seeds(in shard: Shard = .whole) -> [UInt64] {
        guard UInt64(shard.index) < count else { return [] }
        return Array(stride(from: first + UInt64(shard.index), through: last, by: shard.count))
    }

    public var description: String { first == last ? "\(first)" : "\(first)..\(last)" }
}
