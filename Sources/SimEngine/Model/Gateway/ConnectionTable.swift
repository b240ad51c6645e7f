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
    fileprivate struct Entry {
        var generation = 0
        var serial = 0
        var value: Value?
    }

    /// The most connections a node holds at once.
    static var slotLimit: Int { 1 << 24 }

    /// The node whose ids the table holds.
    let node: Int
    private var entries: [Entry] = []
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
    var capacity: Int { entries.count }

    /// The serial the next connection opened gets.
    var nextSerial: Int { node << 32 | opened }

    /// The slot of connection `id`, if the table holds it.
    func index(forKey id: Int) -> Int? {
        let slot = id & 0xFF_FFFF
        guard id >> 48 == node, slot < entries.count, entries[slot].value != nil,
              entries[slot].generation == (id >> 24) & 0xFF_FFFF else { return nil }
        return slot
    }

    /// The connection in `slot` (from ``index(forKey:)``), read and changed in place.
    subscript(slot slot: Int) -> Value {
        get { entries[slot].value! }
        _modify { yield &entries[slot].value! }
    }

    /// The connection `id`, or nil; setting nil removes it, setting a value replaces it.
    subscript(id: Int) -> Value? {
        get { index(forKey: id).map { entries[$0].value! } }
        set {
            guard let slot = index(forKey: id) else { return }
            guard let newValue else { _ = removeValue(forKey: id); return }
            entries[slot].value = newValue
        }
    }

    /// Opens a connection holding `value`, in a free slot if there is one; returns its id.
    mutating func insert(_ value: Value) -> Int {
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
        } else {
            precondition(entries.count < Self.slotLimit, "node \(node) holds \(Self.slotLimit) connections already")
            slot = entries.count
            entries.append(Entry())
        }
        entries[slot].value = value
        entries[slot].serial = nextSerial
        opened += 1
        count += 1
        return node << 48 | entries[slot].generation << 24 | slot
    }

    /// Closes connection `id`; returns what it held. Its slot waits for the next connection.
    mutating func removeValue(forKey id: Int) -> Value? {
        guard let slot = index(forKey: id) else { return nil }
        defer {
            entries[slot].value = nil
            entries[slot].generation = (entries[slot].generation + 1) & 0xFF_FFFF
            free.append(slot)
            count -= 1
        }
        return entries[slot].value
    }

    /// The ids held, in the order their connections opened.
    var keys: [Int] {
        entries.indices.filter { entries[$0].value != nil }
            .sorted { entries[$0].serial < entries[$1].serial }
            .map { node << 48 | entries[$0].generation << 24 | $0 }
    }
}

extension ConnectionTable: Sendable where Value: Sendable {}

extension ConnectionTable.Entry: Sendable where Value: Sendable {}
