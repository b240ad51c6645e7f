public import SimEvents
import SimSupport

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

    private struct Key: Hashable, Comparable, FlatKey, Sendable {
        var room: Int
        var user: Int
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.room, lhs.user) < (rhs.room, rhs.user) }
        var flatHash: UInt64 { FlatHash.combine(room, user) }
    }

    /// Each marker now, and as the last flush handed it out.
    private var markers = FlatTable<Key, (now: Marker, flushed: Marker)>()
    /// Markers that moved since the last flush, in the order they first moved.
    private var changed: [Key] = []

    public init() {}

    /// The markers of `user` in `room`.
    public func marker(user: Int, room: Int) -> Marker { markers[Key(room: room, user: user)]?.now ?? Marker() }

    /// Records that `user` has received (or read) `room` up to `upTo`; returns whether a marker
    /// moved. A marker never moves back.
    @discardableResult
    public mutating func record(_ kind: ReceiptKind, user: Int, room: Int, upTo: Int) -> Bool {
        let key = Key(room: room, user: user)
        let slot = markers.insertionIndex(forKey: key, default: (Marker(), Marker()))
        let before = markers[slot: slot].now
        var marker = before
        switch kind {
        case .delivered:
            marker.delivered = Swift.max(marker.delivered, upTo)
        case .read:
            marker.read = Swift.max(marker.read, upTo)
            marker.delivered = Swift.max(marker.delivered, marker.read)
        }
        guard marker != before else { return false }
        // A marker joins the batch when it first moves past what was flushed.
        if before == markers[slot: slot].flushed { changed.append(key) }
        markers[slot: slot].now = marker
        return true
    }

    /// Receipts that moved since the last flush, delivered before read, ordered by room then user.
    public mutating func flush() -> [Receipt] {
        var receipts: [Receipt] = []
        for key in changed.sorted() {
            guard let slot = markers.index(forKey: key) else { continue }
            let (now, then) = markers[slot: slot]
            if now.delivered > then.delivered {
                receipts.append(Receipt(kind: .delivered, user: key.user, room: key.room, from: then.delivered, upTo: now.delivered))
            }
            if now.read > then.read {
                receipts.append(Receipt(kind: .read, user: key.user, room: key.room, from: then.read, upTo: now.read))
            }
            markers[slot: slot].flushed = now
        }
        changed.removeAll(keepingCapacity: true)
        return receipts
    }
}
