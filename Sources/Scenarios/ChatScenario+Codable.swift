import SimSupport
import SimRuntime
import SimModel

/// A chat scenario as a file: `simrun explain` writes it, `simrun run FILE` reads it back.
/// Keys left out take the defaults of the memberwise initialiser; `name`, `clients`, `duration`,
/// `rooms` and `think_time` are required.
extension ChatScenario: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, name, summary, clients, duration, rooms, roomsPerClient = "rooms_per_client"
        case thinkTime = "think_time", messageBytes = "message_bytes", drain, rampUp = "ramp_up", habits, notifications
        case adminShare = "admin_share", viewerShare = "viewer_share", faults, profiles, load, sessionLength = "session_length", sessionsPerSecond = "sessions_per_second", agents
        case thresholds, system, sizing, swarm
    }

    /// The `kind` a chat scenario file names.
    public static let kind = "chat"

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(.kind, default: Self.kind)
        guard kind == Self.kind else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown scenario kind '\(kind)'; accepted: \(Self.kind)")
        }
        self.init(name: try container.decode(String.self, forKey: .name),
                  summary: try container.decode(.summary, default: ""),
                  clients: try container.decode(Int.self, forKey: .clients),
                  duration: try container.decodeDuration(.duration, default: .zero),
                  rooms: try container.decode(Int.self, forKey: .rooms),
                  roomsPerClient: try container.decode(.roomsPerClient, default: 1),
                  thinkTime: try container.decode(Distribution.self, forKey: .thinkTime))
        system = try container.decode(.system, default: system)
        habits = try container.decode(.habits, default: habits)
        notifications = try container.decodeIfPresent(NotificationLoad.self, forKey: .notifications)
        adminShare = try container.decode(.adminShare, default: adminShare)
        viewerShare = try container.decode(.viewerShare, default: viewerShare)
        faults = try container.decode(.faults, default: faults)
        agents = try container.decodeIfPresent(AgentRouting.self, forKey: .agents)
        load = try container.decode(.load, default: load)
        profiles = try container.decode(.profiles, default: profiles)
        sessionLength = try container.decodeIfPresent(Distribution.self, forKey: .sessionLength)
        sessionsPerSecond = try container.decodeIfPresent(Double.self, forKey: .sessionsPerSecond)
        messageBytes = try container.decode(.messageBytes, default: messageBytes)
        drain = try container.decodeDuration(.drain, default: drain)
        rampUp = try container.decodeDuration(.rampUp, default: rampUp)
        thresholds = try container.decode(.thresholds, default: thresholds)
        sizing = try container.decodeIfPresent(ScenarioSizing.self, forKey: .sizing)
        swarm = try container.decode(.swarm, default: swarm)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(summary, forKey: .summary)
        try container.encode(clients, forKey: .clients)
        try container.encodeDuration(duration, forKey: .duration)
        try container.encodeDuration(rampUp, forKey: .rampUp)
        try container.encodeDuration(drain, forKey: .drain)
        try container.encode(rooms, forKey: .rooms)
        try container.encode(roomsPerClient, forKey: .roomsPerClient)
        try container.encode(thinkTime, forKey: .thinkTime)
        try container.encode(messageBytes, forKey: .messageBytes)
        try container.encode(habits, forKey: .habits)
        try container.encodeIfPresent(notifications, forKey: .notifications)
        try container.encode(adminShare, forKey: .adminShare)
        try container.encode(viewerShare, forKey: .viewerShare)
        try container.encode(faults, forKey: .faults)
        try container.encode(profiles, forKey: .profiles)
        try container.encode(load, forKey: .load)
        try container.encodeIfPresent(sessionLength, forKey: .sessionLength)
        try container.encodeIfPresent(sessionsPerSecond, forKey: .sessionsPerSecond)
        try container.encodeIfPresent(agents, forKey: .agents)
        try container.encodeIfPresent(sizing, forKey: .sizing)
        try container.encode(thresholds, forKey: .thresholds)
        try container.encode(swarm, forKey: .swarm)
        try container.encode(system, forKey: .system)
    }
}

extension NotificationLoad: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case perMinute = "per_minute", kinds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(perMinute: try container.decode(Double.self, forKey: .perMinute),
                  kinds: try container.decode([NotificationKind].self, forKey: .kinds))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(perMinute, forKey: .perMinute)
        try container.encode(kinds, forKey: .kinds)
    }
}
