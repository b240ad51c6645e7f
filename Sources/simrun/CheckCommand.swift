import ArgumentParser
import Foundation
import SimCheckers
import SimEvents

/// `simrun check TRACE.jsonl`: runs the guarantee checkers over a recorded trace.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a recorded trace (from 'simrun run --trace') against the guarantees.",
        discussion: "Reads traces of schema versions \(TraceSchema.readableVersions.lowerBound) to "
            + "\(TraceSchema.readableVersions.upperBound); a trace of version 2 must be complete and unedited (its closing line "
            + "gives its event count and hash). Prints the trace's hash, which equals the run's trace_hash. "
            + "Exits 0 when every guarantee holds, 2 when one is violated, 64 when the file cannot be read."
    )

    @Argument(help: "The trace file, one JSON event per line.")
    var trace: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        // The same path as a live run: every event into a recorder whose observer is every checker.
        let recorder = TraceRecorder(observer: GuaranteeSuite())
        let file: TraceReader.FileSummary
        do throws(TraceReadError) {
            file = try TraceReader.read(path: trace) { time, event in recorder.record(event, at: time) }
        } catch {
            FileHandle.standardError.write(Data("simrun: \(error.description)\n".utf8))
            throw ExitStatus.badInput.exitCode
        }
        let end = recorder.lastTime
        let judgement = recorder.withObserver { $0.judgement(at: end) }
        let delivery = judgement.delivery
        if !quiet {
            print("""
                \(trace)
                  events     \(recorder.count), trace \(recorder.hash.hexDigest) (schema \(file.schema)\
                \(file.sealed ? ", sealed" : ", unsealed"))
                  messages   \(delivery.sent) sent, \(delivery.accepted) accepted, \(delivery.delivered)/\(delivery.owed) \
                deliveries, \(delivery.lost) lost, \(delivery.duplicates) duplicated
                """)
            for violation in judgement.violations { print("  VIOLATED   \(violation)") }
            print("  verdict    \(judgement.verdict.rawValue.uppercased())")
        }
        if judgement.verdict == .fail { throw ExitStatus.guaranteeViolated.exitCode }
    }
}
