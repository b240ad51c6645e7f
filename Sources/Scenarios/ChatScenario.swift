public import SimSupport
public import SimRuntime
public import SimEvents
public import SimModel
import SimMetrics
public import SimReports

/// A population of clients in rooms, driven through the whole modelled system: clients arrive
/// over the ramp-up, connect to their gateway node, join rooms (a few each at random, or, with
/// agent routing, a support conversation each) and post under a closed or open load model; each
/// post is parsed, stored and sequenced by its room, acknowledged, and fanned out by every node
/// that serves members of the room (over the bus when there are several nodes). Typing, receipts,
/// cursors and notifications follow the clients' habits; profiles mix activity and networks;
/// scheduled faults strike during the run. Every built-in scenario is one of these.
///
/// Racy by design: clients post into shared rooms at the same virtual instants, so the seeded
/// interleaving decides each room's order. Every guarantee checker judges the run.
public struct ChatScenario: Scenario, Equatable {
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
    /// The modelled system: nodes, stages, store, bus, network, guarantees.
    public var system: SystemConfiguration
    /// What clients do besides posting: typing, receipts, opening notifications.
    public var habits: ClientHabits
    /// Domain events that notify clients, if any.
    public var notifications: NotificationLoad?
    /// The share of clients who join their rooms as admins (who may remove others). Default 0.
    public var adminShare: Double
    /// The share of clients who join their rooms as viewers (who may not post). Default 0.
    public var viewerShare: Double
    /// Failures injected during the run. Default none.
    public var faults: [ScheduledFault]
    /// Kinds of user mixed by weight (activity, network); empty for alike clients. Default none.
    public var profiles: [ClientProfile]
    /// Sessions per second arriving as a Poisson process, instead of arrivals spread uniformly
    /// over `ramp_up`; clients whose turn would come after the run's end never arrive. Default
    /// nil (uniform).
    public var sessionsPerSecond: Double?
    /// How long each client stays, in seconds from its arrival, before its session ends (it
    /// leaves its rooms and disconnects); nil to stay for the whole run. Default nil.
    public var sessionLength: Distribution?
    /// How the load is generated: closed (think time per client, the default) or open (a rate
    /// through stages).
    public var load: LoadModel
    /// Support-desk routing of customers to agents; when set, each customer gets a room of its
    /// own and `rooms` and `rooms_per_client` are not used. Default none.
    public var agents: AgentRouting?
    /// The size of each message on the wire. Default 200 bytes, a short chat message.
    public var messageBytes: Int
    /// Virtual time allowed after the load stops for in-flight messages to arrive.
    public var drain: Duration
    /// Clients arrive at instants drawn uniformly over this time from the start (at most the
    /// duration); zero means all at once, a thundering herd.
    public var rampUp: Duration
    public var thresholds: [String]
    /// How the system is sized from `clients`, if it is: see ``ScenarioSizing``. Default none.
    public var sizing: ScenarioSizing?
    /// What `--swarm` may draw for each seed: faults, and ranges the load and latencies are
    /// scaled within. Default ``SwarmConfiguration/init(faults:mostFaults:longestFault:clients:thinkTime:storeLatency:networkLatency:)``'s.
    public var swarm = SwarmConfiguration()

    public init(name: String, summary: String, clients: Int, duration: Duration, rooms: Int, roomsPerClient: Int,
                thinkTime: Distribution, system: SystemConfiguration = SystemConfiguration(),
                habits: ClientHabits = ClientHabits(), notifications: NotificationLoad? = nil, adminShare: Double = 0,
                viewerShare: Double = 0, faults: [ScheduledFault] = [], profiles: [ClientProfile] = [], load: LoadModel = .closed,
                sessionLength: Distribution? = nil, sessionsPerSecond: Double? = nil, agents: AgentRouting? = nil,
                messageBytes: Int = 200,
                drain: Duration = .seconds(5), rampUp: Duration = .zero,
                thresholds: [String] = ["message_delivery.p99<100ms", "delivery_ratio>=0.999"]) {
        self.adminShare = adminShare
        self.viewerShare = viewerShare
        self.faults = faults
        self.agents = agents
        self.load = load
        self.sessionLength = sessionLength
        self.sessionsPerSecond = sessionsPerSecond
        self.profiles = profiles
        self.name = name
        self.summary = summary
        self.clients = clients
        self.duration = duration
        self.rooms = rooms
        self.roomsPerClient = roomsPerClient
        self.thinkTime = thinkTime
        self.system = system
        self.habits = habits
        self.notifications = notifications
        self.messageBytes = messageBytes
        self.drain = drain
        self.rampUp = rampUp
        self.thresholds = thresholds
    }

    public func validate() throws(ConfigurationError) {
        func require(_ condition: Bool, _ location: String, _ problem: String, _ remedy: String) throws(ConfigurationError) {
            if !condition { throw ConfigurationError(location: location, problem: problem, remedy: remedy) }
        }
        try ConfigurationError.requireCount(clients, in: 1...Self.mostClients, at: "clients", unit: "clients")
        try require(duration > .zero, "duration", "must be longer than zero", "give a duration such as 30s or 5m")
        try ConfigurationError.requireDuration(duration, in: .zero...ConfigurationError.longest, at: "duration")
        try ConfigurationError.requireCount(rooms, in: 1...Self.mostClients, at: "rooms", unit: "rooms")
        try require((1...min(rooms, 1_000)).contains(roomsPerClient), "rooms_per_client",
                    "must be between 1 and rooms (\(rooms)) and at most 1,000, got \(roomsPerClient)",
                    "lower rooms_per_client or add rooms")
        try ConfigurationError.requireDuration(drain, in: .zero...ConfigurationError.longest, at: "drain")
        try ConfigurationError.requireDuration(rampUp, in: .zero...ConfigurationError.longest, at: "ramp_up")
        try ConfigurationError.requireCount(messageBytes, in: 1...(16 << 20), at: "message_bytes", unit: "bytes (at most 16 MiB)")
        try thinkTime.validate(at: "think_time")
        try habits.validate(at: "habits")
        try sizing?.validate(at: "sizing")
        try swarm.validate(at: "swarm")
        try system.validate()
        try notifications?.validate(at: "notifications")
        try ConfigurationError.requireShare(adminShare, at: "admin_share", example: "0.05")
        try ConfigurationError.requireShare(viewerShare, at: "viewer_share", example: "0.3")
        try require(adminShare + viewerShare <= 1, "viewer_share", "and admin_share add up to more than 1",
                    "lower one of them")
        try load.validate(at: "load")
        try sessionLength?.validate(at: "session_length")
        if let rate = sessionsPerSecond {
            try require(rate > 0 && rate <= 1_000_000, "sessions_per_second",
                        "must be above 0 and at most 1,000,000, got \(rate)",
                        "give sessions per second, such as 50")
        }
        for (index, profile) in profiles.enumerated() { try profile.validate(at: "profiles[\(index)]") }
        try agents?.validate(at: "agents")
        if let agents { try require(clients > agents.agents(of: clients), "agents.share", "leaves no customers", "lower the share") }
        for (index, fault) in faults.enumerated() {
            try fault.validate(at: "faults[\(index)]", nodes: system.gateway.nodes)
        }
        try require(thinkTime.mean > 0, "think_time", "has a mean of zero, so clients would post without pause",
                    "give a distribution with a positive mean")
        for (index, text) in thresholds.enumerated() {
            do throws(ConfigurationError) {
                _ = try Threshold.parse(text, catalog: metricCatalog)
            } catch {
                throw ConfigurationError(location: "thresholds[\(index)]", problem: error.problem, remedy: error.remedy)
            }
        }
    }

    /// The scenario with its system sized from `clients` by ``sizing``; itself without sizing.
    public func sized() -> ChatScenario {
        guard let sizing, clients > 0 else { return self }
        func share(_ per: Int) -> Int { Swift.max(1, clients / Swift.max(1, per)) }
        var sized = self
        sized.rooms = Swift.max(roomsPerClient, share(sizing.clientsPerRoom))
        sized.system.gateway.nodes = Swift.min(1_024, share(sizing.clientsPerNode))
        sized.system.store.poolSize = Swift.max(10, share(sizing.clientsPerStoreConnection))
        sized.system.capacity.connect.servers = Swift.max(4, share(sizing.clientsPerConnectServer) / sized.system.gateway.nodes)
        if sizing.notificationsPerClientMinute > 0 {
            sized.notifications?.perMinute = Double(clients) * sizing.notificationsPerClientMinute
        }
        return sized
    }

    /// The most clients, and rooms, a scenario may have: ten million.
    public static let mostClients = 10_000_000

    public var metricCatalog: MetricCatalog { system.metricCatalog(profiles: profiles.map(\.name)) }

    public var faultWindows: [FaultWindow] { faults.map(\.window) }

    public var steadyState: Range<SimulationInstant> {
        let end = SimulationInstant.start.advanced(by: duration)
        let rampEnd = SimulationInstant.start.advanced(by: rampUp < duration ? rampUp : .zero)
        return rampEnd..<end
    }

    public func run(in engine: Engine, telemetry: Telemetry) async {
        let agentCount = agents.map { $0.agents(of: clients) } ?? 0
        let roomCount = agents == nil ? rooms : clients - agentCount
        let messaging = await MessagingSystem<Client>(engine: engine, telemetry: telemetry, configuration: system,
                                                      rooms: roomCount)
        let context = ClientContext(system: messaging, habits: habits, profiles: profiles)
        var membership = engine.random("scenario.membership")
        var arrivals = engine.random("scenario.arrivals")
        var roles = engine.random("scenario.roles")
        var sessions = engine.random("scenario.sessions")
        let start = engine.now
        let end = start.advanced(by: duration)
        let (thinkTime, messageBytes, closedLoad) = (thinkTime, messageBytes, load == .closed)
        let rampNanoseconds = Double(Swift.min(rampUp, duration).wholeNanoseconds)
        var profileDraws = engine.random("scenario.profiles")
        let totalWeight = profiles.reduce(0) { $0 + $1.weight }
        let actors = (0..<clients).map { id -> Client in
            guard !profiles.isEmpty else { return Client(id: id, context: context) }
            // A profile drawn by weight.
            var draw = profileDraws.nextUnitInterval() * totalWeight
            let chosen = profiles.indices.first { index in
                draw -= profiles[index].weight
                return draw < 0
            } ?? profiles.count - 1
            return Client(id: id, context: context, profile: chosen)
        }
        // Agents are at their desks from the start; customers arrive over the ramp-up.
        for agent in actors.prefix(agentCount) {
            await agent.connect()
            if closedLoad { await agent.startConversation(until: end, thinkTime: thinkTime, messageBytes: messageBytes) }
        }
        var poissonArrival = start
        let arrivalTimes = (agentCount..<clients).map { _ -> SimulationInstant in
            guard let rate = sessionsPerSecond else {
                return start.advanced(by: .nanoseconds(Int64(arrivals.nextUnitInterval() * rampNanoseconds)))
            }
            let gap = Distribution.exponential(mean: 1 / rate).sampleNanoseconds(using: &arrivals)
            poissonArrival = poissonArrival.advanced(by: .nanoseconds(gap))
            return poissonArrival
        }
        let desk = agents.map { AgentDesk(engine: engine, telemetry: telemetry, agents: agentCount, capacity: $0.capacity) }
        var priorities = engine.random("scenario.priority")
        for (index, client) in actors.dropFirst(agentCount).enumerated() {
            // With a desk, each customer's room is its own, numbered by the customer.
            let chosen = desk == nil ? Self.choose(roomsPerClient, of: rooms, using: &membership) : [index]
            let priority = (agents?.priorityShare ?? 0) > 0 && priorities.nextUnitInterval() < agents!.priorityShare
            let draw = adminShare + viewerShare > 0 ? roles.nextUnitInterval() : 1
            let role: RoomRole = draw < adminShare ? .admin : draw < adminShare + viewerShare ? .viewer : .member
            let arrival = arrivalTimes[index]
            let leaving = sessionLength.map { arrival.advanced(by: .nanoseconds($0.sampleNanoseconds(using: &sessions))) }
            guard arrival < end else { continue }  // its session would start after the run
            engine.spawn {
                try? await engine.clock.sleep(until: arrival)
                guard await client.connect() else { return }
                // A customer waits at the desk for an agent, who joins its room as admin.
                let agent = await desk?.assign(priority: priority)
                for room in chosen {
                    if let agent { await actors[agent].join(room, as: .admin) }
                    await client.join(room, as: role)
                }
                if let leaving {
                    engine.send(to: client, at: leaving) { $0.endSession() }
                    if let desk, let agent, let room = chosen.first {
                        // The conversation is over: the agent leaves it and takes the next customer.
                        engine.send(to: actors[agent], at: leaving) { $0.leave(room) }
                        engine.send(to: desk, at: leaving) { $0.release(agent: agent) }
                    }
                }
                // From here on timers drive the client; the task ends.
                await client.startCursor(until: end)
                await client.startEditing(until: end)
                await client.startAdministering(until: end)
                if closedLoad { await client.startConversation(until: end, thinkTime: thinkTime, messageBytes: messageBytes) }
            }
        }
        if case .open(let stages) = load {
            let generator = OpenLoadGenerator(engine: engine, stages: stages, clients: actors, messageBytes: messageBytes,
                                              from: start, until: end)
            engine.send(to: generator) { $0.begin() }
        }
        for fault in faults {
            engine.spawn { await fault.inflict(on: messaging, from: start, in: engine) }
        }
        if let notifications {
            let service = messaging.notifications
            // Domain events begin once the clients have arrived.
            let begin = start.advanced(by: Swift.min(rampUp, duration))
            engine.spawn {
                try? await engine.clock.sleep(until: begin)
                await notifications.drive(service, clients: clients, until: end, in: engine)
            }
        }
        try? await engine.clock.sleep(until: end.advanced(by: drain))
        await messaging.reportStations()
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
