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
    mutating func append(_ item: MailboxItem, head: inout Int32, tail: inout Int32) {
        let index: Int32
        if freeHead >= 0 {
            index = freeHead
            freeHead = nodes[Int(index)].next
            nodes[Int(index)] = Node(item: item, next: -1)
        } else {
            precondition(nodes.count < Int(Int32.max), "more pending mailbox items than the arena can index")
            index = Int32(nodes.count)
            nodes.append(Node(item: item, next: -1))
        }
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
