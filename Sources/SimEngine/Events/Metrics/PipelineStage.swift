/// A stage of the modelled pipeline that work queues for: a station with servers.
public enum PipelineStage: Hashable, Sendable {
    /// A gateway node authenticating a connection.
    case connect
    /// A gateway node parsing a request.
    case parse
    /// A gateway node fanning a message out to its local recipients.
    case fanout
    /// The store writing.
    case storeWrite
    /// The store reading.
    case storeRead
    /// A notification provider with limited concurrency.
    case provider(NotificationChannel)

    /// Every stage, in the order reports list them.
    public static var all: [PipelineStage] {
        [.connect, .parse, .fanout, .storeWrite, .storeRead] + NotificationChannel.allCases.map { .provider($0) }
    }

    /// The stage's name, as in `stage.parse`.
    public var name: String {
        switch self {
        case .connect: "connect"
        case .parse: "parse"
        case .fanout: "fanout"
        case .storeWrite: "store_write"
        case .storeRead: "store_read"
        case .provider(let channel): "provider_\(channel.rawValue)"
        }
    }
}
