/// The clock every model component reads and sleeps on.
///
/// In simulation mode it reads virtual time and its sleeps are resumed by the scheduler when
/// virtual time reaches the deadline, so an hour of virtual sleep costs microseconds. In live
/// mode it reads the monotonic wall clock and a worker resumes the sleep when it is due.
///
/// ```swift
/// let clock = engine.clock
/// try await clock.sleep(for: .seconds(3600))   // instant in sim mode
/// print(clock.now)                              // t+3600.0 seconds
/// ```
///
/// Cancellation is observed when a sleep ends: a cancelled sleeper wakes at its deadline and
/// throws `CancellationError`.
public struct SimulationClock: Clock, Sendable {
    public typealias Instant = SimulationInstant

    let backend: EngineBackend

    public var now: SimulationInstant { SimulationInstant(nanoseconds: backend.now) }

    public var minimumResolution: Duration { .nanoseconds(1) }

    public func sleep(until deadline: SimulationInstant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            backend.schedule(.resume(continuation), at: deadline.nanoseconds)
        }
        try Task.checkCancellation()
    }
}
