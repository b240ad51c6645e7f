/// Where a model reports what happens, one event at a time, as it happens.
///
/// The runtime defines the shape and nothing more: what the events mean, who records them and
/// what is made of them belong to the layers above. A sink may be called from any thread in live
/// mode, so it serialises what it keeps; in simulation mode calls arrive in one deterministic
/// order on the scheduler's thread.
///
/// ```swift
/// final class Printer: EventSink {
///     func record(_ event: String, at time: SimulationInstant) { print(time, event) }
/// }
/// ```
public protocol EventSink<Event>: Sendable {
    /// What the sink receives.
    associatedtype Event: Sendable

    /// Takes `event`, which happened at `time`.
    func record(_ event: Event, at time: SimulationInstant)
}
