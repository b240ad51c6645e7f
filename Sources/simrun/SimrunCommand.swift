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
            64 bad input, 70 internal error (a loss of determinism, a run that ran away), 130, 143, 129 interrupted by SIGINT, SIGTERM, SIGHUP.
            """,
        version: ProductVersion.current,
        subcommands: [RunCommand.self, ExploreCommand.self, ShrinkCommand.self, ReplayCommand.self, MergeCommand.self, CompareCommand.self, SweepCommand.self, ListCommand.self, ExplainCommand.self,
                      CheckCommand.self, EventsCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
