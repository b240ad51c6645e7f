public import SimSupport
public import SimRuntime

/// Who is online: a user is online if and only if they have at least one live connection.
/// Tracks last-seen times and detects unclean disconnects by heartbeat timeout. A value type
/// with no clock or I/O.
///
/// ```swift
/// var presence = PresenceTracker(heartbeatTimeout: .seconds(45))
/// presence.connected(user: 7, connection: 1, at: now)        // -> .cameOnline(7)
/// presence.heartbeat(connection: 1, at: later)
/// presence.expire(at: muchLater).changes                       // -> [.wentOffline(7)]
/// ```
public struct PresenceTracker: Sendable {
    /// A change of a user's presence, to propagate to interested users.
    public enum Change: Equatable, Sendable {
        case cameOnline(user: Int, at: SimulationInstant)
        case wentOffline(user: Int, at: SimulationInstant)
    }

    /// How long a connection may stay silent before it is considered dead: the ping interval
    /// plus the ping timeout (Socket.IO: 25 s + 20 s).
    public let heartbeatTimeout: Duration
    /// Each online user's connections, oldest first (a user rarely has more than one or two).
    private var connectionsByUser = FlatTable<Int, [Int]>()
    private var connections = FlatTable<Int, (user: Int, lastHeard: SimulationInstant, opened: Int)>()
    /// Connections ever opened: each connection's place in the order they opened.
    private var opened = 0
    /// When each user was last seen: their last heartbeat or disconnect.
    public private(set) var lastSeen = FlatTable<Int, SimulationInstant>()

    public init(heartbeatTimeout: Duration = .seconds(45)) {
        self.heartbeatTimeout = heartbeatTimeout
    }

    /// Whether `user` has a live connection.
    public func isOnline(_ user: Int) -> Bool { !(connectionsByUser[user]?.isEmpty ?? true) }

    /// Users online now, in ascending order.
    public var onlineUsers: [Int] { connectionsByUser.map(\.key).filter(isOnline).sorted() }

    /// The live connections of `user`, oldest first.
    public func connections(of user: Int) -> [Int] { connectionsByUser[user] ?? [] }

    /// A connection opened.
    public mutating func connected(user: Int, connection: Int, at time: SimulationInstant) -> Change? {
        let wasOnline = isOnline(user)
        connectionsByUser[user, default: []].append(connection)
        connections[connection] = (user, time, opened)
        opened += 1
        lastSeen[user] = time
        return wasOnline ? nil : .cameOnline(user: user, at: time)
    }

    /// A connection was heard from.
    public mutating func heartbeat(connection: Int, at time: SimulationInstant) {
        guard let slot = connections.index(forKey: connection) else { return }
        connections[slot: slot].lastHeard = time
        lastSeen[connections[slot: slot].user] = time
    }

    /// A connection closed cleanly (or was found dead).
    public mutating func disconnected(connection: Int, at time: SimulationInstant) -> Change? {
        guard let user = connections.removeValue(forKey: connection)?.user else { return nil }
        lastSeen[user] = time
        guard let slot = connectionsByUser.index(forKey: user) else { return nil }
        connectionsByUser[slot: slot].removeAll { $0 == connection }
        guard connectionsByUser[slot: slot].isEmpty else { return nil }
        connectionsByUser.removeValue(forKey: user)
        return .wentOffline(user: user, at: time)
    }

    /// What a heartbeat sweep found: the connections it closed and the presence changes.
    public struct Expiry: Equatable, Sendable {
        /// Connections closed as dead, in the order they opened.
        public var connections: [Int]
        /// Users who went offline with them.
        public var changes: [Change]

        public init(connections: [Int], changes: [Change]) {
            self.connections = connections
            self.changes = changes
        }
    }

    /// Connections last heard before `limit`, in the order they opened.
    private func silentConnections(before limit: SimulationInstant) -> [Int] {
        connections.filter { $0.value.lastHeard < limit }.sorted { $0.value.opened < $1.value.opened }.map(\.key)
    }

    /// Closes every connection silent for longer than the heartbeat timeout at `time`, in the
    /// order they opened, and returns them with the resulting changes. A user who goes
    /// offline this way was last seen when their dead connection was last heard, not now.
    public mutating func expire(at time: SimulationInstant) -> Expiry {
        let limit = SimulationInstant(nanoseconds: time.nanoseconds - heartbeatTimeout.wholeNanoseconds)
        let silent = silentConnections(before: limit).map { connection in
            (connection: connection, user: connections[connection]!.user, lastHeard: connections[connection]!.lastHeard)
        }
        var changes: [Change] = []
        var lastHeardByUser: [Int: SimulationInstant] = [:]
        for dead in silent {
            lastHeardByUser[dead.user, default: .start].raise(toAtLeast: dead.lastHeard)
            if let change = disconnected(connection: dead.connection, at: time) { changes.append(change) }
        }
        for (user, heard) in lastHeardByUser where !isOnline(user) { lastSeen[user] = heard }
        return Expiry(connections: silent.map(\.connection), changes: changes)
    }
}
