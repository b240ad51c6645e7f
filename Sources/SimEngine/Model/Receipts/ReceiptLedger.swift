public import SimEvents

/// Delivered and read receipts as "up to sequence" markers per (user, room), batched.
///
/// Markers only move forward, and read implies delivered: reading up to n also marks delivery
/// up to n. Updates wait in a batch that keeps only each marker's latest position, and
/// ``flush()`` hands them out in a fixed order. A value type with no clock or I/O.
///
/// ```swift
/// var ledger = ReceiptLedger()
/// ledger.record(.read, user: 7, room: 3, upTo: 42)
/// for receipt in ledger.flush() { room.notifySenders(of: receipt) }
/// ```
public struct ReceiptLedger: Sendable {
    /// A marker that moved: `user` has had everything in `room` after `from` up to `upTo`
    /// delivered (or read).
    public struct Receipt: Equatable, Sendable {
        public var kind: ReceiptKind
        public var user: Int
        public var room: Int
        /// The marker before this batch.
        public var from: Int
        public var upTo: Int

        public init(kind: ReceiptKind, user: Int, room: Int, from: Int, upTo: Int) {
            self.kind = kind
            self.user = user
            self.room = room
            self.from = from
            self.upTo = upTo
        }
    }

    /// A user's markers in one room.
    public struct Marker: Equatable, Sendable {
        public var delivered = 0
        public var read = 0

        public init(delivered: Int = 0, read: Int = 0) {
            self.delivered = delivered
            self.read = read
        }
    }

    private struct Key: Hashable, Comparable, Sendable {
        var room: Int
        var user: Int
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.room, lhs.user) < (rhs.room, rhs.user) }
    }

    private var markers: [Key: Marker] = [:]
    private var flushed: [Key: Marker] = [:]
    private var changed: Set<Key> = []

    public init() {}

    /// The markers of `user` in `room`.
    public func marker(user: Int, room: Int) -> Marker { markers[Key(room: room, user: user)] ?? Marker() }

    /// Records that `user` has received (or read) `room` up to `upTo`; returns whether a marker
    /// moved. A marker never moves back.
    @discardableResult
    public mutating func record(_ kind: ReceiptKind, user: Int, room: Int, upTo: Int) -> Bool {
        let key = Key(room: room, user: user)
        var marker = markers[key] ?? Marker()
        let before = marker
        switch kind {
        case .delivered:
            marker.delivered = Swift.max(marker.delivered, upTo)
        case .read:
            marker.read = Swift.max(marker.read, upTo)
            marker.delivered = Swift.max(marker.delivered, marker.read)
        }
        guard marker != before else { return false }
        markers[key] = marker
        changed.insert(key)
        return true
    }

    /// Receipts that moved since the last flush, delivered before read, ordered by room then user.
    public mutating func flush() -> [Receipt] {
        var receipts: [Receipt] = []
        for key in changed.sorted() {
            let now = markers[key]!
            let then = flushed[key] ?? Marker()
            if now.delivered > then.delivered {
                receipts.append(Receipt(kind: .delivered, user: key.user, room: key.room, from: then.delivered, upTo: now.delivered))
            }
            if now.read > then.read {
                receipts.append(Receipt(kind: .read, user: key.user, room: key.room, from: then.read, upTo: now.read))
            }
            flushed[key] = now
        }
        changed.removeAll(keepingCapacity: true)
        return receipts
    }
}
