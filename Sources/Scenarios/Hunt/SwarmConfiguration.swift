public import SimSupport

/// What `--swarm` may do to a scenario, per seed: which faults a seed may draw, how many and
/// how long, and how far the load and the system's latencies may be scaled. A `swarm:` block
/// in a scenario file; every scenario has one, these defaults unless it says otherwise.
///
/// ```yaml
/// swarm:
///   faults: [drop_connections, crash_node, drop_share, bus_down, store_down, partition_node]
///   most_faults: 3
///   longest_fault: 10s
///   clients: {min: 0.5, max: 1.0}
///   think_time: {min: 0.5, max: 2.0}
///   store_latency: {min: 1.0, max: 3.0}
///   network_latency: {min: 1.0, max: 2.0}
/// ```
///
/// Swarm testing finds what one fixed configuration hides: each seed runs a different mix of
/// faults and load, so bugs that need a particular combination show up in some seeds.
public struct SwarmConfiguration: Equatable, Sendable {
    /// Fault kinds a seed may draw: those of `faults:` in a scenario file.
    public var faults: [ScheduledFault.Kind]
    /// The most faults a seed draws (from none up to this many).
    public var mostFaults: Int
    /// The longest a drawn outage or partition lasts.
    public var longestFault: Duration
    /// Scales the number of clients.
    public var clients: ScaleRange
    /// Scales every client's think time: below 1 posts faster.
    public var thinkTime: ScaleRange
    /// Scales the store's read and write latencies.
    public var storeLatency: ScaleRange
    /// Scales the latency of the clients' links.
    public var networkLatency: ScaleRange

    public init(faults: [ScheduledFault.Kind] = ScheduledFault.Kind.allCases, mostFaults: Int = 3,
                longestFault: Duration = .seconds(10), clients: ScaleRange = ScaleRange(0.5, 1),
                thinkTime: ScaleRange = ScaleRange(0.5, 2), storeLatency: ScaleRange = ScaleRange(1, 3),
                networkLatency: ScaleRange = ScaleRange(1, 2)) {
        self.faults = faults
        self.mostFaults = mostFaults
        self.longestFault = longestFault
        self.clients = clients
        self.thinkTime = thinkTime
        self.storeLatency = storeLatency
        self.networkLatency = networkLatency
    }

    /// Checks the ranges.
    public func validate(at location: String) throws(ConfigurationError) {
        try ConfigurationError.requireCount(mostFaults, in: 0...100, at: "\(location).most_faults", unit: "faults")
        try ConfigurationError.requireDuration(longestFault, in: .milliseconds(100)...ConfigurationError.longest,
                                               at: "\(location).longest_fault")
        try clients.validate(at: "\(location).clients", within: 0.001...1)
        try thinkTime.validate(at: "\(location).think_time", within: 0.01...100)
        try storeLatency.validate(at: "\(location).store_latency", within: 0.01...100)
        try networkLatency.validate(at: "\(location).network_latency", within: 0.01...100)
    }
}

extension SwarmConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case faults, mostFaults = "most_faults", longestFault = "longest_fault", clients, thinkTime = "think_time"
        case storeLatency = "store_latency", networkLatency = "network_latency"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        faults = try container.decode(.faults, default: faults)
        mostFaults = try container.decode(.mostFaults, default: mostFaults)
        longestFault = try container.decodeDuration(.longestFault, default: longestFault)
        clients = try container.decode(.clients, default: clients)
        thinkTime = try container.decode(.thinkTime, default: thinkTime)
        storeLatency = try container.decode(.storeLatency, default: storeLatency)
        networkLatency = try container.decode(.networkLatency, default: networkLatency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(faults, forKey: .faults)
        try container.encode(mostFaults, forKey: .mostFaults)
        try container.encodeDuration(longestFault, forKey: .longestFault)
        try container.encode(clients, forKey: .clients)
        try container.encode(thinkTime, forKey: .thinkTime)
        try container.encode(storeLatency, forKey: .storeLatency)
        try container.encode(networkLatency, forKey: .networkLatency)
    }
}
