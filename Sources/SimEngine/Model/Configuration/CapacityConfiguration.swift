public import SimSupport

/// The cost and capacity of each pipeline operation on a gateway node. Persisting is the
/// store's (``StoreConfiguration``) and provider calls are the notification providers'
/// (``ProviderProfile``). Writing to a connection costs its share of the fan-out here, and then
/// takes the connection's socket for the frame's bytes at the reader's pace.
///
/// Each stage is a queueing station per node; its defaults describe one modest server.
public struct CapacityConfiguration: Equatable, Sendable {
    /// Authenticating a connection request (token check, session set-up). Default 4 servers,
    /// log-normal with a 2 ms median.
    public var connect = StationConfiguration(servers: 4, serviceTime: .lognormal(median: 0.002, sigma: 0.4))
    /// Parsing and authorising one client request (a post, a join, a receipt). Default 4
    /// servers, log-normal with a 0.1 ms median.
    public var parse = StationConfiguration(servers: 4, serviceTime: .lognormal(median: 0.0001, sigma: 0.4))
    /// Fanning a frame out to a room's local members, per recipient, including the write into
    /// each connection's queue. Default 1 server (the node's event loop), 3 µs per recipient.
    public var fanout = StationConfiguration(servers: 1, serviceTime: .constant(0.000003))

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        try connect.validate(at: "\(location).connect")
        try parse.validate(at: "\(location).parse")
        try fanout.validate(at: "\(location).fanout")
    }
}

extension CapacityConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case connect, parse, fanout
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        connect = try container.decode(.connect, default: connect)
        parse = try container.decode(.parse, default: parse)
        fanout = try container.decode(.fanout, default: fanout)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connect, forKey: .connect)
        try container.encode(parse, forKey: .parse)
        try container.encode(fanout, forKey: .fanout)
    }
}
