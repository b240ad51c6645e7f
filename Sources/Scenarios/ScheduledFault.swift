public import SimSupport
import SimRuntime
import SimModel
public import SimReports

/// A failure a scenario injects at a moment of its run: what real systems go through (a node
/// restart, a crash, a bus or store outage, a partition), to see what the guarantees and the
/// latency make of it.
public struct ScheduledFault: Equatable, Sendable {
    /// What happens.
    public enum Action: Equatable, Sendable {
        /// The node drops every connection at once; sessions are kept (a restart).
        case dropConnections(node: Int)
        /// A share of all connections, drawn at random, drop at once (a network blip).
        case dropShare(Double)
        /// The node crashes: every connection drops and every kept session is lost.
        case crashNode(node: Int)
        /// The bus between nodes is down for a while.
        case busDown(for: Duration)
        /// The store refuses every request for a while.
        case storeDown(for: Duration)
        /// The node is cut off from the bus for a while.
        case partitionNode(node: Int, for: Duration)
    }

    /// The kinds of fault, as scenario files name them.
    public enum Kind: String, CaseIterable, Sendable {
        case dropConnections = "drop_connections"
        case dropShare = "drop_share"
        case crashNode = "crash_node"
        case busDown = "bus_down"
        case storeDown = "store_down"
        case partitionNode = "partition_node"
    }

    /// When, from the start of the run.
    public var at: Duration
    /// What.
    public var action: Action

    public init(at: Duration, _ action: Action) {
        self.at = at
        self.action = action
    }

    /// The fault's kind.
    public var kind: Kind {
        switch action {
        case .dropConnections: .dropConnections
        case .dropShare: .dropShare
        case .crashNode: .crashNode
        case .busDown: .busDown
        case .storeDown: .storeDown
        case .partitionNode: .partitionNode
        }
    }

    /// The same fault lasting `length`, for the kinds that last; the others as they are.
    public func lasting(_ length: Duration) -> ScheduledFault {
        switch action {
        case .busDown: ScheduledFault(at: at, .busDown(for: length))
        case .storeDown: ScheduledFault(at: at, .storeDown(for: length))
        case .partitionNode(let node, _): ScheduledFault(at: at, .partitionNode(node: node, for: length))
        case .dropConnections, .dropShare, .crashNode: self
        }
    }

    /// How long the fault lasts, for the kinds that last.
    public var length: Duration? {
        switch action {
        case .busDown(let length), .storeDown(let length), .partitionNode(_, let length): length
        case .dropConnections, .dropShare, .crashNode: nil
        }
    }

    /// Checks the fault against a system of `nodes` nodes.
    public func validate(at location: String, nodes: Int) throws(ConfigurationError) {
        guard at >= .zero, at <= ConfigurationError.longest else {
            throw ConfigurationError(location: "\(location).at", problem: "must be from 0s to 30 days", remedy: "give a time such as 20s")
        }
        switch action {
        case .dropConnections(let node), .crashNode(let node), .partitionNode(let node, _):
            guard (0..<nodes).contains(node) else {
                throw ConfigurationError(location: "\(location).node", problem: "names node \(node), but the system has \(nodes)",
                                         remedy: "give a node from 0 to \(nodes - 1)")
            }
        case .dropShare(let share):
            try ConfigurationError.requireShare(share, at: "\(location).share", example: "0.2")
        case .busDown, .storeDown:
            break
        }
        switch action {
        case .busDown(let duration), .storeDown(let duration), .partitionNode(_, let duration):
            guard duration > .zero, duration <= ConfigurationError.longest else {
                throw ConfigurationError(location: "\(location).for", problem: "must be above 0s and at most 30 days",
                                         remedy: "give a duration such as 10s")
            }
        case .dropConnections, .crashNode, .dropShare:
            break
        }
    }

    /// Waits until the fault's moment, from `start`, then inflicts it on `system`.
    func inflict(on system: MessagingSystem<Client>, from start: SimulationInstant, in engine: Engine) async {
        do { try await engine.clock.sleep(until: start.advanced(by: at)) } catch { return }
        switch action {
        case .dropConnections(let node):
            await system.nodes[node].dropAllConnections()
        case .crashNode(let node):
            await system.nodes[node].crash()
        case .dropShare(let share):
            for node in system.nodes { await node.dropConnections(share: share) }
        case .busDown(let duration):
            await system.bus?.setDown(true)
            try? await engine.clock.sleep(for: duration)
            await system.bus?.setDown(false)
        case .storeDown(let duration):
            await system.store.setAvailable(false)
            try? await engine.clock.sleep(for: duration)
            await system.store.setAvailable(true)
        case .partitionNode(let node, let duration):
            await system.bus?.setPartitioned(node, true)
            try? await engine.clock.sleep(for: duration)
            await system.bus?.setPartitioned(node, false)
        }
    }
}

extension ScheduledFault: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case at, kind, node, duration = "for", share
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decodeDuration(.at, default: .zero)
        let kind = try container.decode(Kind.self, forKey: .kind)
        func node() throws -> Int { try container.decode(Int.self, forKey: .node) }
        func duration() throws -> Duration { try container.decodeDuration(.duration, default: .zero) }
        switch kind {
        case .dropConnections: action = .dropConnections(node: try node())
        case .crashNode: action = .crashNode(node: try node())
        case .dropShare: action = .dropShare(try container.decode(Double.self, forKey: .share))
        case .busDown: action = .busDown(for: try duration())
        case .storeDown: action = .storeDown(for: try duration())
        case .partitionNode: action = .partitionNode(node: try node(), for: try duration())
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDuration(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        switch action {
        case .dropConnections(let node), .crashNode(let node):
            try container.encode(node, forKey: .node)
        case .dropShare(let share):
            try container.encode(share, forKey: .share)
        case .busDown(let duration), .storeDown(let duration):
            try container.encodeDuration(duration, forKey: .duration)
        case .partitionNode(let node, let duration):
            try container.encode(node, forKey: .node)
            try container.encodeDuration(duration, forKey: .duration)
        }
    }
}

extension ScheduledFault.Kind: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown fault '\(name)'; accepted: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension ScheduledFault {
    /// When the fault is active, labelled for a chart: its kind, and its node where it has one.
    public var window: FaultWindow {
        let start = at.inSeconds
        let seconds = length?.inSeconds ?? 0
        let node: String = switch action {
        case .dropConnections(let node), .crashNode(let node), .partitionNode(let node, _): " \(node)"
        case .dropShare(let share): " \(Int((share * 100).rounded())) %"
        case .busDown, .storeDown: ""
        }
        return FaultWindow(label: kind.rawValue + node, start: start, end: start + seconds)
    }
}
