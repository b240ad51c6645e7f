public import SimSupport
public import SimRuntime
public import SimEvents
public import SimModel
import SimCheckers
public import SimReports

/// A runnable description of a system under load: what to build, how clients behave, for how
/// long, and what must hold.
///
/// ```swift
/// let runner = ScenarioRunner(scenario: scenario, seed: 1)
/// let result = try runner.run()
/// print(result.summary.verdict)
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

    /// The metrics a run of the scenario can record: what thresholds may name.
    var metricCatalog: MetricCatalog { get }

    /// When the faults the scenario injects are active, for the reports' charts.
    var faultWindows: [FaultWindow] { get }

    /// The span of a run in which the load is steady, over which stations measure their load:
    /// from the end of the ramp-up to the end of the load (the whole load when the ramp takes
    /// all of it).
    var steadyState: Range<SimulationInstant> { get }

    /// Checks the configuration before anything runs.
    func validate() throws(ConfigurationError)

    /// Builds the system and its clients in `engine`, reporting through `telemetry`, drives the
    /// load, and returns once in-flight work has drained. What it means is judged downstream.
    func run(in engine: Engine, telemetry: Telemetry) async
}
