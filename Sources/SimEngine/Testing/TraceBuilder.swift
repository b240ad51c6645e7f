public import SimEvents
public import SimRuntime

/// Writes traces by hand, for tests of the checkers and the trace format: events at times in
/// order, fed to an observer or rendered as a trace file.
///
/// ```swift
/// var trace = TraceBuilder()
/// trace.at(seconds: 0, MemberJoined(user: 1, room: 0))
/// trace.at(seconds: 1, MessageAccepted(room: 0, sequence: 1, user: 2, clientMessage: 1))
/// var suite = GuaranteeSuite()
/// trace.feed(&suite)
/// ```
public struct TraceBuilder: Sendable {
    /// The events so far, in order.
    public private(set) var events: [(time: SimulationInstant, event: TraceEvent)] = []

    public init() {}

    /// Appends the event carrying `payload` at `time`.
    public mutating func at<Payload: TraceEventPayload>(_ time: SimulationInstant, _ payload: Payload) {
        events.append((time, payload.event))
    }

    /// Appends the event carrying `payload` at `seconds` into the run.
    public mutating func at<Payload: TraceEventPayload>(seconds: Double, _ payload: Payload) {
        at(SimulationInstant(nanoseconds: Int64((seconds * 1e9).rounded())), payload)
    }

    /// Feeds every event to `observer`, in order.
    public func feed<Observer: EventObserver<TraceEvent>>(_ observer: inout Observer) {
        for (time, event) in events { observer.observe(event, at: time) }
    }

    /// The trace as a file of schema version 2 would hold it: header, events, closing line.
    public var fileText: String {
        var hasher = TraceHasher()
        var lines = ["{\"\(TraceSchema.headerKey)\":\"simrun\",\"schema\":\(TraceSchema.currentVersion)}"]
        for (time, event) in events {
            hasher.combine(event, at: time)
            lines.append(TraceFileWriter.line(for: event, at: time))
        }
        lines.append("{\"\(TraceSchema.closingKey)\":\"simrun\",\"events\":\(events.count),\"hash\":\"\(hasher.hexDigest)\"}")
        return lines.joined(separator: "\n") + "\n"
    }
}
