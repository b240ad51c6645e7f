import ArgumentParser
import Foundation
import Scenarios
import SimSupport

/// The options that say which scenario to run and how to change it, the same for every command
/// that runs one (`run`, `explore`, `shrink`): the scenario, `--set`, `--clients`, `--duration`,
/// `--system`, `--threshold` and `--insist`.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario: a name from 'simrun list', or a YAML or JSON scenario file.")
    var scenario: String = ScenarioCatalog.defaultName

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override one parameter of the scenario, such as clients=500, system.gateway.nodes=3 or think_time={kind: constant, value: 2}; repeatable.",
        valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "The number of synthetic clients (default: the scenario's).")
    var clients: Int?

    @Option(help: "How long clients generate load, such as 90s, 5m or 1h (default: the scenario's).",
            transform: ScenarioOptions.parseDuration)
    var duration: Duration?

    @Option(help: ArgumentHelp(
        "A YAML or JSON file with system configuration laid over the scenario's: what it sets replaces, keys left out keep the scenario's values (see 'simrun explain').",
        valueName: "file"))
    var system: String?

    @Option(name: .customLong("threshold"), help: ArgumentHelp(
        "An SLO the run must meet, such as 'message_delivery.p99<100ms' or 'delivery_ratio>=0.999'; repeatable. A breach exits 1.",
        valueName: "slo"))
    var thresholdTexts: [String] = []

    @Flag(help: "Run even when the scenario's estimated cost exceeds a day of wall time or this machine's memory.")
    var insist = false

    static func parseDuration(_ text: String) throws -> Duration {
        guard let duration = DurationText.parse(text) else {
            throw ValidationError("'\(text)' is not a duration; write a number and a unit (ns, us, ms, s, m, h), such as 90s, 5m or 1h30m")
        }
        return duration
    }

    /// The scenario with every option applied, sized and validated, its cost checked against
    /// this machine unless `--insist`, and the extra thresholds parsed against its metrics.
    ///
    /// - Throws: an exit code of ``ExitStatus/badInput``, the problem printed.
    func resolve() throws -> ChatScenario {
        var scenario: ChatScenario
        do throws(ConfigurationFileError) {
            scenario = try ScenarioSource.load(self.scenario, overrides: overrides)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
        if let clients { scenario.clients = clients }
        if let duration { scenario.duration = duration }
        if let system {
            do throws(ConfigurationFileError) {
                scenario = try ScenarioSource.laying(systemFile: system, over: scenario)
            } catch {
                throw ExitStatus.badInput.reported("--system \(error.description)")
            }
        }
        scenario = scenario.sized()
        try Self.check(scenario, insist: insist)
        do throws(ConfigurationError) {
            _ = try ScenarioRunner(scenario: scenario, seed: 1).thresholds(adding: thresholdTexts)
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
        return scenario
    }

    /// Validates `scenario` and, unless `insist`, checks its estimated cost against this
    /// machine; the scenario may have been changed since it was resolved (a swarm draw, a
    /// shrink).
    static func check(_ scenario: ChatScenario, insist: Bool) throws {
        do throws(ConfigurationError) {
            try scenario.validate()
        } catch {
            let flag = ["clients": "--clients", "duration": "--duration"][error.location]
            let location = flag.map { "\($0) (\(error.location))" } ?? "scenario '\(scenario.name)', \(error.location)"
            throw ExitStatus.badInput.reported("\(location): \(error.problem); \(error.remedy)")
        }
        guard !insist else { return }
        do throws(ConfigurationError) {
            try RunBudget(for: scenario).check(memoryAvailable: Double(ProcessInfo.processInfo.physicalMemory))
        } catch {
            throw ExitStatus.badInput.reported("scenario '\(scenario.name)', \(error.location): \(error.problem); \(error.remedy)")
        }
    }

    /// The options as a command line gives them after the scenario, resolved: `--clients` and
    /// `--duration` as run, then the system file, overrides, thresholds and `--insist`.
    func arguments(for scenario: ChatScenario) -> String {
        " --clients \(scenario.clients) --duration \(DurationText.format(scenario.duration))"
            + (system.map { " --system '\($0)'" } ?? "")
            + overrides.map { " --set '\($0)'" }.joined()
            + thresholdTexts.map { " --threshold '\($0)'" }.joined()
            + (insist ? " --insist" : "")
    }
}
