/// What a gateway sends down a connection.
public enum ServerFrame: Equatable, Sendable {
    /// A room's message.
    case message(room: Int, RoomMessage)
    /// A user started or stopped typing in a room.
    case typing(room: Int, user: Int, isTyping: Bool)
    /// A user came online or went offline.
    case presence(user: Int, isOnline: Bool)
    /// A notification for the connection's user.
    case notification(id: UInt64, kind: NotificationKind)
    /// Someone's receipt for messages the connection's user sent.
    case receipt(ReceiptLedger.Receipt)
}
