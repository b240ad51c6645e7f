import SimSupport

extension ClientHabits: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case typesBeforeSending = "types_before_sending", composeTime = "compose_time", sendsReceipts = "sends_receipts"
        case readsNotifications = "reads_notifications", marksAllRead = "marks_all_read", readDelay = "read_delay"
        case cursorUpdatesPerSecond = "cursor_updates_per_second"
        case keepsDocuments = "keeps_documents", editsPerMinute = "edits_per_minute"
        case adminActionsPerMinute = "admin_actions_per_minute"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        typesBeforeSending = try container.decode(.typesBeforeSending, default: typesBeforeSending)
        composeTime = try container.decodeDuration(.composeTime, default: composeTime)
        sendsReceipts = try container.decode(.sendsReceipts, default: sendsReceipts)
        readsNotifications = try container.decode(.readsNotifications, default: readsNotifications)
        marksAllRead = try container.decode(.marksAllRead, default: marksAllRead)
        readDelay = try container.decodeDuration(.readDelay, default: readDelay)
        cursorUpdatesPerSecond = try container.decode(.cursorUpdatesPerSecond, default: cursorUpdatesPerSecond)
        keepsDocuments = try container.decode(.keepsDocuments, default: keepsDocuments)
        editsPerMinute = try container.decode(.editsPerMinute, default: editsPerMinute)
        adminActionsPerMinute = try container.decode(.adminActionsPerMinute, default: adminActionsPerMinute)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typesBeforeSending, forKey: .typesBeforeSending)
        try container.encodeDuration(composeTime, forKey: .composeTime)
        try container.encode(sendsReceipts, forKey: .sendsReceipts)
        try container.encode(readsNotifications, forKey: .readsNotifications)
        try container.encode(marksAllRead, forKey: .marksAllRead)
        try container.encodeDuration(readDelay, forKey: .readDelay)
        try container.encode(cursorUpdatesPerSecond, forKey: .cursorUpdatesPerSecond)
        try container.encode(keepsDocuments, forKey: .keepsDocuments)
        try container.encode(editsPerMinute, forKey: .editsPerMinute)
        try container.encode(adminActionsPerMinute, forKey: .adminActionsPerMinute)
    }
}
