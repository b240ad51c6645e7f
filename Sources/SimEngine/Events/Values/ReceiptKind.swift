/// What a read receipt says a reader has done with a room's messages up to a sequence number.
public enum ReceiptKind: String, Codable, CaseIterable, Sendable {
    /// The reader's client received them.
    case delivered
    /// The reader read them.
    case read
}
