public import SimRuntime

/// A user's notifications: the unread badge, marking read, pages and clicks. A value type with
/// no clock or I/O.
///
/// The badge is kept equal to the number of unread notifications by construction: every change
/// of a notification's read state adjusts it by exactly one, so it can never go negative.
///
/// - Complexity: adding, marking one read and clicking are O(1) (index by id); marking all
///   read is O(n) in the notifications at or before its cutoff; a page is O(page size).
public struct NotificationInbox: Sendable {
    /// One notification as the user sees it.
    public struct Entry: Equatable, Sendable {
        public var id: UInt64
        public var kind: NotificationKind
        public var createdAt: SimulationInstant
        public var readAt: SimulationInstant?
        public var clickedAt: SimulationInstant?
    }

    /// Notifications per page. Default 20 (the marketplace spec's page size).
    public let pageSize: Int
    /// Newest last.
    public private(set) var entries: [Entry] = []
    /// The unread badge.
    public private(set) var unread = 0
    private var indexByID: [UInt64: Int] = [:]

    public init(pageSize: Int = 20) {
        self.pageSize = pageSize
    }

    /// Adds a notification; a second add of the same id changes nothing (idempotent delivery).
    /// Returns whether it was new.
    @discardableResult
    public mutating func add(id: UInt64, kind: NotificationKind, at time: SimulationInstant) -> Bool {
        guard indexByID[id] == nil else { return false }
        indexByID[id] = entries.count
        entries.append(Entry(id: id, kind: kind, createdAt: time))
        unread += 1
        return true
    }

    /// Marks one notification read; returns whether it was unread.
    @discardableResult
    public mutating func markRead(id: UInt64, at time: SimulationInstant) -> Bool {
        guard let index = indexByID[id], entries[index].readAt == nil else { return false }
        entries[index].readAt = time
        unread -= 1
        return true
    }

    /// Marks several notifications read; returns how many were unread.
    @discardableResult
    public mutating func markRead(ids: some Sequence<UInt64>, at time: SimulationInstant) -> Int {
        ids.reduce(0) { count, id in count + (markRead(id: id, at: time) ? 1 : 0) }
    }

    /// Marks read every notification created at or before `cutoff`; later ones stay unread.
    /// Returns how many changed.
    @discardableResult
    public mutating func markAllRead(createdUpTo cutoff: SimulationInstant, at time: SimulationInstant) -> Int {
        var changed = 0
        for index in entries.indices where entries[index].createdAt <= cutoff && entries[index].readAt == nil {
            entries[index].readAt = time
            changed += 1
        }
        unread -= changed
        return changed
    }

    /// Records a click, which also marks the notification read; returns whether it exists.
    @discardableResult
    public mutating func click(id: UInt64, at time: SimulationInstant) -> Bool {
        guard let index = indexByID[id] else { return false }
        if entries[index].clickedAt == nil { entries[index].clickedAt = time }
        markRead(id: id, at: time)
        return true
    }

    /// Page `number` (from 0) of the notifications, newest first.
    public func page(_ number: Int) -> [Entry] {
        let end = Swift.max(0, entries.count - number * pageSize)
        let start = Swift.max(0, end - pageSize)
        return entries[start..<end].reversed()
    }
}
