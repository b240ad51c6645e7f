public import SimRuntime

/// Merges the events that live mode's workers record into buffers of their own into one stream
/// in time order, releasing each as soon as nothing earlier can still come.
///
/// Sources are numbered from 0: source 0 is any thread that is not a worker (it never holds
/// anything back), source `w + 1` is worker `w`. A source hands over its events in the order it
/// recorded them, with a watermark: the time before which it will record nothing more (the
/// clock's reading as it hands them over), or none while it is idle. An event is released once
/// every other source either has an event waiting that is no earlier or a watermark past it.
///
/// A worker reads the clock when it records, so an event that led to another on another worker
/// (a message handed over) always has the earlier time: the merged order keeps cause before
/// effect as well as time, which one lock per event used to give and which a trace file's
/// readers require.
///
/// ```swift
/// var merge = TraceMerge(workers: 2)
/// var batch = [TraceMerge.Entry(event: event, time: at)], none: [TraceMerge.Entry] = []
/// merge.hand(&batch, from: 1, watermark: now)   // worker 0's batch, waits for worker 1
/// merge.hand(&none, from: 2, watermark: nil)    // worker 1 is idle: the batch is released
/// merge.release { entry in print(entry.time, entry.event) }
/// ```
///
/// A pure state machine: it reads no clock and takes no lock; its owner does both.
public struct TraceMerge: Sendable {
    /// One recorded event and its time.
    public struct Entry: Sendable {
        public var event: TraceEvent
        public var time: SimulationInstant

        public init(event: TraceEvent, time: SimulationInstant) {
            self.event = event
            self.time = time
        }
    }

    /// Each source's events not yet released, from `heads[source]` on.
    private var pending: [[Entry]]
    private var heads: [Int]
    /// Each source's promise, in nanoseconds: it records nothing earlier; `Int64.max` while idle.
    private var watermarks: [Int64]

    /// Creates a merge of `workers` workers' events and other threads'. Workers begin busy at
    /// the start of the run.
    public init(workers: Int) {
        pending = Array(repeating: [], count: workers + 1)
        heads = Array(repeating: 0, count: workers + 1)
        watermarks = [.max] + Array(repeating: 0, count: workers)
    }

    /// Events handed over and not yet released.
    public var waiting: Int {
        zip(pending, heads).reduce(0) { $0 + $1.0.count - $1.1 }
    }

    /// Takes `events` (emptied, their storage kept for the caller's next batch) from `source`,
    /// which records nothing earlier than `watermark` from now on, or nothing at all until its
    /// next hand-over when `watermark` is nil.
    ///
    /// Events out of time order within the batch are put in order (stably).
    public mutating func hand(_ events: inout [Entry], from source: Int, watermark: SimulationInstant?) {
        precondition(pending.indices.contains(source), "no source \(source) in a merge of \(pending.count - 1) workers")
        if source != 0 { watermarks[source] = watermark?.nanoseconds ?? .max }
        guard !events.isEmpty else { return }
        if !Self.isInOrder(events) { events.sort { $0.time < $1.time } }
        if heads[source] == pending[source].count {
            // Nothing of this source waits: take the batch's storage and give back the old one.
            pending[source].removeAll(keepingCapacity: true)
            heads[source] = 0
            swap(&pending[source], &events)
        } else {
            pending[source].append(contentsOf: events)
            events.removeAll(keepingCapacity: true)
        }
    }

    /// Calls `body` with every event that no source can still precede, in time order (events
    /// of different sources at the same nanosecond in an order the merge picks).
    public mutating func release(_ body: (borrowing Entry) -> Void) {
        while true {
            // The earliest waiting event's source, the earliest time any other source has
            // waiting, and the bound that the watermarks of sources with nothing waiting set.
            var best = -1
            var bestTime = Int64.max
            var runnerUp = Int64.max
            var bound = Int64.max
            for source in pending.indices {
                if heads[source] < pending[source].count {
                    let time = pending[source][heads[source]].time.nanoseconds
                    if time < bestTime {
                        runnerUp = bestTime
                        best = source
                        bestTime = time
                    } else if time < runnerUp {
                        runnerUp = time
                    }
                } else {
                    bound = Swift.min(bound, watermarks[source])
                }
            }
            guard best >= 0, bestTime <= bound else { return }
            // Release the source's run up to the other sources' earliest event and the bound.
            let limit = Swift.min(bound, runnerUp)
            let count = pending[best].count
            var head = heads[best]
            repeat {
                body(pending[best][head])
                head += 1
            } while head < count && pending[best][head].time.nanoseconds <= limit
            if head == count {
                pending[best].removeAll(keepingCapacity: true)
                heads[best] = 0
            } else {
                heads[best] = head
            }
        }
    }

    private static func isInOrder(_ events: [Entry]) -> Bool {
        var previous = Int64.min
        for entry in events {
            guard entry.time.nanoseconds >= previous else { return false }
            previous = entry.time.nanoseconds
        }
        return true
    }
}
