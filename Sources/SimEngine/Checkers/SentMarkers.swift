import SimSupport
import SimEvents

/// The receipt markers each recipient was told, per reader, room and kind: what the receipt
/// checker compares each new receipt against.
///
/// A table of every (recipient, reader, room, kind) grows with the pairs of members that
/// exchange receipts: the largest state a checked run keeps. Here each (reader, room, kind)
/// has one entry, holding its recipients and what each was told as two words in an array
/// sorted by recipient, so a pair costs 16 bytes instead of a hash-table entry of about 44, and
/// the table that doubles when it grows is the small one.
///
/// ```swift
/// var markers = SentMarkers()
/// markers.tell(recipient: 2, reader: 7, room: 3, kind: .read, upTo: 10)   // nil: the first
/// markers.tell(recipient: 2, reader: 7, room: 3, kind: .read, upTo: 12)   // 10
/// ```
///
/// - Complexity: O(log r) per receipt for r recipients of one reader's marker, O(r) the first
///   time a recipient is told it.
struct SentMarkers: Sendable {
    private struct Marker: FlatKey, Sendable {
        var room: Int
        var reader: Int
        var kind: ReceiptKind

        var flatHash: UInt64 { FlatHash.combine(room, reader, kind == .read ? 1 : 0) }
    }

    private struct Told: Sendable {
        var recipient: Int
        var upTo: Int
    }

    private var markers = FlatTable<Marker, [Told]>()

    /// Records that `recipient` was told `reader`'s `kind` marker in `room` is at `upTo`, and
    /// keeps the highest it was told; returns what it was told before, or nil the first time.
    mutating func tell(recipient: Int, reader: Int, room: Int, kind: ReceiptKind, upTo: Int) -> Int? {
        let slot = markers.insertionIndex(forKey: Marker(room: room, reader: reader, kind: kind), default: [])
        var low = 0
        var high = markers[slot: slot].count
        while low < high {
            let middle = (low + high) / 2
            if markers[slot: slot][middle].recipient < recipient { low = middle + 1 } else { high = middle }
        }
        guard low < markers[slot: slot].count, markers[slot: slot][low].recipient == recipient else {
            markers[slot: slot].insert(Told(recipient: recipient, upTo: Swift.max(0, upTo)), at: low)
            return nil
        }
        let last = markers[slot: slot][low].upTo
        markers[slot: slot][low].upTo = Swift.max(last, upTo)
        return last
    }
}
