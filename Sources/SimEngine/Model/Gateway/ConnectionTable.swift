/// A gateway node's connections, by connection id: a dense array indexed by the id's low 32
/// bits, which the node hands out in sequence. Unlike a dictionary it keeps no spare buckets, so
/// a million connections cost what they hold. A value type.
struct ConnectionTable<Value> {
    /// The node whose ids (its number in the high 32 bits) the table holds.
    let node: Int
    private var slots: [Value?] = []
    /// Connections held now.
    private(set) var count = 0

    init(node: Int) {
        self.node = node
    }

    var isEmpty: Bool { count == 0 }

    /// The slot of connection `id`, if the table holds it.
    func index(forKey id: Int) -> Int? {
        guard id >> 32 == node else { return nil }
        let slot = id & 0xFFFF_FFFF
        return slot < slots.count && slots[slot] != nil ? slot : nil
    }

    /// The connection in `slot` (from ``index(forKey:)``), read and changed in place.
    subscript(slot slot: Int) -> Value {
        get { slots[slot]! }
        _modify { yield &slots[slot]! }
    }

    /// The connection `id`, or nil; setting nil removes it.
    subscript(id: Int) -> Value? {
        get { index(forKey: id).map { slots[$0]! } }
        set {
            precondition(id >> 32 == node, "connection \(id) is not node \(node)'s")
            let slot = id & 0xFFFF_FFFF
            while slots.count <= slot { slots.append(nil) }
            count += (newValue == nil ? 0 : 1) - (slots[slot] == nil ? 0 : 1)
            slots[slot] = newValue
        }
    }

    /// Removes connection `id`; returns what it held.
    mutating func removeValue(forKey id: Int) -> Value? {
        guard let slot = index(forKey: id) else { return nil }
        defer { slots[slot] = nil; count -= 1 }
        return slots[slot]
    }

    /// The ids held, ascending.
    var keys: [Int] { slots.indices.filter { slots[$0] != nil }.map { node << 32 | $0 } }
}

extension ConnectionTable: Sendable where Value: Sendable {}
