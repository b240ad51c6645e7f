/// The last four changes of one member's presence in a room, oldest first, kept inline: the
/// presence checker keeps one for every member of every room, so it allocates nothing.
///
/// ```swift
/// var history = PresenceHistory()
/// history.append(time: 10, online: true)
/// history.last(at: 10)   // true: the change at 10 went online
/// ```
struct PresenceHistory: Sendable {
    /// How many changes are remembered.
    static let capacity = 4

    private var times = SIMD4<Int64>()
    /// Bit i: whether change i went online.
    private var onlineBits: UInt8 = 0
    private(set) var count = 0

    /// Remembers a change, forgetting the oldest beyond ``capacity``.
    mutating func append(time: Int64, online: Bool) {
        if count == Self.capacity {
            times = SIMD4(times[1], times[2], times[3], 0)
            onlineBits >>= 1
            count -= 1
        }
        times[count] = time
        if online { onlineBits |= 1 << count } else { onlineBits &= ~(1 << count) }
        count += 1
    }

    /// The state of the latest remembered change at `time`, if one is remembered.
    func last(at time: Int64) -> Bool? {
        for index in stride(from: count - 1, through: 0, by: -1) where times[index] == time {
            return onlineBits & (1 << index) != 0
        }
        return nil
    }

    /// The time of the oldest remembered change.
    var oldest: Int64? { count > 0 ? times[0] : nil }
}
