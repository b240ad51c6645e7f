/// A count a run keeps, summed per interval of its time series.
public enum CounterMetric: String, CaseIterable, Hashable, Sendable {
    /// Messages sent (first attempts only).
    case messagesSent = "messages_sent"
    /// Receipts senders received.
    case receiptsReceived = "receipts_received"
    /// Realtime notifications clients received.
    case notificationsReceived = "notifications_received"
    /// Requests refused or given up: refusals, rate limits, failed writes, exhausted retries.
    case errors
    /// Duplicate messages clients dropped.
    case duplicatesDropped = "duplicates_dropped"
    /// Gaps clients reported after recovery was refused.
    case gapsReported = "gaps_reported"
    /// Messages sent while disconnected and lost for want of an offline queue.
    case droppedOffline = "dropped_offline"
    /// Pages of room history clients received.
    case historyPages = "history_pages"

    /// The counter's position among every counter: its index in a recorder.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
