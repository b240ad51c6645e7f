/// A 64-bit FNV-1a hash of text that is the same in every process and on every platform.
///
/// Swift's `Hasher` is seeded per process, so it must never decide anything in a simulation;
/// this one is used to turn stream names into keys.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
