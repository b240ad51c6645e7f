/// A gateway node's connections, by connection id: a dense array of slots, where a closed
/// connection leaves its slot to the next one, so that a node's memory follows the connections
/// it holds, not how many it ever held.
///
/// A connection id carries its node, its slot and the slot's generation, which moves on each
/// time the slot is reused: an id of a closed connection never finds its successor.
///
/// ```text
/// id = node << 48 | generation << 24 | slot        (16, 24 and 24 bits)
/// ```
///
/// Each connection also has a serial, `node << 32 | n` for the node's n-th connection, which
/// names it for what must not depend on slots (its random streams). A value type.
struct ConnectionTable<Value> {
    /// A slot's bookkeeping, apart from the values so that finding a connection never touches
    /// (or copies) one: the lookup on every frame written reads only this plain array.
    fileprivate struct Slot: Sendable {
        var generation = 0
        var serial = 0
        var isOpen = false
    }

    /// The most connections a node holds at once.
    static var slotLimit: Int { 1 << 24 }

    /// The node whose ids the table holds.
    let node: Int
    private var slots: [Slot] = []
    /// The connection in each slot, nil where the slot is free.
    private var values: [Value?] = []
    private var free: [Int] = []
    /// Connections held now.
    private(set) var count = 0
    /// Connections ever opened.
    private var opened = 0

    init(node: Int) {
        precondition((0..<(1 << 15)).contains(node), "a node's number must fit in 15 bits, got \(node)")
        self.node = node
    }

    var isEmpty: Bool { count == 0 }

    /// Slots allocated: the most connections the table has held at once.
    var capacity: Int { slots.count }

    /// The serial the next connection opened gets.
    var nextSerial: Int { node << 32 | opened }

    /// The slot of connection `id`, if the table holds it.
    func index(forKey id: Int) -> Int? {
        let slot = id & 0xFF_FFFF
        guard id >> 48 == node, slot < slots.count, slots[slot].isOpen,
              slots[slot].generation == (id >> 24) & 0xFF_FFFF else { return nil }
        return slot
    }

    /// Whether the table holds connection `id`.
    func contains(_ id: Int) -> Bool { index(forKey: id) != nil }

    /// The connection in `slot` (from ``index(forKey:)``), read in place or changed in place:
    /// reading one field of it copies nothing else.
    subscript(slot slot: Int) -> Value {
        _read { yield values[slot]! }
        _modify { yield &values[slot]! }
    }

    /// The connection `id`, or nil; setting nil removes it, setting a value replaces it.
    subscript(id: Int) -> Value? {
        get { index(forKey: id).map { values[$0]! } }
        set {
            guard let slot = index(forKey: id) else { return }
            guard let newValue else { _ = removeValue(forKey: id); return }
            values[slot] = newValue
        }
    }

    /// Opens a connection holding `value`, in a free slot if there is one; returns its id.
    mutating func insert(_ value: Value) -> Int {
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
        } else {
            precondition(slots.count < Self.slotLimit, "node \(node) holds \(Self.slotLimit) connections already")
            slot = slots.count
            slots.append(Slot())
            values.append(nil)
        }
        values[slot] = value
        slots[slot].isOpen = true
        slots[slot].serial = nextSerial
        opened += 1
        count += 1
        return node << 48 | slots[slot].generation << 24 | slot
    }

    /// Closes connection `id`; returns what it held. Its slot waits for the next connection.
    mutating func removeValue(forKey id: Int) -> Value? {
        guard let slot = index(forKey: id) else { return nil }
        let value = values[slot].take()
        slots[slot].isOpen = false
        slots[slot].generation = (slots[slot].generation + 1) & 0xFF_FFFF
        free.append(slot)
        count -= 1
        return value
    }

    /// The ids held, in the order their connections opened.
    var keys: [Int] {
        slots.indices.filter { slots[$0].isOpen }
            .sorted { slots[$0].serial < slots[$1].serial }
            .map { node << 48 | slots[$0].generation << 24 | $0 }
    }
}

extension ConnectionTable: Sendable where Value: Sendable {}
