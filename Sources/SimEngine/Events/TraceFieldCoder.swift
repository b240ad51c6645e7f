/// Visits the fields of a trace event, in their fixed order, to read or write them.
///
/// Each event lists its fields once, in ``TraceEventPayload/fields(_:)``; the hash, the trace
/// writer, the reader and the documentation are coders that visit that one list.
public protocol TraceFieldCoder {
    /// Visits the field `name`, whose value is `value` and whose `meaning` the documentation
    /// gives, and which traces carry from schema version `since`. A coder that reads sets
    /// `value` (leaving it as it is for an older trace that lacks it); the others only look at it.
    mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString, since: Int)
}

extension TraceFieldCoder {
    /// Visits a field every schema version carries.
    @inline(__always)
    public mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString) {
        field(name, &value, meaning, since: 1)
    }
}
