/// A binary min-heap of scheduled work ordered by (deadline, insertion sequence).
///
/// Ties in deadline keep insertion order, so the heap's own order never depends on anything
/// but the sequence of `insert` calls. Insertion and removal are O(log n).
struct TimerHeap {
    private struct Entry {
        var deadline: Int64
        var sequence: UInt64
        var work: ScheduledWork

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence)
        }
    }

    private var entries: [Entry] = []
    private var nextSequence: UInt64 = 0

    /// The number of pending entries.
    var count: Int { entries.count }

    /// Whether no entry is pending.
    var isEmpty: Bool { entries.isEmpty }

    /// The earliest deadline, if any entry is pending.
    var earliestDeadline: Int64? { entries.first?.deadline }

    /// Adds `work` due at `deadline` (nanoseconds).
    mutating func insert(_ work: ScheduledWork, at deadline: Int64) {
        entries.append(Entry(deadline: deadline, sequence: nextSequence, work: work))
        nextSequence &+= 1
        siftUp(entries.count - 1)
    }

    /// Removes and returns the earliest entry if its deadline is at or before `limit`.
    mutating func popFirst(dueBy limit: Int64) -> ScheduledWork? {
        guard let first = entries.first, first.deadline <= limit else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return first.work
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let moving = entries[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard moving.precedes(entries[parent]) else { break }
            entries[child] = entries[parent]
            child = parent
        }
        entries[child] = moving
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let moving = entries[parent]
        let count = entries.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            let smaller = right < count && entries[right].precedes(entries[left]) ? right : left
            guard entries[smaller].precedes(moving) else { break }
            entries[parent] = entries[smaller]
            parent = smaller
        }
        entries[parent] = moving
    }
}
