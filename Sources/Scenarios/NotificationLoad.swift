public import SimSupport
import SimRuntime
public import SimModel

/// Domain events that create notifications during a run: each event notifies one client,
/// chosen at random, with a kind drawn from ``kinds``; events arrive as a Poisson process.
public struct NotificationLoad: Equatable, Sendable {
    /// Events per minute, over the whole run.
    public var perMinute: Double
    /// The kinds drawn from, uniformly.
    public var kinds: [NotificationKind]

    public init(perMinute: Double, kinds: [NotificationKind]) {
        self.perMinute = perMinute
        self.kinds = kinds
    }

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        guard perMinute > 0, perMinute <= 600_000_000 else {
            throw ConfigurationError(location: "\(location).per_minute",
                                     problem: "must be above 0 and at most 600,000,000 (10 million a second), got \(perMinute)",
                                     remedy: "give the events per minute, such as 300")
        }
        guard !kinds.isEmpty else {
            throw ConfigurationError(location: "\(location).kinds", problem: "is empty",
                                     remedy: "name at least one kind, such as order_update")
        }
    }

    /// Creates notifications for clients `0..<clients` until `end`.
    func drive(_ service: NotificationService, clients: Int, until end: SimulationInstant, in engine: Engine) async {
        var random = engine.random("scenario.notifications")
        let gap = Distribution.exponential(mean: 60 / perMinute)
        var next = engine.now
        while true {
            next = next.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
            guard next < end else { return }
            do { try await engine.clock.sleep(until: next) } catch { return }
            let user = Int(random.next(below: UInt64(clients)))
            let kind = kinds[Int(random.next(below: UInt64(kinds.count)))]
            await service.notify([user], kind: kind)
        }
    }
}
