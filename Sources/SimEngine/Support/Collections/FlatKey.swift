/// A key of a ``FlatTable``: equatable, with a well-mixed 64-bit hash that depends on nothing
/// but the key's value.
///
/// Unlike `Hashable`, whose hashes are seeded per process, a flat hash is the same in every
/// process and on every platform, so a table's layout and its iteration order are a pure
/// function of what was inserted. It is also cheaper: one multiply-and-shift mix per word
/// instead of a round of SipHash.
///
/// ```swift
/// struct Seat: FlatKey {
///     var row: Int
///     var number: Int
///     var flatHash: UInt64 { FlatHash.combine(row, number) }
/// }
/// ```
public protocol FlatKey: Equatable {
    /// The key's hash: equal keys must have equal hashes, and every bit should depend on every
    /// bit of the key (use ``FlatHash``).
    var flatHash: UInt64 { get }
}

/// The mixing functions behind ``FlatKey/flatHash``: bijective 64-bit finalisers, so that
/// distinct words never share a hash and nearby words (consecutive ids) land far apart.
public enum FlatHash {
    /// Mixes one word (the finaliser of MurmurHash3: every output bit depends on every input bit).
    @inlinable @inline(__always)
    public static func mix(_ word: UInt64) -> UInt64 {
        var x = word
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The hash of two integers, in order.
    @inlinable @inline(__always)
    public static func combine(_ first: Int, _ second: Int) -> UInt64 {
        mix(UInt64(bitPattern: Int64(first)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(second)))
    }

    /// The hash of three integers, in order.
    @inlinable @inline(__always)
    public static func combine(_ first: Int, _ second: Int, _ third: Int) -> UInt64 {
        mix(combine(first, second) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(third)))
    }
}

extension Int: FlatKey {
    @inlinable
    public var flatHash: UInt64 { FlatHash.mix(UInt64(bitPattern: Int64(self))) }
}

extension UInt64: FlatKey {
    @inlinable
    public var flatHash: UInt64 { FlatHash.mix(self) }
}
