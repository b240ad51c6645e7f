public import SimEvents

/// What a client has told one room in receipts, and what its next receipt batch sends: a value
/// with no clock or I/O.
///
/// Each batch sends a delivered marker up to what the client has shown, if that moved, and a
/// read marker up to what was delivered by the previous batch: the user reads what was on
/// screen a batch ago. A batch that leaves a read marker behind asks for another batch.
///
/// ```swift
/// var markers = ReceiptMarkers(joinedAfter: 10)
/// let batch = markers.flush(shownUpTo: 14)   // delivered up to 14; nothing read yet
/// ```
public struct ReceiptMarkers: Equatable, Sendable {
    /// One receipt to send.
    public struct Receipt: Equatable, Sendable {
        public var kind: ReceiptKind
        public var upTo: Int

        public init(kind: ReceiptKind, upTo: Int) {
            self.kind = kind
            self.upTo = upTo
        }
    }

    /// What a batch sends, and whether another batch must follow.
    public struct Batch: Equatable, Sendable {
        /// The receipts, delivered before read.
        public var receipts: ActionList<Receipt>
        /// Whether a read marker is still behind: the client must batch again.
        public var needsAnother: Bool
    }

    /// Delivered up to, as sent.
    public private(set) var deliveredSent: Int
    /// Read up to, as sent.
    public private(set) var readSent: Int
    /// Delivered up to as of the last batch: what the next batch reads.
    public private(set) var readable: Int

    /// The markers of a client that joined the room after sequence `joinedAfter`: messages from
    /// before the join are not the client's to acknowledge.
    public init(joinedAfter: Int) {
        deliveredSent = joinedAfter
        readSent = joinedAfter
        readable = joinedAfter
    }

    /// The batch for a client that has shown the room up to `shownUpTo`.
    public mutating func flush(shownUpTo: Int) -> Batch {
        var receipts = ActionList<Receipt>()
        if shownUpTo > deliveredSent {
            receipts.append(Receipt(kind: .delivered, upTo: shownUpTo))
            deliveredSent = shownUpTo
        }
        if readable > readSent {
            receipts.append(Receipt(kind: .read, upTo: readable))
            readSent = readable
        }
        readable = deliveredSent
        return Batch(receipts: receipts, needsAnother: readable > readSent)
    }
}
