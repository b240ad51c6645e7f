/// The mailboxes of every actor in a simulation, as linked lists in one shared arena.
///
/// Each actor stores only the indices of its first and last node, so an idle actor costs a few
/// bytes and a busy one borrows nodes that return to a free list: in a steady state, mailbox
/// traffic allocates nothing. Operations are O(1). Confined to the simulation thread.
struct MailboxArena {
    private struct Node {
        var item: MailboxItem?
        var next: Int32
    }

    private var nodes: [Node] = []
    private var freeHead: Int32 = -1

    init() {
        nodes.reserveCapacity(1024)
    }

    /// Appends `item` to the mailbox whose ends are `head` and `tail` (-1 when empty).
    @inline(__always)
    mutating func append(_ item: consuming MailboxItem, head: inout Int32, tail: inout Int32) {
        link(store(item), head: &head, tail: &tail)
    }

    /// Puts `item` in a node of its own, not yet in any mailbox; returns the node. Apart from
    /// ``link(_:head:tail:)`` so that the item moves in without its owner's mailbox at hand.
    @inline(__always)
    mutating func store(_ item: consuming MailboxItem) -> Int32 {
        if freeHead >= 0 {
            let index = freeHead
            freeHead = nodes[Int(index)].next
            nodes[Int(index)] = Node(item: item, next: -1)
            return index
        }
        precondition(nodes.count < Int(Int32.max), "more pending mailbox items than the arena can index")
        nodes.append(Node(item: item, next: -1))
        return Int32(nodes.count - 1)
    }

    /// Appends stored node `index` to the mailbox whose ends are `head` and `tail`.
    @inline(__always)
    mutating func link(_ index: Int32, head: inout Int32, tail: inout Int32) {
        if tail >= 0 { nodes[Int(tail)].next = index } else { head = index }
        tail = index
    }

    /// Removes and returns the first item of the mailbox whose ends are `head` and `tail`.
    @inline(__always)
    mutating func removeFirst(head: inout Int32, tail: inout Int32) -> MailboxItem {
        let index = Int(head)
        let item = nodes[index].item.take()!
        head = nodes[index].next
        if head < 0 { tail = -1 }
        nodes[index].next = freeHead
        freeHead = Int32(index)
        return item
    }
}
