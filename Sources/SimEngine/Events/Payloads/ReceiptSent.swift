/// A room told a sender that a reader has received or read the room up to a sequence number.
public struct ReceiptSent: TraceEventPayload {
    public static let name = "receipt_sent"
    public static let tag: UInt64 = 9
    public static let meaning = "A room told a sender that a reader has received or read the room up to a sequence number."

    /// The member whose receipt it is.
    public var reader: Int = .placeholder
    /// The room.
    public var room: Int = .placeholder
    /// What the reader did.
    public var kind: ReceiptKind = .placeholder
    /// The sequence number the receipt covers up to.
    public var upTo: Int = .placeholder
    /// The sender told.
    public var recipient: Int = .placeholder

    public init() {}

    public init(reader: Int, room: Int, kind: ReceiptKind, upTo: Int, recipient: Int) {
        self.reader = reader
        self.room = room
        self.kind = kind
        self.upTo = upTo
        self.recipient = recipient
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("reader", &reader, "the member whose receipt it is")
        coder.field("room", &room, "the room")
        coder.field("kind", &kind, "what the reader did")
        coder.field("up_to", &upTo, "the sequence number the receipt covers up to")
        coder.field("recipient", &recipient, "the sender told")
    }

    public var event: TraceEvent { .receiptSent(self) }
}
