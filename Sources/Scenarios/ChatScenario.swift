public import SimEngine

/// Chat rooms under concurrent posting: clients join a few rooms each and post with think time
/// between messages; every room sequences its messages and fans them out over FIFO links.
///
/// Racy by design: clients post into shared rooms at the same virtual instants, so the seeded
/// interleaving decides each room's order. The checks: every member receives every message of
/// its rooms (its own included, as confirmation) exactly once, in the room's order.
public struct ChatScenario: Scenario {
    public var name: String
    public var summary: String
    public var clients: Int
    public var duration: Duration
    /// The number of rooms.
    public var rooms: Int
    /// Rooms each client joins, chosen at random.
    public var roomsPerClient: Int
    /// Seconds a client waits before each message.
    public var thinkTime: Distribution
    /// The links from rooms to members.
    public var link: LinkProfile
    /// The size of each message on the wire. Default 200 bytes, a short chat message.
    public var messageBytes: Int
    /// Virtual time allowed after the load stops for in-flight messages to arrive.
    public var drain: Duration
    public var thresholds: [String]

    public init(name: String, summary: String, clients: Int, duration: Duration, rooms: Int, roomsPerClient: Int,
                thinkTime: Distribution, link: LinkProfile, messageBytes: Int = 200, drain: Duration = .seconds(5),
                thresholds: [String] = ["message_delivery.p99<100ms", "delivery_ratio>=0.999"]) {
        self.name = name
        self.summary = summary
        self.clients = clients
        self.duration = duration
        self.rooms = rooms
        self.roomsPerClient = roomsPerClient
        self.thinkTime = thinkTime
        self.link = link
        self.messageBytes = messageBytes
        self.drain = drain
        self.thresholds = thresholds
    }

    public func validate() throws(ConfigurationError) {
        func require(_ condition: Bool, _ location: String, _ problem: String, _ remedy: String) throws(ConfigurationError) {
            if !condition { throw ConfigurationError(location: location, problem: problem, remedy: remedy) }
        }
        try require(clients > 0, "clients", "must be at least 1, got \(clients)", "give a positive number of clients")
        try require(duration > .zero, "duration", "must be longer than zero", "give a duration such as 30s or 5m")
        try require(rooms > 0, "rooms", "must be at least 1, got \(rooms)", "give a positive number of rooms")
        try require((1...rooms).contains(roomsPerClient), "rooms_per_client",
                    "must be between 1 and rooms (\(rooms)), got \(roomsPerClient)", "lower rooms_per_client or add rooms")
        try require(drain >= .zero, "drain", "must not be negative", "give a duration such as 5s")
        try require(messageBytes > 0, "message_bytes", "must be at least 1, got \(messageBytes)", "give a size in bytes")
        try thinkTime.validate(at: "think_time")
        try link.validate(at: "link")
        try require(thinkTime.mean > 0, "think_time", "has a mean of zero, so clients would post without pause",
                    "give a distribution with a positive mean")
        for (index, text) in thresholds.enumerated() {
            do throws(ConfigurationError) {
                _ = try Threshold.parse(text)
            } catch {
                throw ConfigurationError(location: "thresholds[\(index)]", problem: error.problem, remedy: error.remedy)
            }
        }
    }

    public func run(in engine: Engine) async -> ScenarioOutcome {
        let roomActors = (0..<rooms).map { Room(engine: engine, id: $0, linkProfile: link) }
        let clientActors = (0..<clients).map { Client(engine: engine, id: $0) }
        var membership = engine.random("scenario.membership")
        for client in clientActors {
            for roomIndex in Self.choose(roomsPerClient, of: rooms, using: &membership) {
                await client.join(roomActors[roomIndex])
            }
        }
        // Every client stays connected for the whole run in this model; nothing can fail, so
        // the errors series stays zero (it is registered so that every run has the column).
        engine.metrics.set(engine.metrics.gauge("connected_clients"), to: Int64(clients), at: engine.now)
        _ = engine.metrics.counter("errors")
        let end = engine.now.advanced(by: duration)
        let thinkTime = thinkTime
        let messageBytes = messageBytes
        for client in clientActors {
            engine.spawn { await client.converse(until: end, thinkTime: thinkTime, messageBytes: messageBytes) }
        }
        try? await engine.clock.sleep(until: end.advanced(by: drain))

        return ScenarioOutcome(clients: clients, delivery: engine.trace.deliveryReport)
    }

    /// `count` distinct indices below `total`, in ascending order (a partial Fisher–Yates shuffle).
    static func choose(_ count: Int, of total: Int, using random: inout RandomStream) -> [Int] {
        var pool = Array(0..<total)
        for index in 0..<count {
            let pick = index + Int(random.next(below: UInt64(total - index)))
            pool.swapAt(index, pick)
        }
        return pool[0..<count].sorted()
    }
}
