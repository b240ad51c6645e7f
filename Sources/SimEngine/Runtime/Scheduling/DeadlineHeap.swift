/// A binary min-heap of elements ordered by (deadline, insertion sequence): the timer queue of
/// a discrete-event simulation.
///
/// Ties in deadline keep insertion order, so the heap's order never depends on anything but the
/// sequence of `insert` calls. The heap itself holds only plain (deadline, sequence, slot)
/// triples; elements wait in a slab whose slots are reused, so sifting never copies, retains or
/// releases an element, and a steady state allocates nothing.
///
/// ```swift
/// var heap = DeadlineHeap<String>()
/// heap.insert("b", at: 20)
/// heap.insert("a", at: 10)
/// heap.popFirst(dueBy: 15)   // "a"
/// ```
///
/// - Complexity: `insert` and `popFirst(dueBy:)` are O(log n).
public struct DeadlineHeap<Element> {
    @usableFromInline
    struct Entry {
        @usableFromInline var deadline: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var slot: Int

        @inlinable
        init(deadline: Int64, sequence: UInt64, slot: Int) {
            self.deadline = deadline
            self.sequence = sequence
            self.slot = slot
        }

        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence)
        }
    }

    @usableFromInline var entries: [Entry] = []
    @usableFromInline var slab: [Element?] = []
    @usableFromInline var freeSlots: [Int] = []
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty heap.
    @inlinable
    public init() {}

    /// The number of pending entries.
    @inlinable
    public var count: Int { entries.count }

    /// Whether no entry is pending.
    @inlinable
    public var isEmpty: Bool { entries.isEmpty }

    /// The earliest deadline, if any entry is pending.
    @inlinable
    public var earliestDeadline: Int64? { entries.first?.deadline }

    /// Adds `element` due at `deadline`.
    @inlinable
    public mutating func insert(_ element: Element, at deadline: Int64) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slab[slot] = element
        } else {
            slot = slab.count
            slab.append(element)
        }
        entries.append(Entry(deadline: deadline, sequence: nextSequence, slot: slot))
        nextSequence &+= 1
        siftUp(entries.count - 1)
    }

    /// Removes and returns the earliest element if its deadline is at or before `limit`.
    @inlinable
    public mutating func popFirst(dueBy limit: Int64) -> Element? {
        guard let first = entries.first, first.deadline <= limit else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        let element = slab[first.slot].take()
        freeSlots.append(first.slot)
        return element
    }

    @inlinable
    mutating func siftUp(_ start: Int) {
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

    @inlinable
    mutating func siftDown(_ start: Int) {
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
