public import SimRuntime

extension TraceHasher {
    /// Mixes in `event` at `time`: the time, the event's tag, then each field's integer code in
    /// order (a field a later schema version added, only when present).
    @inline(__always)
    public mutating func combine(_ event: TraceEvent, at time: SimulationInstant) {
        combine(UInt64(bitPattern: time.nanoseconds))
        var hashing = Hashing(hasher: self)
        event.accept(&hashing)
        self = hashing.hasher
    }

    /// Folds a payload's tag and fields into the hasher.
    private struct Hashing: TraceEventVisitor, TraceFieldCoder {
        var hasher: TraceHasher

        mutating func visit<Payload: TraceEventPayload>(_ payload: Payload) {
            hasher.combine(Payload.tag)
            var fields = payload
            fields.fields(&self)
        }

        mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString,
                                         since: Int) {
            // A field added by a later schema version is left out while it is absent, so that a
            // trace of an earlier version keeps the hash its run printed.
            if since > 1, value == Value.placeholder { return }
            hasher.combine(UInt64(bitPattern: value.traceCode))
        }
    }
}
