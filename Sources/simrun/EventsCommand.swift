import ArgumentParser
import SimEvents

/// `simrun events`: documents every trace event, from the events' own definitions.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Describe the trace file's layout and every event it holds, as Markdown.",
        discussion: "The text of reports/trace-events.md, or with --json-schema of reports/trace.schema.json, generated "
            + "from the events' definitions."
    )

    @Flag(help: "Print the JSON Schema of a trace line instead.")
    var jsonSchema = false

    func run() {
        print(jsonSchema ? TraceSchema.jsonSchema() : TraceSchema.markdown(), terminator: "")
    }
}
