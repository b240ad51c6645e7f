public import SimSupport

/// What a scenario promises about each message, per DESIGN §5.
public enum DeliveryGuarantee: String, Codable, ConfigurationChoice, CaseIterable, Sendable {
    /// Sent once; lost if anything on the way fails (Socket.IO's and Redis pub/sub's default).
    case atMostOnce = "at_most_once"
    /// Clients retry until acknowledged; duplicates are possible.
    case atLeastOnce = "at_least_once"
    /// Retries plus server dedup by client message id within a window.
    case effectivelyOnce = "effectively_once"
}
