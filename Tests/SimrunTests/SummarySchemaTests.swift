import Foundation
import Testing

/// Keeps `reports/summary.schema.json` and the summary the binary writes in step: every key
/// written is declared, and every required key is written, at every level.
@Suite("summary.json schema")
struct SummarySchemaTests {
    private var schema: [String: Any] {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let data = try Data(contentsOf: root.appendingPathComponent("reports/summary.schema.json"))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }

    /// Checks `object` against `schema`'s declared and required keys, and returns the problems.
    private func problems(_ object: [String: Any], _ schema: [String: Any], at path: String) -> [String] {
        let declared = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        let required = Set(schema["required"] as? [String] ?? [])
        var found: [String] = []
        for key in object.keys where !declared.contains(key) { found.append("\(path).\(key) is not in the schema") }
        for key in required where object[key] == nil { found.append("\(path).\(key) is required but missing") }
        return found
    }

    @Test func everyKeyWrittenIsDeclaredAndEveryRequiredKeyIsWritten() throws {
        let out = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "--clients", "100", "--duration", "5s", "--out", out, "--quiet",
                                  "--threshold", "message_delivery.p99<1ms"])
        let summary = try SimrunBinary.summary(in: out)
        let schema = try schema
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        var found = problems(summary, schema, at: "summary")
        found += problems(summary["messages"] as? [String: Any] ?? [:], properties["messages"] ?? [:], at: "messages")
        let latencySchema = properties["latency"]?["additionalProperties"] as? [String: Any] ?? [:]
        for (name, metric) in summary["latency"] as? [String: [String: Any]] ?? [:] {
            found += problems(metric, latencySchema, at: "latency.\(name)")
        }
        for key in ["invariants", "thresholds"] {
            let items = properties[key]?["items"] as? [String: Any] ?? [:]
            let entries = summary[key] as? [[String: Any]] ?? []
            #expect(!entries.isEmpty, "the run wrote no \(key)")
            for entry in entries { found += problems(entry, items, at: key) }
        }
        #expect(found.isEmpty, "\(found)")
        #expect(summary["schema_version"] as? Int == (properties["schema_version"]?["const"] as? Int))
    }
}
