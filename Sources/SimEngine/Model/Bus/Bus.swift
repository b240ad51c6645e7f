public import SimRuntime
import SimSupport

/// The bus that carries messages between nodes, over links with their own latency.
///
/// A message published by one node is handed to every other subscribed node. When the bus is
/// down, or the publisher or a subscriber is partitioned from it, a pub/sub bus loses the
/// message for the nodes it cannot reach, while a stream bus keeps it in its log and hands it
/// over, in order, when the node can be reached again.
///
/// ```swift
/// let bus = Bus<Delivery>(engine: engine, kind: .stream, hop: configuration.network.nodeLink)
/// await bus.subscribe(gatewayNode)
/// await bus.publish(delivery, from: 0)
/// ```
public actor Bus<Message: Sendable>: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private struct Subscription {
        var subscriber: any BusSubscriber<Message>
        /// The subscriber's node, kept so that routing asks the subscriber nothing.
        var node: Int
        var link: NetworkLink
        /// Stream: the log offset up to which this node has been handed messages (unused by pub/sub).
        var handedOver: Int
    }

    /// How undeliverable messages are treated.
    public nonisolated let kind: BusKind
    private let engine: Engine
    private let hop: LinkProfile
    // The actor's state below is touched only on its executor, one callback at a time, and no
    // access to a property spans a call that could reach the same property again: exclusivity is
    // proven by construction, and not checked at run time on paths that run once per delivery.
    @exclusivity(unchecked) private var subscriptions: [Subscription] = []
    @exclusivity(unchecked) private var log: [(message: Message, publisher: Int, targets: [Int]?)] = []
    /// Each node's subscriptions, by node: a message for a few nodes looks them up instead of
    /// scanning every subscription (a million clients' system has 500 nodes).
    @exclusivity(unchecked) private var subscriptionsOfNode = FlatTable<Int, [Int]>()
    /// The subscriptions a message goes to, reused from one publish to the next.
    @exclusivity(unchecked) private var chosen: [Int] = []
    private var published = 0
    private var isDown = false
    private var partitioned: Set<Int> = []
    /// Hand-overs that failed, summed over nodes: a pub/sub bus's messages for unreachable
    /// nodes, and frames either kind of bus lost on a lossy link.
    public private(set) var lost = 0
    /// Messages handed to nodes, summed over nodes.
    public private(set) var handedOver = 0

    public init(engine: Engine, kind: BusKind, hop: LinkProfile, entity: UInt64 = 0) {
        executor = engine.makeExecutor(label: "bus-\(entity)")
        self.kind = kind
        self.engine = engine
        self.hop = hop
    }

    /// Subscribes a node; in stream mode it starts at the end of the log.
    public func subscribe(_ subscriber: any BusSubscriber<Message>) {
        let node = subscriber.busNode
        let link = NetworkLink(profile: hop, random: engine.random("bus.link", entity: UInt64(node)))
        subscriptionsOfNode[node, default: []].append(subscriptions.count)
        subscriptions.append(Subscription(subscriber: subscriber, node: node, link: link, handedOver: log.count))
    }

    /// Publishes `message` from node `publisher` to every other node, or to those of `targets`
    /// (ascending) other than the publisher: the nodes that subscribed to its channel.
    public func publish(_ message: Message, from publisher: Int, to targets: [Int]? = nil) {
        guard kind == .stream else {
            // Pub/sub keeps nothing: each node gets the message now or never.
            published += 1
            // The subscriptions of the target nodes, in subscription order, as a scan would find them.
            chosen.removeAll(keepingCapacity: true)
            if let targets {
                for node in targets where node != publisher {
                    if let slot = subscriptionsOfNode.index(forKey: node) { chosen += subscriptionsOfNode[slot: slot] }
                }
                chosen.sort()
            } else {
                for index in subscriptions.indices where subscriptions[index].node != publisher { chosen.append(index) }
            }
            for index in chosen {
                if canReach(subscriptions[index].node) && !partitioned.contains(publisher) {
                    transmit(message, offset: published, over: index)
                } else {
                    lost += 1
                }
            }
            return
        }
        log.append((message, publisher, targets))
        for index in subscriptions.indices where canReach(subscriptions[index].node) {
            handOverPending(index)
        }
    }

    /// Messages the bus keeps: a stream's whole log; nothing for pub/sub.
    public var retained: Int { log.count }

    /// Takes the whole bus down, or brings it back (a stream bus then hands over what waited).
    public func setDown(_ down: Bool) {
        isDown = down
        if !down { catchUp() }
    }

    /// Cuts node `node` off from the bus, or joins it again.
    public func setPartitioned(_ node: Int, _ cut: Bool) {
        if cut { partitioned.insert(node) } else { partitioned.remove(node) }
        if !cut { catchUp() }
    }

    private func canReach(_ node: Int) -> Bool { !isDown && !partitioned.contains(node) }

    private func catchUp() {
        guard kind == .stream else { return }
        for index in subscriptions.indices where canReach(subscriptions[index].node) {
            handOverPending(index)
        }
    }

    /// Hands node `index` every logged message it has not had, in order, skipping its own and
    /// any whose publisher is cut off (those wait for the publisher to rejoin).
    private func handOverPending(_ index: Int) {
        let node = subscriptions[index].node
        var offset = subscriptions[index].handedOver
        while offset < log.count {
            let entry = log[offset]
            if entry.publisher != node {
                if partitioned.contains(entry.publisher) { break }
                if Self.includes(entry.targets, node) { transmit(entry.message, offset: offset + 1, over: index) }
            }
            offset += 1
        }
        subscriptions[index].handedOver = offset
    }

    /// Whether a message for `targets` (every node when nil) goes to `node`.
    private static func includes(_ targets: [Int]?, _ node: Int) -> Bool {
        targets.map { $0.contains(node) } ?? true
    }

    /// Sends `message` over subscription `index`'s link; a frame the link loses counts as lost.
    private func transmit(_ message: Message, offset: Int, over index: Int) {
        guard case .arrives(let arrival) = subscriptions[index].link.transmit(at: engine.now) else {
            lost += 1
            return
        }
        handedOver += 1
        deliver(message, offset: offset, to: subscriptions[index].subscriber, at: arrival)
    }

    private func deliver<S: BusSubscriber<Message>>(_ message: Message, offset: Int, to subscriber: S,
                                                   at arrival: SimulationInstant) {
        engine.send(to: subscriber, at: arrival) { node in node.receiveFromBus(message, offset: offset) }
    }
}
