public import SimSupport

/// How the bus between nodes treats messages it cannot hand over.
public enum BusKind: String, Codable, ConfigurationChoice, CaseIterable, Sendable {
    /// Fire and forget: what is published while the bus is down or a node is cut off is lost
    /// for the other nodes (Redis pub/sub, the Socket.IO Redis adapter).
    case pubSub = "pub_sub"
    /// A log with offsets: every node receives every message, in order, once it can be reached
    /// again (Redis streams, Kafka).
    case stream
}
