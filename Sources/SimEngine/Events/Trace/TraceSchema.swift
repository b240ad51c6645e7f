/// The layout of trace files, and its documentation, derived from the events' definitions.
///
/// A trace of schema version 2 is JSON Lines: a header, one line per event, and a closing line
/// that seals the file with its event count and hash:
///
/// ```text
/// {"trace":"simrun","schema":2}
/// {"t_ns":0,"event":"check_parameters","guarantee":"at_least_once",…}
/// {"t_ns":75638817,"event":"member_joined","user":15,"room":13}
/// {"trace_end":"simrun","events":1206890,"hash":"0a6f42187a7cc317"}
/// ```
///
/// Schema version 1, written before, has neither header nor closing line and writes every value
/// as an integer code (`"online":1`, `"channel":2`); it is still read.
public enum TraceSchema {
    /// The version this build writes.
    public static let currentVersion = 2
    /// The versions this build reads.
    public static let readableVersions = 1...2
    /// The key of the header line; its value is `simrun`.
    public static let headerKey = "trace"
    /// The key of the closing line; its value is `simrun`.
    public static let closingKey = "trace_end"

    /// The payload type of the event called `name`.
    static let payloadTypesByName: [String: any TraceEventPayload.Type] = Dictionary(
        uniqueKeysWithValues: TraceEvent.payloadTypes.map { ($0.name, $0) })

    /// Every event's name, in the documentation's order.
    public static var eventNames: [String] { TraceEvent.payloadTypes.map { $0.name } }

    /// One field of an event, as the documentation describes it.
    public struct Field: Equatable, Sendable {
        /// The field's key in a trace line.
        public var name: String
        /// What values it takes.
        public var type: String
        /// What it means.
        public var meaning: String
    }

    /// A JSON Schema (draft 2020-12) of every line a trace of the current schema version holds:
    /// what `reports/trace.schema.json` holds.
    public static func jsonSchema() -> String {
        let events = TraceEvent.payloadTypes.map { eventSchema(of: $0) }
        let header = #"{"type":"object","required":["trace","schema"],"additionalProperties":false,"properties":{"#
            + #""trace":{"const":"simrun"},"schema":{"const":"# + "\(currentVersion)" + #"},"simrun":{"type":"string"},"#
            + #""scenario":{"type":"string"},"seed":{"type":"integer"},"interleaving_seed":{"type":"integer"}}}"#
        let closing = #"{"type":"object","required":["trace_end","events","hash"],"additionalProperties":false,"#
            + #""properties":{"trace_end":{"const":"simrun"},"events":{"type":"integer","minimum":1},"#
            + #""hash":{"type":"string","pattern":"^[0-9a-f]{16}$"}}}"#
        return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
            + "  \"title\": \"A line of a simrun trace (schema version \(currentVersion))\",\n"
            + "  \"oneOf\": [\n    " + ([header] + events + [closing]).joined(separator: ",\n    ") + "\n  ]\n}\n"
    }

    private static func eventSchema<Payload: TraceEventPayload>(of payload: Payload.Type) -> String {
        var schemas = Describing()
        var sample = Payload()
        sample.fields(&schemas)
        let properties = [#""t_ns":{"type":"integer","minimum":0}"#, #""event":{"const":""# + Payload.name + "\"}"]
            + schemas.fields.indices.map { "\"\(schemas.fields[$0].name)\":\(schemas.jsonSchemas[$0])" }
        let required = (["t_ns", "event"] + schemas.fields.map(\.name)).map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"type":"object","required":["# + required + #"],"additionalProperties":false,"properties":{"#
            + properties.joined(separator: ",") + "}}"
    }

    /// The fields of `payload`, in the order traces write them.
    public static func fields<Payload: TraceEventPayload>(of payload: Payload.Type) -> [Field] {
        var describing = Describing()
        var sample = Payload()
        sample.fields(&describing)
        return describing.fields
    }

    /// The documentation of every event, as Markdown: what `reports/trace-events.md` holds.
    public static func markdown() -> String {
        var text = """
            # Trace events

            This page is generated from the events' definitions (`Sources/SimEngine/Events/Payloads`);
            a test keeps it equal to them. `simrun run --trace` writes `trace.jsonl`, and
            `simrun check FILE` judges one.

            ## File layout (schema version \(currentVersion))

            JSON Lines. The first line is the header, `{"\(headerKey)":"simrun","schema":\(currentVersion)}`. Every
            other line but the last is one event: `t_ns`, the virtual time in nanoseconds from the start of
            the run; `event`, its name; then its fields, in the order below. The last line seals the file:
            `{"\(closingKey)":"simrun","events":N,"hash":"H"}`, with the number of events and the trace hash
            (16 hexadecimal digits, the run's `trace_hash`). A file without that line is incomplete, and one
            whose events do not add up to it was edited: `simrun check` refuses both.

            The hash folds in, for each event in order, its time, its tag and each field's integer code.

            Schema version 1 (traces written before the header existed) had neither header nor closing
            line and wrote every value as its integer code (given below after each name); it is still read.

            ## Events

            """
        for payload in TraceEvent.payloadTypes {
            text += section(for: payload)
        }
        return text
    }

    private static func section<Payload: TraceEventPayload>(for payload: Payload.Type) -> String {
        var text = "\n### `\(Payload.name)` (tag \(Payload.tag))\n\n\(Payload.meaning)\n\n"
        text += "| field | value | meaning |\n|---|---|---|\n"
        for field in fields(of: payload) {
            text += "| `\(field.name)` | \(field.type) | \(field.meaning) |\n"
        }
        return text
    }

    /// Collects each field's name, type and meaning.
    private struct Describing: TraceFieldCoder {
        var fields: [Field] = []
        var jsonSchemas: [String] = []

        mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString,
                                         since: Int) {
            let added = since > 1 ? " (from schema version \(since))" : ""
            fields.append(Field(name: name.description, type: Value.traceType, meaning: meaning.description + added))
            jsonSchemas.append(Value.traceJSONSchema)
        }
    }
}
