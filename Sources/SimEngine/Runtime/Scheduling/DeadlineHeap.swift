/// A four-ary min-heap of elements ordered by (deadline, insertion sequence): the timer queue
/// of a discrete-event simulation.
///
/// Four children per node halve the depth of a binary heap, and the four sit side by side in
/// memory, so a pop compares them within a cache line or two instead of following twice as
/// many levels through a heap of millions of timers.
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

    /// Children per node.
    @usableFromInline static var arity: Int { 4 }

    @inlinable
    mutating func siftUp(_ start: Int) {
        entries.withUnsafeMutableBufferPointer { entries in
            var child = start
            let moving = entries[child]
            while child > 0 {
                let parent = (child - 1) / Self.arity
                guard moving.precedes(entries[parent]) else { break }
                entries[child] = entries[parent]
                child = parent
            }
            entries[child] = moving
        }
    }

    @inlinable
    mutating func siftDown(_ start: Int) {
        entries.withUnsafeMutableBufferPointer { entries in
            var parent = start
            let moving = entries[parent]
            let count = entries.count
            while true {
                let first = Self.arity * parent + 1
                guard first < count else { break }
                var earliest = first
                if first + 3 < count {
                    // All four children: the earlier of two pairs.
                    let left = entries[first + 1].precedes(entries[first]) ? first + 1 : first
                    let right = entries[first + 3].precedes(entries[first + 2]) ? first + 3 : first + 2
                    earliest = entries[right].precedes(entries[left]) ? right : left
                } else {
                    for child in (first + 1)..<count where entries[child].precedes(entries[earliest]) { earliest = child }
                }
                guard entries[earliest].precedes(moving) else { break }
                entries[parent] = entries[earliest]
                parent = earliest
            }
            entries[parent] = moving
        }
    }
}
