import Foundation
import Testing
import SimCheckers
import SimEvents
import SimRuntime

/// Traces recorded by earlier builds (schema version 1) still read and judge as they did then:
/// the same event counts, hashes and verdicts that build's `simrun check` printed.
@Suite("Recorded traces")
struct RecordedTraceTests {
    static let recordings: [(file: String, events: UInt64, hash: String, violated: [String: Int])] = [
        ("v1-b2b-portal", 504, "78d74886056ded89", [:]),
        ("v1-node-crash", 2_689, "ae4179984d7a2384", [:]),
        ("v1-support-desk", 1_658, "a928bfb2271bf32e", [:]),
        ("small-bad", 465, "c63992ec7f8696a5", ["no_receipt_for_own_message": 15]),
    ]

    @Test(arguments: recordings)
    func aSchemaOneTraceChecksAsItDidWhenRecorded(recording: (file: String, events: UInt64, hash: String,
                                                             violated: [String: Int])) throws {
        let url = try #require(Bundle.module.url(forResource: recording.file, withExtension: "jsonl",
                                                 subdirectory: "Fixtures"))
        let recorder = TraceRecorder(observer: GuaranteeSuite(firstLine: 1))
        // Written before traces had a header and a closing line: read with --allow-unsealed.
        #expect(throws: TraceReadError.self) { try TraceReader.read(path: url.path) { _, _ in } }
        let file = try TraceReader.read(path: url.path, options: TraceReader.Options(allowUnsealed: true)) { time, event in
            recorder.record(event, at: time)
        }
        #expect(file.schema == 1 && file.seal == .absent)
        #expect(file.events == recording.events && recorder.count == recording.events)
        #expect(recorder.hash.hexDigest == recording.hash && file.hash == recorder.hash)
        let end = recorder.lastTime
        let judgement = recorder.withObserver { $0.judgement(at: end) }
        let violated = Dictionary(uniqueKeysWithValues: judgement.violated.map { ($0.name, $0.violations) })
        #expect(violated == recording.violated)
        #expect(judgement.delivery.lost == 0)
    }
}
