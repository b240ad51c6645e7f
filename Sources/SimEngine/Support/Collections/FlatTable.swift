/// A hash table of values by key, laid out flat: open addressing with linear probing over one
/// byte of control per slot, keys and values in arrays of their own, values changed in place.
///
/// Made for the hot paths of a run (state kept per member, per room, per connection), where a
/// `Dictionary` costs a round of SipHash per lookup and its layout differs between processes:
///
/// - A lookup hashes with ``FlatKey/flatHash`` (a few multiplies) and compares one control byte
///   per probed slot, touching a key only when seven bits of its hash match.
/// - The layout, and so the iteration order, is a pure function of the inserts and removals:
///   the same in every process and on every platform.
/// - Removal shifts the entries that follow back into place, so no tombstones build up.
///
/// ```swift
/// var seen = FlatTable<Int, Int>()
/// seen[7, default: 0] += 1
/// if let slot = seen.index(forKey: 7) { seen[slot: slot] += 1 }   // changed in place, one lookup
/// seen[7]   // 2
/// ```
///
/// A value type with copy-on-write storage, like the standard library's collections. An empty
/// table allocates nothing: tables kept per room or per connection cost a word until used.
///
/// - Complexity: lookups, inserts and removals are O(1) on average; the table grows by doubling
///   once three quarters of its slots are taken.
public struct FlatTable<Key: FlatKey, Value> {
    /// The slots, allocated by the first insert.
    @usableFromInline var storage: FlatTableStorage<Key, Value>?

    /// Creates an empty table with room for `capacity` entries before it grows; it allocates
    /// nothing until its first insert when `capacity` is 0.
    @inlinable
    public init(minimumCapacity capacity: Int = 0) {
        storage = capacity > 0 ? FlatTableStorage(slots: FlatTableStorage<Key, Value>.slots(for: capacity)) : nil
    }

    /// The number of entries.
    @inlinable
    public var count: Int { storage?.count ?? 0 }

    /// Whether the table is empty.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The slot of `key`, if the table holds it. Valid until the next insert or removal.
    @inlinable
    public func index(forKey key: Key) -> Int? {
        storage?.find(key, hash: key.flatHash)
    }

    /// Whether the table holds `key`.
    @inlinable
    public func contains(_ key: Key) -> Bool { index(forKey: key) != nil }

    /// The value in `slot` (from ``index(forKey:)`` or ``insertionIndex(forKey:default:)``),
    /// read or changed in place.
    @inlinable
    public subscript(slot slot: Int) -> Value {
        _read {
            let storage = occupied(slot)
            yield storage.values[slot]
        }
        _modify {
            makeUnique()
            let storage = occupied(slot)
            yield &storage.values[slot]
        }
    }

    /// The key in `slot`.
    @inlinable
    public func key(atSlot slot: Int) -> Key {
        occupied(slot).keys[slot]
    }

    /// The storage, which must hold an entry in `slot`.
    @inlinable @inline(__always)
    func occupied(_ slot: Int) -> FlatTableStorage<Key, Value> {
        guard let storage, storage.isOccupied(slot) else { preconditionFailure("slot \(slot) of a flat table holds no entry") }
        return storage
    }

    /// The slot of `key`, inserting `defaultValue()` first if the table lacks it.
    @inlinable
    public mutating func insertionIndex(forKey key: Key, default defaultValue: @autoclosure () -> Value) -> Int {
        makeUnique()
        let hash = key.flatHash
        guard let current = storage else {
            let storage = FlatTableStorage<Key, Value>(slots: FlatTableStorage<Key, Value>.slots(for: 1))
            self.storage = storage
            return storage.insertNew(key, defaultValue(), hash: hash)
        }
        if let slot = current.find(key, hash: hash) { return slot }
        guard current.count + 1 > current.capacity / 4 * 3 else { return current.insertNew(key, defaultValue(), hash: hash) }
        let grown = current.copy(slots: current.capacity * 2)
        storage = grown
        return grown.insertNew(key, defaultValue(), hash: hash)
    }

    /// The value of `key`, or nil; setting nil removes the entry.
    @inlinable
    public subscript(key: Key) -> Value? {
        get { index(forKey: key).map { self[slot: $0] } }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            let slot = insertionIndex(forKey: key, default: newValue)
            self[slot: slot] = newValue
        }
    }

    /// The value of `key`, or `defaultValue` when absent; changing it inserts the key.
    @inlinable
    public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { index(forKey: key).map { self[slot: $0] } ?? defaultValue() }
        _modify {
            let slot = insertionIndex(forKey: key, default: defaultValue())
            yield &self[slot: slot]
        }
    }

    /// Removes `key`'s entry; returns its value.
    @inlinable
    @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard let slot = index(forKey: key) else { return nil }
        makeUnique()
        return occupied(slot).remove(at: slot)
    }

    /// Removes every entry, keeping the slots allocated.
    @inlinable
    public mutating func removeAll() {
        guard storage != nil else { return }
        if isKnownUniquelyReferenced(&storage) {
            storage!.removeAll()
        } else {
            storage = FlatTableStorage(slots: storage!.capacity)
        }
    }

    /// Copies the storage if another table shares it. (No reference to it may be held across
    /// the check, or it would never be unique.)
    @inlinable
    mutating func makeUnique() {
        if storage != nil, !isKnownUniquelyReferenced(&storage) { storage = storage!.copy(slots: storage!.capacity) }
    }
}

extension FlatTable: Sequence {
    /// Visits the entries in slot order: the same order for the same inserts and removals, in
    /// every process.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let storage: FlatTableStorage<Key, Value>?
        @usableFromInline var slot = 0

        @inlinable
        init(storage: FlatTableStorage<Key, Value>?) {
            self.storage = storage
        }

        @inlinable
        public mutating func next() -> (key: Key, value: Value)? {
            guard let storage else { return nil }
            while slot < storage.capacity {
                defer { slot += 1 }
                if storage.isOccupied(slot) { return (storage.keys[slot], storage.values[slot]) }
            }
            return nil
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(storage: storage) }

    @inlinable
    public var underestimatedCount: Int { count }
}

// @unchecked: the storage is shared only between copies of a table, and a copy changes it only
// after making it unique (copy on write), as the standard library's collections do.
extension FlatTable: @unchecked Sendable where Key: Sendable, Value: Sendable {}

/// The slots of a ``FlatTable``: control bytes, keys and values, allocated once per capacity.
///
/// A control byte is 0 for an empty slot, or 0x80 with seven bits of the key's hash. Entries
/// sit at or after their home slot (the hash's top bits), with no empty slot between.
@usableFromInline
final class FlatTableStorage<Key: FlatKey, Value> {
    @usableFromInline let capacity: Int
    @usableFromInline let shift: UInt64
    @usableFromInline let control: UnsafeMutablePointer<UInt8>
    @usableFromInline let keys: UnsafeMutablePointer<Key>
    @usableFromInline let values: UnsafeMutablePointer<Value>
    @usableFromInline var count = 0

    /// The power of two of slots that holds `capacity` entries below the load limit.
    @inlinable
    static func slots(for capacity: Int) -> Int {
        var slots = 8
        while slots / 4 * 3 < capacity { slots *= 2 }
        return slots
    }

    @inlinable
    init(slots: Int) {
        precondition(slots >= 8 && slots & (slots - 1) == 0, "a flat table has a power of two of slots")
        capacity = slots
        shift = UInt64(64 - slots.trailingZeroBitCount)
        control = .allocate(capacity: slots)
        control.initialize(repeating: 0, count: slots)
        keys = .allocate(capacity: slots)
        values = .allocate(capacity: slots)
    }

    deinit {
        for slot in 0..<capacity where control[slot] != 0 {
            (keys + slot).deinitialize(count: 1)
            (values + slot).deinitialize(count: 1)
        }
        control.deallocate()
        keys.deallocate()
        values.deallocate()
    }

    @inlinable @inline(__always)
    func isOccupied(_ slot: Int) -> Bool { slot >= 0 && slot < capacity && control[slot] != 0 }

    @inlinable @inline(__always)
    func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> shift) }

    @inlinable @inline(__always)
    static func tag(_ hash: UInt64) -> UInt8 { 0x80 | UInt8(truncatingIfNeeded: hash & 0x7F) }

    @inlinable
    func find(_ key: Key, hash: UInt64) -> Int? {
        let mask = capacity - 1
        let tag = Self.tag(hash)
        var slot = home(hash)
        while true {
            let byte = control[slot]
            if byte == 0 { return nil }
            if byte == tag && keys[slot] == key { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// Puts a key the table lacks in the first free slot from its home; below the load limit.
    @inlinable
    func insertNew(_ key: Key, _ value: Value, hash: UInt64) -> Int {
        let mask = capacity - 1
        var slot = home(hash)
        while control[slot] != 0 { slot = (slot + 1) & mask }
        control[slot] = Self.tag(hash)
        (keys + slot).initialize(to: key)
        (values + slot).initialize(to: value)
        count += 1
        return slot
    }

    /// Removes the entry in `slot` and shifts back the entries after it that it kept from
    /// their home slots.
    @inlinable
    func remove(at slot: Int) -> Value {
        let mask = capacity - 1
        (keys + slot).deinitialize(count: 1)
        let removed = (values + slot).move()
        control[slot] = 0
        count -= 1
        var hole = slot
        var next = (slot + 1) & mask
        while control[next] != 0 {
            let home = home(keys[next].flatHash)
            // The entry at `next` may move into the hole if its home is not after the hole
            // (cyclically, between the hole and `next`).
            let distanceToNext = (next - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole < distanceToNext {
                control[hole] = control[next]
                (keys + hole).moveInitialize(from: keys + next, count: 1)
                (values + hole).moveInitialize(from: values + next, count: 1)
                control[next] = 0
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    @inlinable
    func removeAll() {
        for slot in 0..<capacity where control[slot] != 0 {
            (keys + slot).deinitialize(count: 1)
            (values + slot).deinitialize(count: 1)
            control[slot] = 0
        }
        count = 0
    }

    /// A copy of the entries in `slots` slots, re-placed in slot order of this storage.
    @inlinable
    func copy(slots: Int) -> FlatTableStorage {
        let copy = FlatTableStorage(slots: slots)
        for slot in 0..<capacity where control[slot] != 0 {
            _ = copy.insertNew(keys[slot], values[slot], hash: keys[slot].flatHash)
        }
        return copy
    }
}
