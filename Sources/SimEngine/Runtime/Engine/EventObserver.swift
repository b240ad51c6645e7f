/// A consumer of a stream of events that keeps its own state: fed one event at a time, in the
/// order the events happened, by whoever owns it (a sink that serialises calls, or a loop over a
/// recorded file), so that the same observer judges a run live and a recording of it alike.
///
/// Observers are values without locks or I/O: what they conclude depends only on the events.
public protocol EventObserver<Event> {
    /// What the observer consumes.
    associatedtype Event

    /// Takes `event`, which happened at `time`, into account.
    mutating func observe(_ event: Event, at time: SimulationInstant)
}
