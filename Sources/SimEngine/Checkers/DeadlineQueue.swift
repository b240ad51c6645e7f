/// Deadlines to judge as a trace's time advances: each entry carries what must have happened by
/// its deadline, and comes due the first time the trace moves past it. Entries are ordered by
/// deadline, then by when they were added.
///
/// ```swift
/// var due = DeadlineQueue<TypistKey>()
/// due.add(key, by: deadline)
/// for key in due.popDue(before: now) { judge(key) }
/// ```
///
/// - Complexity: O(log n) to add and to take each entry due.
struct DeadlineQueue<Entry: Sendable>: Sendable {
    private var heap: [(deadline: Int64, order: UInt64, entry: Entry)] = []
    private var added: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }

    /// The earliest deadline, if any.
    var earliest: Int64? { heap.first?.deadline }

    /// Adds `entry`, due at `deadline` (nanoseconds).
    mutating func add(_ entry: Entry, by deadline: Int64) {
        heap.append((deadline, added, entry))
        added += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns, in order, every entry whose deadline is before `time`.
    mutating func popDue(before time: Int64) -> [Entry] {
        var due: [Entry] = []
        while let first = heap.first, first.deadline < time {
            due.append(first.entry)
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var parent = 0
            while true {
                let (left, right) = (2 * parent + 1, 2 * parent + 2)
                var smallest = parent
                if left < heap.count, Self.before(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, Self.before(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return due
    }

    /// Removes and returns every entry, in order.
    mutating func popAll() -> [Entry] {
        popDue(before: .max)
    }

    private static func before(_ a: (deadline: Int64, order: UInt64, entry: Entry),
                               _ b: (deadline: Int64, order: UInt64, entry: Entry)) -> Bool {
        (a.deadline, a.order) < (b.deadline, b.order)
    }
}
