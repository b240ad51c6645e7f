/// Releases work that finishes out of order in the order it started: a connection's requests
/// parsed by several servers at once, a room's messages written to the store concurrently.
/// A value type with no clock.
///
/// ```swift
/// var order = OrderedCompletion<Post>()
/// let ticket = order.start()
/// // ... later, possibly before earlier tickets finish:
/// for post in order.finish(ticket, post) { commit(post) }
/// ```
public struct OrderedCompletion<Item> {
    private var issued: UInt64 = 0
    private var released: UInt64 = 0
    private var finished: [UInt64: Item] = [:]

    public init() {}

    /// A ticket for work starting now.
    public mutating func start() -> UInt64 {
        defer { issued += 1 }
        return issued
    }

    /// Work `ticket` finished with `item`; returns the items now due, in start order: this one
    /// and any finished after it that waited for it, or none while earlier work is unfinished.
    public mutating func finish(_ ticket: UInt64, _ item: Item) -> [Item] {
        finished[ticket] = item
        var due: [Item] = []
        while let next = finished.removeValue(forKey: released) {
            due.append(next)
            released += 1
        }
        return due
    }

    /// Work started and not yet released.
    public var inFlight: Int { Int(issued - released) }
}

extension OrderedCompletion: Sendable where Item: Sendable {}
