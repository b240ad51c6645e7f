/// Does something with a trace event's payload, as its own type, without a switch over every
/// kind of event: what the hash, the writer and the documentation are built on.
public protocol TraceEventVisitor {
    /// Visits the event's payload.
    mutating func visit<Payload: TraceEventPayload>(_ payload: Payload)
}
