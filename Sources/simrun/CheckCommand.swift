import ArgumentParser
import Foundation
import SimEngine

/// `simrun check TRACE.jsonl`: runs the guarantee checkers over a recorded trace.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a recorded trace (from 'simrun run --trace') against the guarantees.",
        discussion: "Prints the trace's hash, which equals the run's trace_hash when the file is complete. "
            + "Exits 0 when every guarantee holds, 2 when one is violated, 64 when the file cannot be read."
    )

    @Argument(help: "The trace file, one JSON event per line.")
    var trace: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let recorder = TraceRecorder()
        do throws(TraceReadError) {
            try TraceReader.read(path: trace) { time, event in recorder.record(event, at: time) }
        } catch {
            FileHandle.standardError.write(Data("simrun: \(error.description)\n".utf8))
            throw ExitStatus.badInput.exitCode
        }
        let delivery = recorder.deliveryReport
        let outcome = ScenarioOutcome(clients: 0, delivery: delivery, findings: recorder.findings())
        if !quiet {
            print("""
                \(trace)
                  events     \(recorder.count), trace \(recorder.hash.hexDigest)
                  messages   \(delivery.sent) sent, \(delivery.accepted) accepted, \(delivery.delivered)/\(delivery.owed) \
                deliveries, \(delivery.lost) lost, \(delivery.duplicates) duplicated
                """)
            for violation in outcome.violations { print("  VIOLATED   \(violation)") }
            print("  verdict    \(outcome.verdict.rawValue.uppercased())")
        }
        if !outcome.violations.isEmpty { throw ExitStatus.guaranteeViolated.exitCode }
    }
}
