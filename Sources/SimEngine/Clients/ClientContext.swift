/// What every client of a run shares: the engine, the system, its configuration, the metrics
/// and the clients' habits. One reference per client instead of a copy of each, so that an idle
/// client costs little memory.
public final class ClientContext: Sendable {
    /// The engine the clients run in.
    public let engine: Engine
    /// The system they talk to.
    public let system: MessagingSystem<Client>
    /// The metrics they record into.
    public let metrics: ClientMetrics
    /// What they do besides posting.
    public let habits: ClientHabits
    /// The kinds of user in the mix; empty when every client is alike.
    public let profiles: [ClientProfile]
    /// Delivery latency by the recipient's profile, `message_delivery[profile=NAME]`.
    public let deliveryByProfile: [MetricsRecorder.Handle]

    public init(engine: Engine, system: MessagingSystem<Client>, metrics: ClientMetrics, habits: ClientHabits = ClientHabits(),
                profiles: [ClientProfile] = []) {
        self.engine = engine
        self.system = system
        self.metrics = metrics
        self.habits = habits
        self.profiles = profiles
        deliveryByProfile = profiles.map { engine.metrics.latency("message_delivery[profile=\($0.name)]") }
    }

    /// The system's configuration.
    public var settings: SystemConfiguration { system.configuration }
}
