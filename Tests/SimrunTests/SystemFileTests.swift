import Foundation
import Testing

/// `--system FILE`: the system's configuration from YAML or JSON, and what bad files get.
@Suite("system configuration files")
struct SystemFileTests {
    private let small = ["--clients", "60", "--duration", "5s", "--quiet"]

    private func write(_ text: String, as name: String) throws -> String {
        let path = try SimrunBinary.temporaryFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aYAMLFileConfiguresTheSystemAndTheReproductionNamesIt() throws {
        let file = try write("""
            gateway:
              nodes: 3
            bus: { kind: stream }
            delivery:
              guarantee: effectively_once
            """, as: "system.yaml")
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--system", file, "--out", out] + small)
        #expect(result.status == 0 || result.status == 1, "stderr was: \(result.standardError)")
        let summary = try SimrunBinary.summary(in: out)
        #expect((summary["command"] as? String)?.hasSuffix("--system '\(file)'") == true)
        // A different system gives a different run of the same scenario and seed.
        let plain = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "--out", plain] + small)
        #expect(try SimrunBinary.summary(in: plain)["trace_hash"] as? String != summary["trace_hash"] as? String)
    }

    @Test(arguments: [
        ("gateway:\n  nodes: 3\n  heartbeat_intervall: 10s\n", "system.yaml:3: system.gateway.heartbeat_intervall: unknown key 'heartbeat_intervall'. Did you mean 'heartbeat_interval'?"),
        ("gateway:\n  nodes: -2\n", "system.yaml:2: system.gateway.nodes: must be between 1 and 1,024, got -2"),
        ("gateway:\n  nodes: three\n", "system.yaml:2: system.gateway.nodes: has the wrong type: expected a whole number"),
        ("gateway: {\n  nodes: 3\n", "system.yaml:3: is not valid YAML or JSON"),
        ("store:\n  read_latency: { kind: uniform, min: 0.5, max: 0.1 }\n", "system.yaml:2: system.store.read_latency: uniform needs 0 <= min <= max"),
        ("network:\n  client_link:\n    loss_rate: 1.5\n", "system.yaml:3: system.network.client_link.loss_rate: must be between 0 and 1"),
    ])
    func aBadFileExits64NamingFileLineAndKey(text: String, message: String) throws {
        let file = try write(text, as: "system.yaml")
        let out = try SimrunBinary.temporaryFolder() + "/reports"
        let result = try SimrunBinary.run(["run", "--system", file, "--out", out] + small)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingFileIsNamed() throws {
        let result = try SimrunBinary.run(["run", "--system", "/nonexistent/system.yaml"] + small)
        #expect(result.status == 64)
        #expect(result.standardError.contains("/nonexistent/system.yaml: does not exist"))
    }

    @Test func anInjectedFaultExits2AndJUnitFailsItsGuaranteeAndTheBreachedThreshold() throws {
        let file = try write("faults: { receipts_to_reader: true }\n", as: "faulty.yaml")
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--system", file, "--out", out, "--clients", "60", "--duration", "5s",
                                           "--threshold", "message_delivery.p99<1ms"])
        #expect(result.status == 2)  // a violated guarantee wins over the breached threshold
        #expect(result.standardOutput.contains("VIOLATED   no_receipt_for_own_message"))
        #expect(result.standardOutput.contains("reproduce  simrun run quickstart --seed 1"))
        let junit = try String(contentsOfFile: out + "/junit.xml", encoding: .utf8)
        #expect(junit.contains(#"name="guarantee.no_receipt_for_own_message">\#n      <failure"#))
        #expect(junit.contains(#"name="threshold.message_delivery.p99&lt;1ms">\#n      <failure"#))
        let summary = try SimrunBinary.summary(in: out)
        let invariants = summary["invariants"] as? [[String: Any]] ?? []
        #expect(invariants.filter { $0["status"] as? String == "fail" }.map { $0["name"] as? String } == ["no_receipt_for_own_message"])
    }

    @Test(arguments: [("edits_untransformed", "replicas_converge"), ("audit_subject_as_actor", "audit_exactly_once_in_order")])
    func aFaultyCollaborationComponentExits2WithItsGuarantee(fault: String, guarantee: String) throws {
        let file = try write("faults: { \(fault): true }\n", as: "faulty-collab.yaml")
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "collab-workspace", "--system", file, "--out", out, "--clients", "300",
                                           "--duration", "20s"])
        #expect(result.status == 2)
        let summary = try SimrunBinary.summary(in: out)
        let invariants = summary["invariants"] as? [[String: Any]] ?? []
        #expect(invariants.filter { $0["status"] as? String == "fail" }.map { $0["name"] as? String } == [guarantee])
    }

    @Test func theCollaborationWorkspaceConvergesAndAuditsEveryAction() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "collab-workspace", "--out", out, "--clients", "300", "--duration", "20s",
                                           "--trace"])
        #expect(result.status == 0, "\(result.standardOutput)")
        let trace = try String(contentsOfFile: out + "/trace.jsonl", encoding: .utf8)
        for event in ["document_revised", "replica_settled", "privileged_action", "audit_recorded"] {
            #expect(trace.contains("\"event\":\"\(event)\""), "no \(event) in the trace")
        }
    }
}
