public import SimRuntime
import SimSupport

/// A sink that keeps every event it is given, for tests that look at exactly what a model
/// emitted.
public final class EventLog<Event: Sendable>: EventSink, Sendable {
    private let entries = Guarded<[(time: SimulationInstant, event: Event)]>([])

    public init() {}

    public func record(_ event: Event, at time: SimulationInstant) {
        entries.withLock { $0.append((time, event)) }
    }

    /// The events so far, in the order they were recorded.
    public var events: [(time: SimulationInstant, event: Event)] { entries.withLock { $0 } }
}
