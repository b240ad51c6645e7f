import Testing
import Scenarios

/// `simrun explain` writes a note beside every key, and the notes change nothing: the file
/// reads back as the same scenario.
@Suite("Scenario key notes")
struct ScenarioKeyNotesTests {
    @Test(arguments: ScenarioCatalog.all.map(\.name))
    func everyKeyHasANoteAndTheNotesReadBackAsNothing(name: String) throws {
        let scenario = try #require(ScenarioCatalog.named(name))
        let plain = try ScenarioSource.text(of: scenario, json: false)
        let annotated = ScenarioKeyNotes.annotate(plain)
        let lines = annotated.split(separator: "\n").map(String.init)
        // A key line carries its note at its end, or has it on the line above.
        for (index, line) in lines.enumerated() {
            let body = line.drop { $0 == " " }.drop { $0 == "-" || $0 == " " }
            guard let colon = body.firstIndex(of: ":"), body[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }),
                  !body.hasPrefix("#") else { continue }
            let above = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
            #expect(line.contains("  # ") || above.hasPrefix("# "), "\(name): no note for '\(line)'")
        }
        let reread = try ScenarioSource.recorded(annotated, file: "\(name).yaml")
        #expect(reread == (try ScenarioSource.recorded(plain, file: "\(name).yaml")),
                "\(name): the annotated file reads back differently from the plain one")
    }

    @Test func notesNameTheUnit() {
        #expect(ScenarioKeyNotes.note(for: "system.store.pool_size")?.contains("store connections") == true)
        #expect(ScenarioKeyNotes.note(for: "system.notifications.providers.email.latency")?.hasPrefix("seconds") == true)
        #expect(ScenarioKeyNotes.note(for: "system.capacity.fanout.service_time.value") == "seconds, every time")
        #expect(ScenarioKeyNotes.note(for: "faults[].at") == "when, from the start of the run")
        #expect(ScenarioKeyNotes.note(for: "no.such.key") == nil)
    }
}
