/// A runnable description of a system under load: what to build, how clients behave, for how
/// long, and what must hold.
///
/// ```swift
/// let engine = Engine(mode: .sim, seed: 1)
/// let outcome = try engine.run { engine in await scenario.run(in: engine) }
/// print(outcome.verdict)
/// ```
public protocol Scenario: Sendable, Encodable {
    /// The name the command line knows the scenario by.
    var name: String { get }
    /// One line that says what the scenario models.
    var summary: String { get }
    /// The number of synthetic clients.
    var clients: Int { get set }
    /// How long clients generate load; the run then drains in-flight work.
    var duration: Duration { get set }
    /// The modelled system: nodes, stages, store, bus, network, guarantees, client habits.
    var system: SystemConfiguration { get set }
    /// The SLOs the scenario declares, in `--threshold` syntax; the command line adds more.
    var thresholds: [String] { get }

    /// Checks the configuration before anything runs.
    func validate() throws(ConfigurationError)

    /// Builds the system and its clients in `engine`, drives the load and checks the outcome.
    func run(in engine: Engine) async -> ScenarioOutcome
}
