/// Folds a sequence of 64-bit words into one 64-bit digest that is the same in every process.
///
/// Each word is mixed in with the SplitMix64 finaliser, so the digest depends on every word and
/// on their order.
public struct TraceHasher: Equatable, Sendable {
    /// The digest of everything combined so far.
    public private(set) var value: UInt64 = 0x7472_6163_6568_6173

    public init() {}

    /// Mixes `word` into the digest.
    @inline(__always)
    public mutating func combine(_ word: UInt64) {
        // The SplitMix64 finaliser, a bijection of 64-bit words with full avalanche.
        var z = value &+ word &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        value = z ^ (z >> 31)
    }

    /// The digest as 16 lowercase hexadecimal digits.
    public var hexDigest: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
