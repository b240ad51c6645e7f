/// What a client does besides posting: typing before it sends, sending receipts.
public struct ClientHabits: Equatable, Sendable {
    /// Whether the client shows it is typing before each message, at most once per typing
    /// debounce (`signals.typing_debounce`). Default false.
    public var typesBeforeSending = false
    /// How long before sending a message the client starts typing it. Default 1.5 s.
    public var composeTime: Duration = .milliseconds(1_500)
    /// Whether the client sends delivered and read receipts, batched every
    /// `signals.receipt_batch`; it reads a batch's messages by the next batch. Default false.
    public var sendsReceipts = false

    public init(typesBeforeSending: Bool = false, composeTime: Duration = .milliseconds(1_500), sendsReceipts: Bool = false) {
        self.typesBeforeSending = typesBeforeSending
        self.composeTime = composeTime
        self.sendsReceipts = sendsReceipts
    }
}
