/// The metrics every client records into, registered once per run.
public struct ClientMetrics: Sendable {
    /// End-to-end delivery latency, from the sender's intended send time.
    public let deliveryLatency: MetricsRecorder.Handle
    /// Delivery latency by the room's size when the message was accepted:
    /// `message_delivery[room=small]` (up to 20 members), `[room=medium]` (up to 200),
    /// `[room=large]`.
    public let deliveryByRoomSize: [MetricsRecorder.Handle]
    /// Delivery latency by the recipient's gateway node, `message_delivery[node=N]`, when there
    /// are several.
    public let deliveryByNode: [MetricsRecorder.Handle]
    /// From a connection's loss to the client being connected again.
    public let reconnectLatency: MetricsRecorder.Handle
    /// From a gap seen (a message ahead of order) to the missing messages recovered or reported.
    public let gapRecoveryLatency: MetricsRecorder.Handle
    /// Live cursor moves, from the mover's intended time to another member seeing them.
    public let cursorLatency: MetricsRecorder.Handle
    /// From the reader's client sending its marker to the sender receiving the receipt.
    public let receiptLatency: MetricsRecorder.Handle
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
    /// The size class of a room of `members`: 0 small, 1 medium, 2 large.
    public static func roomSizeClass(_ members: Int) -> Int { members <= 20 ? 0 : members <= 200 ? 1 : 2 }

    /// Pages of room history clients received.
    public let historyPages: MetricsRecorder.Series
    /// Messages sent while disconnected and lost for want of an offline queue.
    public let droppedOffline: MetricsRecorder.Series
    /// Gaps clients reported after recovery was refused.
    public let gaps: MetricsRecorder.Series
    /// Clients connected now.
    public let connectedClients: MetricsRecorder.Series

    /// Registers the metrics with `metrics`, for a system of `nodes` gateway nodes.
    public init(_ metrics: MetricsRecorder, nodes: Int = 1) {
        deliveryLatency = metrics.latency("message_delivery")
        deliveryByRoomSize = ["small", "medium", "large"].map { metrics.latency("message_delivery[room=\($0)]") }
        deliveryByNode = nodes > 1 ? (0..<nodes).map { metrics.latency("message_delivery[node=\($0)]") } : []
        reconnectLatency = metrics.latency("reconnect")
        gapRecoveryLatency = metrics.latency("gap_recovery")
        receiptLatency = metrics.latency("receipt")
        cursorLatency = metrics.latency("cursor")
        messagesSent = metrics.counter("messages_sent")
        typingLatency = metrics.latency("typing")
        presenceLatency = metrics.latency("presence")
        receipts = metrics.counter("receipts_received")
        notifications = metrics.counter("notifications_received")
        errors = metrics.counter("errors")
        duplicates = metrics.counter("duplicates_dropped")
        gaps = metrics.counter("gaps_reported")
        droppedOffline = metrics.counter("dropped_offline")
        historyPages = metrics.counter("history_pages")
        connectedClients = metrics.gauge("connected_clients")
    }
}
