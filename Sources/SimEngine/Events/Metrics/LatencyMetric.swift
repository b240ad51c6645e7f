/// A latency distribution a run can measure: its typed key in the ``MetricCatalog``.
///
/// Every latency is measured from the moment something was meant to happen (a message meant
/// to be sent, a change made) to the moment it was seen, so a saturated system never hides its
/// delay.
public enum LatencyMetric: Hashable, Sendable {
    /// Message delivery, from the sender's intended send time to the recipient's client.
    case messageDelivery
    /// Message delivery, by the room's size when the message was accepted.
    case messageDeliveryByRoomSize(RoomSizeClass)
    /// Message delivery, by the recipient's gateway node (with several nodes).
    case messageDeliveryByNode(Int)
    /// Message delivery, by the recipient's profile (when the scenario mixes profiles).
    case messageDeliveryByProfile(String)
    /// Typing indicators, from the typist's intended time to another member seeing them.
    case typing
    /// Presence changes, from the change to another member seeing it.
    case presence
    /// Receipts, from the reader's client sending its marker to the sender receiving it.
    case receipt
    /// From a connection's loss to the client being connected again.
    case reconnect
    /// From a gap seen to the missing messages recovered or reported.
    case gapRecovery
    /// Live cursor moves, from the mover's intended time to another member seeing them.
    case cursor
    /// From a customer's first message to an agent's first reply.
    case firstResponse
    /// A customer's wait for an agent with room.
    case queueWait
    /// A notification's delivery over a channel, from its creation to the provider's success.
    case notification(NotificationChannel)
    /// The time spent at a stage of the pipeline: waiting plus service.
    case stage(PipelineStage)

    /// The metric's name in reports and thresholds, such as `message_delivery[room=large]`.
    public var name: String {
        switch self {
        case .messageDelivery: "message_delivery"
        case .messageDeliveryByRoomSize(let size): "message_delivery[room=\(size.rawValue)]"
        case .messageDeliveryByNode(let node): "message_delivery[node=\(node)]"
        case .messageDeliveryByProfile(let profile): "message_delivery[profile=\(profile)]"
        case .typing: "typing"
        case .presence: "presence"
        case .receipt: "receipt"
        case .reconnect: "reconnect"
        case .gapRecovery: "gap_recovery"
        case .cursor: "cursor"
        case .firstResponse: "first_response"
        case .queueWait: "queue_wait"
        case .notification(let channel): "notification_\(channel.rawValue)"
        case .stage(let stage): "stage.\(stage.name)"
        }
    }
}
