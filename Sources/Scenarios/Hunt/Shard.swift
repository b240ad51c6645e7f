public import SimSupport

/// One of `count` machines sharing a search: `I/N` takes every N-th seed, starting with the
/// I-th (from 0, as a Kubernetes Indexed Job numbers its pods), so N shards cover the seeds once.
///
/// ```swift
/// let shard = try Shard(parsing: "2/8")
/// ```
public struct Shard: Equatable, Codable, Sendable, CustomStringConvertible {
    /// This shard's number, from 0.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// The whole search on one machine.
    public static let whole = Shard(index: 0, count: 1)

    /// The most shards a search may be split into.
    public static let mostShards = 100_000

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) is not one of \(count)")
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    ///
    /// - Throws: a ``ConfigurationError`` at `--shard` naming what is wrong.
    public init(parsing text: String) throws(ConfigurationError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ConfigurationError(location: "--shard", problem: "'\(text)' is not I/N",
                                     remedy: "give this shard's number from 0 and the number of shards, such as 0/4")
        }
        guard (1...Self.mostShards).contains(count), (0..<count).contains(index) else {
            throw ConfigurationError(location: "--shard", problem: "'\(text)': shard \(index) of \(count) does not exist",
                                     remedy: "give a number from 0 to N-1 and N from 1 to \(Self.mostShards), such as 0/4")
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}
