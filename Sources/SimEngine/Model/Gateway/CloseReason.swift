/// Why a gateway closed a connection.
public enum CloseReason: String, Equatable, Sendable {
    /// The client asked to disconnect.
    case clientRequest = "client_request"
    /// The outbound queue overflowed under the disconnect policy.
    case slowConsumer = "slow_consumer"
    /// Nothing was heard from the client within the heartbeat interval plus timeout.
    case heartbeatTimeout = "heartbeat_timeout"
    /// The node dropped every connection at once (a restart or a crash).
    case nodeRestart = "node_restart"
}
