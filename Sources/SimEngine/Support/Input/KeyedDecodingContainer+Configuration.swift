#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Decoder {
    /// Throws if the object being decoded has a key outside `known`, naming the nearest known key.
    ///
    /// Every configuration type calls this first, so a misspelt key is an error rather than a
    /// silently ignored setting.
    public func rejectUnknownKeys(known: [String]) throws {
        let container = try self.container(keyedBy: ConfigurationKey.self)
        for key in container.allKeys.map(\.stringValue).sorted() where !known.contains(key) {
            let nearest = known.min { editDistance($0, key) < editDistance($1, key) }
            let suggestion = nearest.map { " Did you mean '\($0)'?" } ?? ""
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [ConfigurationKey(key)],
                debugDescription: "unknown key '\(key)'.\(suggestion) Accepted keys: \(known.joined(separator: ", "))"))
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent.
    public func decode<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }

    /// The duration written as text at `key` (`90s`, `5m`), or `fallback` when absent.
    public func decodeDuration(_ key: Key, default fallback: Duration) throws -> Duration {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return fallback }
        guard let duration = DurationText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "'\(text)' is not a duration; write a number and a unit (ns, us, ms, s, m, h), such as 90s or 5m")
        }
        return duration
    }
}

extension KeyedEncodingContainer {
    /// Writes `duration` as text (`90s`, `5m`).
    public mutating func encodeDuration(_ duration: Duration, forKey key: Key) throws {
        try encode(DurationText.format(duration), forKey: key)
    }
}

/// The Levenshtein distance between two strings, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1]
        for (j, y) in b.enumerated() {
            current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = current
    }
    return previous[b.count]
}
