import SimSupport
public import SimRuntime

/// Who is typing in each room. Typing is never stored: an indicator lasts until its expiry
/// unless renewed, and a message from the typist ends it. A value type with no clock or I/O.
public struct TypingTracker: Sendable {
    /// How long an indicator lasts without renewal. Default 5 s.
    public let expiry: Duration
    private var expiresAt = FlatTable<TypingKey, Int64>()

    private struct TypingKey: FlatKey, Sendable {
        var room: Int
        var user: Int

        var flatHash: UInt64 { FlatHash.combine(room, user) }
    }

    public init(expiry: Duration = .seconds(5)) {
        self.expiry = expiry
    }

    /// `user` is typing in `room`; returns true if this starts an indicator others must see.
    public mutating func typing(user: Int, room: Int, at time: SimulationInstant) -> Bool {
        let key = TypingKey(room: room, user: user)
        let started = !isTyping(user: user, room: room, at: time)
        expiresAt[key] = time.nanoseconds + expiry.wholeNanoseconds
        return started
    }

    /// `user` sent a message or left `room`: the indicator ends.
    public mutating func stopped(user: Int, room: Int) {
        expiresAt.removeValue(forKey: TypingKey(room: room, user: user))
    }

    /// Whether `user` is shown typing in `room` at `time`.
    public func isTyping(user: Int, room: Int, at time: SimulationInstant) -> Bool {
        guard let expiry = expiresAt[TypingKey(room: room, user: user)] else { return false }
        return time.nanoseconds < expiry
    }

    /// When the indicator of `user` in `room` ends unless renewed; nil if there is none.
    public func expiry(user: Int, room: Int) -> SimulationInstant? {
        expiresAt[TypingKey(room: room, user: user)].map { SimulationInstant(nanoseconds: $0) }
    }

    /// The users typing in `room` at `time`, ascending.
    public func typists(in room: Int, at time: SimulationInstant) -> [Int] {
        expiresAt.filter { $0.key.room == room && time.nanoseconds < $0.value }.map(\.key.user).sorted()
    }

    /// Forgets expired indicators; returns how many.
    @discardableResult
    public mutating func purge(at time: SimulationInstant) -> Int {
        let expired = expiresAt.filter { time.nanoseconds >= $0.value }
        for (key, _) in expired { expiresAt.removeValue(forKey: key) }
        return expired.count
    }
}
