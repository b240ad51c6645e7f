public import SimSupport

/// The light signals around messages: presence, typing and receipts.
public struct SignalConfiguration: Equatable, Sendable {
    /// How long a presence change takes to reach interested users. Default 1 s.
    public var presenceDelay: Duration = .seconds(1)
    /// The longest a presence change may take to reach a room's members, which the checks hold
    /// the system to. Default 5 s.
    public var presenceBound: Duration = .seconds(5)
    /// Rooms with more members than this do not broadcast presence changes: each change would
    /// go to every member, so joins alone cost members² frames (large-room products show
    /// presence on demand instead). Default 1,000.
    public var presenceRoomLimit = 1_000
    /// The least time between two typing signals of one client. Default 2 s (the marketplace's
    /// debounce).
    public var typingDebounce: Duration = .seconds(2)
    /// How long a typing indicator lasts unless renewed. Default 5 s.
    public var typingExpiry: Duration = .seconds(5)
    /// How long receipts are batched before they are sent. Default 1 s.
    public var receiptBatch: Duration = .seconds(1)

    public init() {}

    /// Checks the parameters.
    public func validate(at location: String) throws(ConfigurationError) {
        for (key, value) in [("presence_delay", presenceDelay), ("typing_debounce", typingDebounce),
                             ("receipt_batch", receiptBatch)] where value < .zero {
            throw ConfigurationError(location: "\(location).\(key)", problem: "must not be negative",
                                     remedy: "give 0s or a positive duration")
        }
        guard presenceBound > .zero else {
            throw ConfigurationError(location: "\(location).presence_bound", problem: "must be longer than zero",
                                     remedy: "give a duration such as 5s")
        }
        guard presenceRoomLimit >= 0 else {
            throw ConfigurationError(location: "\(location).presence_room_limit",
                                     problem: "must not be negative, got \(presenceRoomLimit)",
                                     remedy: "give the largest room that broadcasts presence, or 0 for none")
        }
        guard typingExpiry > .zero else {
            throw ConfigurationError(location: "\(location).typing_expiry", problem: "must be longer than zero",
                                     remedy: "give a duration such as 5s")
        }
        guard presenceBound > presenceDelay else {
            throw ConfigurationError(location: "\(location).presence_bound",
                                     problem: "(\(DurationText.format(presenceBound))) must be longer than presence_delay (\(DurationText.format(presenceDelay))), or every change would break it",
                                     remedy: "raise presence_bound or lower presence_delay")
        }
        for (key, value) in [("presence_delay", presenceDelay), ("presence_bound", presenceBound),
                             ("typing_debounce", typingDebounce), ("typing_expiry", typingExpiry),
                             ("receipt_batch", receiptBatch)] {
            try ConfigurationError.requireDuration(value, in: .zero...ConfigurationError.longest, at: "\(location).\(key)")
        }
    }
}

extension SignalConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case presenceDelay = "presence_delay", typingDebounce = "typing_debounce", typingExpiry = "typing_expiry"
        case receiptBatch = "receipt_batch", presenceRoomLimit = "presence_room_limit"
        case presenceBound = "presence_bound"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        presenceDelay = try container.decodeDuration(.presenceDelay, default: presenceDelay)
        typingDebounce = try container.decodeDuration(.typingDebounce, default: typingDebounce)
        typingExpiry = try container.decodeDuration(.typingExpiry, default: typingExpiry)
        receiptBatch = try container.decodeDuration(.receiptBatch, default: receiptBatch)
        presenceRoomLimit = try container.decode(.presenceRoomLimit, default: presenceRoomLimit)
        presenceBound = try container.decodeDuration(.presenceBound, default: presenceBound)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDuration(presenceDelay, forKey: .presenceDelay)
        try container.encodeDuration(typingDebounce, forKey: .typingDebounce)
        try container.encodeDuration(typingExpiry, forKey: .typingExpiry)
        try container.encodeDuration(receiptBatch, forKey: .receiptBatch)
        try container.encode(presenceRoomLimit, forKey: .presenceRoomLimit)
        try container.encodeDuration(presenceBound, forKey: .presenceBound)
    }
}
