public import SimRuntime
public import SimEvents

/// The whole server side, assembled from a ``SystemConfiguration``: gateway nodes, rooms homed
/// on them, the store behind the rooms, the bus between nodes (when there is more than one),
/// the notification service and the audit log.
///
/// Users are pinned to node `user % nodes` (sticky sessions); room `r` lives on node
/// `r % nodes`.
///
/// ```swift
/// let system = await MessagingSystem<Client>(engine: engine, telemetry: telemetry, configuration: configuration,
///                                            rooms: 50)
/// let node = system.node(forUser: 7)
/// ```
public struct MessagingSystem<Peer: ConnectionPeer>: Sendable {
    /// The engine it runs in.
    public let engine: Engine
    /// Where its events and measurements go.
    public let telemetry: Telemetry
    /// The configuration it was built from.
    public let configuration: SystemConfiguration
    /// The gateway nodes.
    public let nodes: [GatewayNode<Peer>]
    /// The rooms, by id.
    public let rooms: [Room<Peer>]
    /// The database.
    public let store: Store
    /// The bus between nodes; nil with a single node.
    public let bus: Bus<RoomBroadcast>?
    /// The notification service.
    public let notifications: NotificationService
    /// The audit log of privileged actions.
    public let auditLog: AuditLog

    /// Builds the system with `rooms` rooms.
    ///
    /// The telemetry's catalog must have been built for the configuration
    /// (``SystemConfiguration/metricCatalog(profiles:)``).
    public init(engine: Engine, telemetry: Telemetry, configuration: SystemConfiguration, rooms roomCount: Int) async {
        self.engine = engine
        self.telemetry = telemetry
        self.configuration = configuration
        let nodes = (0..<configuration.gateway.nodes).map { id in
            GatewayNode<Peer>(engine: engine, telemetry: telemetry, id: id, configuration: configuration.gateway,
                              capacity: configuration.capacity, clientLink: configuration.network.clientLink,
                              presenceDelay: configuration.signals.presenceDelay)
        }
        let store = Store(engine: engine, telemetry: telemetry, configuration: configuration.store)
        let bus = nodes.count > 1
            ? Bus<RoomBroadcast>(engine: engine, kind: configuration.bus.kind, hop: configuration.network.nodeLink)
            : nil
        let auditLog = AuditLog(engine: engine, telemetry: telemetry, faults: configuration.faults)
        let rooms = (0..<roomCount).map { id in
            Room(engine: engine, telemetry: telemetry, id: id, nodes: nodes, bus: bus, store: store, auditLog: auditLog,
                 configuration: configuration)
        }
        let notifications = NotificationService(engine: engine, telemetry: telemetry, configuration: configuration.notifications,
                                                usersStartOnline: false)
        for node in nodes {
            await node.attach(rooms: rooms, nodes: nodes.count, nodeLink: configuration.network.nodeLink,
                              notifications: notifications)
            await bus?.subscribe(node)
        }
        await notifications.persist(in: store)
        await notifications.connectRealtime { user, frame in
            let node = nodes[user % nodes.count]
            engine.send(to: node) { $0.send(frame, toUser: user) }
        }
        self.notifications = notifications
        self.nodes = nodes
        self.rooms = rooms
        self.store = store
        self.bus = bus
        self.auditLog = auditLog
    }

    /// The node that serves `user`'s connections.
    public func node(forUser user: Int) -> GatewayNode<Peer> { nodes[user % nodes.count] }

    /// Has every station of the system (each node's stages, the store's pool, the providers)
    /// report how loaded it was over the stations' window.
    public func reportStations() async {
        for node in nodes { await node.reportStations() }
        await store.reportStations()
        await notifications.reportStations()
    }
}
