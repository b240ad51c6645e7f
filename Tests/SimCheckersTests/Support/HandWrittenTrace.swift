import SimCheckers
import SimEvents
import SimRuntime
import SimTesting

/// Hand-written traces judged by every checker.
enum HandWrittenTrace {
    /// The promises hand-written traces are judged by unless they say otherwise.
    static let promises = CheckParameters(
        guarantee: .atLeastOnce, dedupWindow: 120_000_000_000, rateLimit: 60, rateWindow: 60_000_000_000,
        typingExpiry: 5_000_000_000, presenceBound: 5_000_000_000, notificationAttempts: 3,
        notificationDeadline: 10_000_000_000, presenceRoomLimit: 100)

    /// The guarantees violated by `events` (at seconds), after the promises, judged at `end`
    /// (the last event's time when nil).
    static func violated(_ events: [(Double, any TraceEventPayload)], promises: CheckParameters = promises,
                         endingAt end: Double? = nil) -> [String] {
        findings(events, promises: promises, endingAt: end).filter { !$0.held }.map(\.name)
    }

    /// Every guarantee's finding over `events`, judged at `end`.
    static func findings(_ events: [(Double, any TraceEventPayload)], promises: CheckParameters = promises,
                         endingAt end: Double? = nil) -> [GuaranteeFinding] {
        var trace = TraceBuilder()
        trace.at(.start, promises)
        for (seconds, payload) in events { trace.at(seconds: seconds, payload) }
        var suite = GuaranteeSuite()
        trace.feed(&suite)
        let last = end.map { SimulationInstant(nanoseconds: Int64($0 * 1e9)) } ?? trace.events.last!.time
        return suite.findings(at: last)
    }
}
