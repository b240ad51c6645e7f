public import SimSupport

/// What a gateway does when a connection's outbound queue is full.
public enum SlowConsumerPolicy: String, Codable, ConfigurationChoice, CaseIterable, Sendable {
    /// Drop the new frame; the client sees a gap and must fetch history.
    case drop
    /// Close the connection; the client reconnects and recovers.
    case disconnect
}
