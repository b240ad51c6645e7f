public import SimSupport

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
    /// Whether the client opens each realtime notification it receives, marking it read, after
    /// ``readDelay``. Default false.
    public var readsNotifications = false
    /// Whether opening a notification marks every notification up to it read (a bulk mark-read
    /// with that cutoff) rather than just that one. Default false.
    public var marksAllRead = false
    /// How long a user takes to open a notification. Default 3 s.
    public var readDelay: Duration = .seconds(3)
    /// Live cursor updates the client sends per second while active, to one of its rooms at a
    /// time (a shared document). Default 0: none.
    public var cursorUpdatesPerSecond = 0.0
    /// Whether the client keeps a replica of each room's shared document (the room's edits
    /// applied in its order), as an editor or a viewer of documents does. Default false.
    public var keepsDocuments = false
    /// Edits the client makes per minute while active, each to one of its documents where it may
    /// post, one at a time (the next once the room confirmed the last); needs ``keepsDocuments``.
    /// Default 0: none.
    public var editsPerMinute = 0.0
    /// Privileged actions an admin's client takes per minute, in a room where it is admin: it
    /// changes a present member's role (most often), removes one, or, rarely, deletes the
    /// room's document. Default 0: none.
    public var adminActionsPerMinute = 0.0

    public init(typesBeforeSending: Bool = false, composeTime: Duration = .milliseconds(1_500), sendsReceipts: Bool = false,
                readsNotifications: Bool = false, marksAllRead: Bool = false, readDelay: Duration = .seconds(3),
                cursorUpdatesPerSecond: Double = 0, keepsDocuments: Bool = false, editsPerMinute: Double = 0,
                adminActionsPerMinute: Double = 0) {
        self.adminActionsPerMinute = adminActionsPerMinute
        self.keepsDocuments = keepsDocuments
        self.editsPerMinute = editsPerMinute
        self.marksAllRead = marksAllRead
        self.cursorUpdatesPerSecond = cursorUpdatesPerSecond
        self.readsNotifications = readsNotifications
        self.readDelay = readDelay
        self.typesBeforeSending = typesBeforeSending
        self.composeTime = composeTime
        self.sendsReceipts = sendsReceipts
    }

    /// Checks that every rate is a finite number in its range and every delay a duration in
    /// its range.
    ///
    /// - Parameter location: the key path of the habits (`habits`).
    public func validate(at location: String) throws(ConfigurationError) {
        try ConfigurationError.requireNumber(cursorUpdatesPerSecond, in: 0...100, at: "\(location).cursor_updates_per_second",
                                             unit: "cursor updates per second, such as 2 (0 for none)")
        try ConfigurationError.requireNumber(editsPerMinute, in: 0...6_000, at: "\(location).edits_per_minute",
                                             unit: "edits per minute, such as 6 (0 for none)")
        try ConfigurationError.requireNumber(adminActionsPerMinute, in: 0...6_000, at: "\(location).admin_actions_per_minute",
                                             unit: "privileged actions per minute, such as 1 (0 for none)")
        try ConfigurationError.requireDuration(composeTime, in: .zero...ConfigurationError.longest, at: "\(location).compose_time")
        try ConfigurationError.requireDuration(readDelay, in: .zero...ConfigurationError.longest, at: "\(location).read_delay")
        if editsPerMinute > 0, !keepsDocuments {
            throw ConfigurationError(location: "\(location).edits_per_minute", problem: "needs keeps_documents: true",
                                     remedy: "set habits.keeps_documents to true, or edits_per_minute to 0")
        }
    }

}
