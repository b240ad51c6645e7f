import SimSupport

/// The bus between nodes. Its hops take `network.node_link`'s latency.
public struct BusConfiguration: Equatable, Sendable {
    /// Pub/sub or stream. Default pub/sub (the Socket.IO Redis adapter's behaviour).
    public var kind = BusKind.pubSub

    public init() {}
}

extension BusConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        kind = try container.decode(.kind, default: kind)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
    }
}
