import ArgumentParser
import Foundation
import Scenarios

/// `simrun explain SCENARIO`: prints the fully resolved scenario, to save, edit and run back.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a scenario with every parameter resolved, as YAML or JSON.",
        discussion: "Save it, edit it, and run it with 'simrun run FILE': a built-in scenario run back from its file "
            + "gives the identical run (the same trace hash)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: "A name from 'simrun list', or a YAML or JSON scenario file.")
    var scenario: String = ScenarioCatalog.defaultName

    @Option(help: "yaml or json.")
    var format: Format = .yaml

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one parameter first; repeatable.", valueName: "key.path=value"))
    var overrides: [String] = []

    @Flag(help: "Leave out the comment beside each key that says what it means and in what unit.")
    var bare = false

    func run() throws {
        let resolved: ChatScenario
        do throws(ConfigurationFileError) {
            resolved = try ScenarioSource.load(scenario, overrides: overrides)
        } catch {
            FileHandle.standardError.write(Data("simrun: \(error.description)\n".utf8))
            throw ExitStatus.badInput.exitCode
        }
        do {
            let text = try ScenarioSource.text(of: resolved, json: format == .json)
            print(format == .json || bare ? text : ScenarioKeyNotes.annotate(text), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("simrun: \(error)\n".utf8))
            throw ExitStatus.internalError.exitCode
        }
    }
}
