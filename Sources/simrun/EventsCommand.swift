import ArgumentParser
import SimEvents

/// `simrun events`: documents every trace event, from the events' own definitions.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Describe the trace file's layout and every event it holds, as Markdown.",
        discussion: "The text of reports/trace-events.md, generated from the events' definitions."
    )

    func run() {
        print(TraceSchema.markdown(), terminator: "")
    }
}
