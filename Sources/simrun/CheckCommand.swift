import ArgumentParser
import Foundation
import SimCheckers
import SimEvents

/// `simrun check TRACE.jsonl`: runs the guarantee checkers over a recorded trace.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a recorded trace (from 'simrun run --trace') against the guarantees.",
        discussion: "Judges the guarantees only: SLO thresholds need a run. A trace must be complete and unedited: its "
            + "header first, its promises (check_parameters) next, times that never go back, and a closing line whose "
            + "event count and hash its events add up to. Prints the trace's hash, which equals the run's trace_hash. "
            + "Exits 0 when every guarantee holds, 2 when one is violated, 64 when the file is not a trace it can judge."
    )

    @Argument(help: "The trace file, one JSON object per line.")
    var trace: String

    @Flag(help: "Judge a trace without a header or closing line, or whose closing line does not add up (schema 1, hand-written or edited), and say so.")
    var allowUnsealed = false

    @Option(help: ArgumentHelp("Print the N trace lines either side of each violated guarantee's first finding.",
                               valueName: "N"))
    var context = 0

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard context >= 0 else { throw ValidationError("--context must not be negative, got \(context)") }
    }

    func run() throws {
        // The same path as a live run: every event into a recorder whose observer is every checker.
        let recorder = TraceRecorder(observer: GuaranteeSuite(firstLine: TraceReader.schema(ofFile: trace) >= 2 ? 2 : 1))
        let file: TraceReader.FileSummary
        do throws(TraceReadError) {
            file = try TraceReader.read(path: trace, options: TraceReader.Options(allowUnsealed: allowUnsealed)) { time, event in
                recorder.record(event, at: time)
            }
        } catch {
            FileHandle.standardError.write(Data("simrun: \(error.description)\n".utf8))
            throw ExitStatus.badInput.exitCode
        }
        let end = recorder.lastTime
        let judgement = recorder.withObserver { $0.judgement(at: end) }
        let delivery = judgement.delivery
        if !quiet {
            let run = [file.header.scenario.map { "scenario \($0)" }, file.header.seed.map { "seed \($0)" },
                       file.header.simrun.map { "simrun \($0)" }].compactMap { $0 }
            print("""
                \(trace)\(run.isEmpty ? "" : "  (" + run.joined(separator: ", ") + ")")
                  events     \(recorder.count), trace \(recorder.hash.hexDigest) (schema \(file.schema), \(sealText(file.seal)))
                  messages   \(delivery.sent) sent, \(delivery.accepted) accepted, \(delivery.delivered)/\(delivery.owed) \
                deliveries, \(delivery.lost) lost, \(delivery.reportedLost) reported missing, \(delivery.duplicates) duplicated
                """)
            if case .mismatched(let problem) = file.seal { print("  UNSEALED   \(problem); judged as written") }
            for finding in judgement.violated {
                print("  VIOLATED   \(finding.summaryLine)")
                if context > 0, let line = finding.firstLine { printContext(around: line) }
            }
            print("  verdict    \(judgement.verdict.rawValue.uppercased())   (guarantees only; SLO thresholds need a run)")
        }
        if judgement.verdict == .fail { throw ExitStatus.guaranteeViolated.exitCode }
    }

    private func sealText(_ seal: TraceReader.Seal) -> String {
        switch seal {
        case .verified: "sealed"
        case .absent: "unsealed: no closing line, judged as written"
        case .mismatched: "closing line does not add up"
        }
    }

    /// Prints the trace's lines around `line`, marking it.
    private func printContext(around line: Int) {
        guard let text = try? String(contentsOfFile: trace, encoding: .utf8) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let range = Swift.max(1, line - context)...Swift.min(lines.count, line + context)
        for number in range where number <= lines.count {
            print("    \(number == line ? ">" : " ") \(number): \(lines[number - 1])")
        }
    }
}
