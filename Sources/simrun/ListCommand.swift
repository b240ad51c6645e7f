import ArgumentParser
import Scenarios

/// `simrun list`: every built-in scenario with one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in scenarios.")

    func run() {
        let scenarios = ScenarioCatalog.all
        let width = scenarios.map(\.name.count).max() ?? 0
        for scenario in scenarios {
            let marker = scenario.name == ScenarioCatalog.defaultName ? " (default)" : ""
            print(scenario.name.padding(to: width) + "  " + scenario.summary + marker)
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
