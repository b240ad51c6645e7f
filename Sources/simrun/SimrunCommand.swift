import ArgumentParser
import SimSupport

/// `simrun`: simulate and load-test real-time messaging and notification systems.
@main
struct SimrunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simrun",
        abstract: "Simulate and load-test real-time messaging and notification systems.",
        discussion: """
            Exit codes: 0 pass, 1 an SLO threshold breached, 2 a guarantee violated, \
            64 bad input, 70 internal error (including a loss of determinism), 130 interrupted.
            """,
        version: ProductVersion.current,
        subcommands: [RunCommand.self, ListCommand.self, ExplainCommand.self, CheckCommand.self, EventsCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
