/// What one request experienced at a station.
public struct StationVisit: Equatable, Sendable {
    /// Time spent queueing for a server.
    public var wait: Duration
    /// Time spent being served.
    public var service: Duration
    /// Wait plus service.
    public var sojourn: Duration { wait + service }

    public init(wait: Duration, service: Duration) {
        self.wait = wait
        self.service = service
    }
}
