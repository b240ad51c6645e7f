import DequeModule
import SimSupport
public import SimRuntime

/// The server side of effectively-once delivery: remembers the client message ids it accepted
/// within a time window and recognises retries of them.
///
/// A retry inside the window gets the original's sequence number back instead of a second copy;
/// after the window, the id is forgotten (Ably keeps 2 minutes, Centrifugo 5).
///
/// ```swift
/// var dedup = DedupWindow(window: .seconds(120))
/// if let original = dedup.lookup(clientMessage, at: now) { return .duplicate(of: original) }
/// dedup.remember(clientMessage, sequence: assigned, at: now)
/// ```
///
/// - Complexity: amortised O(1) per call; memory O(ids accepted within the window).
public struct DedupWindow: Sendable {
    /// How long an id is remembered.
    public let window: Duration
    private var sequenceByID: [UInt64: Int] = [:]
    private var expiries = Deque<(id: UInt64, expiresAt: Int64)>()

    public init(window: Duration) {
        self.window = window
    }

    /// The sequence number given to `id` if it was accepted within the window.
    public mutating func lookup(_ id: UInt64, at time: SimulationInstant) -> Int? {
        forget(before: time)
        return sequenceByID[id]
    }

    /// Remembers that `id` was accepted as `sequence` at `time`.
    public mutating func remember(_ id: UInt64, sequence: Int, at time: SimulationInstant) {
        forget(before: time)
        sequenceByID[id] = sequence
        expiries.append((id, time.nanoseconds + window.wholeNanoseconds))
    }

    /// Ids remembered now.
    public var count: Int { sequenceByID.count }

    private mutating func forget(before time: SimulationInstant) {
        while let first = expiries.first, first.expiresAt <= time.nanoseconds {
            expiries.removeFirst()
            sequenceByID[first.id] = nil
        }
    }
}
