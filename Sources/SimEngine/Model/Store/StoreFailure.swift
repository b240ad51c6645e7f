/// Why a store request failed.
public enum StoreFailure: String, Error, Equatable, Sendable {
    /// The request failed after it was served (the configured failure rate).
    case failed
    /// The store is down; the request failed at once.
    case unavailable
}
