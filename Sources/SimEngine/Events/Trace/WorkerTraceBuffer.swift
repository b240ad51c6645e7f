/// The trace events one live-mode worker recorded since it last handed them to the merge.
///
/// A class of its own per worker, so that workers appending to their buffers write to
/// different objects.
final class WorkerTraceBuffer: @unchecked Sendable {
    // @unchecked: only its worker's thread touches `entries`, or the engine's thread after the
    // workers have stopped (see ``WorkerBuffered``).
    var entries: [TraceMerge.Entry] = []

    init() {
        entries.reserveCapacity(1_024)
    }
}
