public import SimEvents

/// One marker of a client's receipt batch: its user has received (or read) `room` up to
/// `upTo`.
public struct RoomReceipt: Equatable, Sendable {
    public var room: Int
    public var kind: ReceiptKind
    public var upTo: Int

    public init(room: Int, kind: ReceiptKind, upTo: Int) {
        self.room = room
        self.kind = kind
        self.upTo = upTo
    }
}
