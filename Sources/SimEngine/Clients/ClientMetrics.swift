/// The metrics every client records into, registered once per run.
public struct ClientMetrics: Sendable {
    /// End-to-end delivery latency, from the sender's intended send time.
    public let deliveryLatency: MetricsRecorder.Handle
    /// Messages sent (first attempts only).
    public let messagesSent: MetricsRecorder.Series
    /// Typing indicators, from the typist's intended time to another member seeing them.
    public let typingLatency: MetricsRecorder.Handle
    /// Presence changes, from the change to another member seeing it.
    public let presenceLatency: MetricsRecorder.Handle
    /// Receipts senders received.
    public let receipts: MetricsRecorder.Series
    /// Realtime notifications clients received.
    public let notifications: MetricsRecorder.Series
    /// Requests refused or given up: refusals, rate limits, failed writes, exhausted retries.
    public let errors: MetricsRecorder.Series
    /// Duplicate messages clients dropped.
    public let duplicates: MetricsRecorder.Series
    /// Gaps clients reported after recovery was refused.
    public let gaps: MetricsRecorder.Series
    /// Clients connected now.
    public let connectedClients: MetricsRecorder.Series

    /// Registers the metrics with `metrics`.
    public init(_ metrics: MetricsRecorder) {
        deliveryLatency = metrics.latency("message_delivery")
        messagesSent = metrics.counter("messages_sent")
        typingLatency = metrics.latency("typing")
        presenceLatency = metrics.latency("presence")
        receipts = metrics.counter("receipts_received")
        notifications = metrics.counter("notifications_received")
        errors = metrics.counter("errors")
        duplicates = metrics.counter("duplicates_dropped")
        gaps = metrics.counter("gaps_reported")
        connectedClients = metrics.gauge("connected_clients")
    }
}
