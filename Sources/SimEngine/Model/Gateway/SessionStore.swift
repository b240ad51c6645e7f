import SimRuntime

/// The sessions a gateway node keeps for users whose connection closed without their asking:
/// the rooms they were in, until a deadline, so that a client back in time gets them back. A
/// value with no clock or I/O.
///
/// ```swift
/// var sessions = SessionStore()
/// sessions.keep(rooms: [3, 7], of: 42, until: now.advanced(by: .seconds(120)))
/// sessions.resume(42, at: later)   // [3, 7] if later is in time, else nil
/// ```
struct SessionStore: Sendable {
    private struct Session: Sendable {
        var rooms: [Int]
        var keptUntil: SimulationInstant
    }

    private var sessions: [Int: Session] = [:]

    /// Sessions kept now.
    var count: Int { sessions.count }

    /// Keeps `user`'s `rooms` until `deadline`, replacing any session kept before.
    mutating func keep(rooms: [Int], of user: Int, until deadline: SimulationInstant) {
        sessions[user] = Session(rooms: rooms, keptUntil: deadline)
    }

    /// `user` reconnects at `now`: the rooms of its session if it is still kept, else nil. The
    /// session is used up either way.
    mutating func resume(_ user: Int, at now: SimulationInstant) -> [Int]? {
        guard let session = sessions.removeValue(forKey: user), session.keptUntil >= now else { return nil }
        return session.rooms
    }

    /// Forgets the sessions whose deadline passed before `now`.
    mutating func expire(at now: SimulationInstant) {
        sessions = sessions.filter { $0.value.keptUntil >= now }
    }

    /// Forgets every session (the node crashed).
    mutating func removeAll() {
        sessions.removeAll()
    }
}
