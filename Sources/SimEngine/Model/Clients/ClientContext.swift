public import SimEvents
public import SimRuntime

/// What every client of a run shares: the engine, the system, its configuration, where events
/// and measurements go, and the clients' habits. One reference per client instead of a copy of
/// each, so that an idle client costs little memory.
public final class ClientContext: Sendable {
    /// The engine the clients run in.
    public let engine: Engine
    /// Where the clients' events and measurements go.
    public let telemetry: Telemetry
    /// The system they talk to.
    public let system: MessagingSystem<Client>
    /// The latency handles they record into.
    public let metrics: ClientMetrics
    /// What they do besides posting.
    public let habits: ClientHabits
    /// The kinds of user in the mix; empty when every client is alike.
    public let profiles: [ClientProfile]
    /// How the clients send: the guarantee, attempts and offline queue.
    public let sendPolicy: OutgoingMessages.Policy

    /// The context of clients of `system`, reporting through the system's telemetry.
    public init(system: MessagingSystem<Client>, habits: ClientHabits = ClientHabits(), profiles: [ClientProfile] = []) {
        engine = system.engine
        telemetry = system.telemetry
        self.system = system
        self.habits = habits
        self.profiles = profiles
        let clients = system.configuration.clients
        sendPolicy = OutgoingMessages.Policy(guarantee: system.configuration.delivery.guarantee,
                                             attempts: clients.sendAttempts, offlineQueue: clients.offlineQueue)
        metrics = ClientMetrics(system.telemetry.catalog, nodes: system.configuration.gateway.nodes,
                                profiles: profiles.map(\.name))
    }

    /// The system's configuration.
    public var settings: SystemConfiguration { system.configuration }
}
