import SimRuntime

/// What a trace recorder keeps of the events so far, apart from its observer: their count,
/// their hash, the last one's time, and the file they go to.
///
/// Not generic, so that the lock around it costs no metadata lookup in the recorder's generic
/// code.
struct TraceTally {
    var hasher = TraceHasher()
    var count: UInt64 = 0
    var lastTime = SimulationInstant.start
    var writer: TraceFileWriter?

    /// Counts, hashes and writes `event` at `time`.
    @inline(__always)
    mutating func record(_ event: TraceEvent, at time: SimulationInstant) {
        count &+= 1
        hasher.combine(event, at: time)
        lastTime = time
        writer?.write(event, at: time)
    }
}
