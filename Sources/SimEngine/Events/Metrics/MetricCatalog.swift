import SimSupport

/// Every latency metric a run can record, registered once before the run: the model takes its
/// handles from here, the recorder sizes itself from here, and thresholds are checked against it,
/// so that a threshold on a metric no run can produce is refused before anything runs.
///
/// The catalog depends on the system's shape: delivery is split by node only with several
/// nodes, and by profile only with profiles.
///
/// ```swift
/// let catalog = MetricCatalog(nodes: 3, profiles: ["mobile"])
/// let handle = catalog.handle(.messageDeliveryByNode(2))
/// catalog.latency(named: "message_delivery[node=2]")   // the same handle
/// ```
public struct MetricCatalog: Equatable, Sendable {
    /// Every latency metric, in the order of their handles.
    public let latencies: [LatencyMetric]
    /// Their names, in the same order.
    public let names: [String]
    private let handles: [LatencyMetric: LatencyHandle]
    private let handlesByName: [String: LatencyHandle]

    /// The catalog of a system of `nodes` gateway nodes whose clients mix `profiles`.
    public init(nodes: Int = 1, profiles: [String] = []) {
        var latencies: [LatencyMetric] = [.messageDelivery]
        latencies += RoomSizeClass.allCases.map { .messageDeliveryByRoomSize($0) }
        if nodes > 1 { latencies += (0..<nodes).map { .messageDeliveryByNode($0) } }
        latencies += profiles.map { .messageDeliveryByProfile($0) }
        latencies += [.typing, .presence, .receipt, .reconnect, .gapRecovery, .cursor, .firstResponse, .queueWait]
        latencies += NotificationChannel.allCases.map { .notification($0) }
        latencies += PipelineStage.all.map { .stage($0) }
        self.latencies = latencies
        names = latencies.map(\.name)
        handles = Dictionary(latencies.enumerated().map { ($1, LatencyHandle(index: $0)) }, uniquingKeysWith: { first, _ in first })
        handlesByName = Dictionary(names.enumerated().map { ($1, LatencyHandle(index: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The handle of `metric`, which the catalog must hold.
    public func handle(_ metric: LatencyMetric) -> LatencyHandle {
        guard let handle = handles[metric] else {
            preconditionFailure("the metric catalog has no \(metric.name); build it from the system's nodes and profiles")
        }
        return handle
    }

    /// The handle of the metric called `name`, or nil if the catalog has none of that name.
    public func latency(named name: String) -> LatencyHandle? { handlesByName[name] }

    /// The name in the catalog nearest to `name`, for "did you mean" suggestions.
    public func nearestName(to name: String) -> String? {
        names.min { editDistance($0, name) < editDistance($1, name) }
    }

    public static func == (lhs: MetricCatalog, rhs: MetricCatalog) -> Bool { lhs.latencies == rhs.latencies }
}
