import Foundation
import Testing

@Suite("simrun command line", .serialized)
struct CommandLineTests {
    private let small = ["--clients", "150", "--duration", "10s", "--quiet"]

    private func traceHash(seed: Int) throws -> String {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "quickstart", "--seed", "\(seed)", "--out", out] + small)
        #expect(result.status == 0, "\(result.standardError)")
        return try SimrunBinary.summary(in: out)["trace_hash"] as? String ?? ""
    }

    @Test func theSameSeedGivesTheSameTraceHashInSeparateProcesses() throws {
        let first = try traceHash(seed: 7)
        let second = try traceHash(seed: 7)
        #expect(first.count == 16)
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentTraceHashes() throws {
        #expect(try traceHash(seed: 7) != traceHash(seed: 8))
    }

    @Test func aRunWritesTheSummaryWithEveryRequiredKey() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "quickstart", "--seed", "7", "--out", out] + small)
        #expect(result.status == 0)
        let summary = try SimrunBinary.summary(in: out)
        for key in ["schema_version", "scenario", "seed", "mode", "trace_hash", "events", "virtual_seconds",
                    "wall_seconds", "verdict", "allocator", "command"] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        #expect(summary["scenario"] as? String == "quickstart")
        #expect(summary["seed"] as? Int == 7)
        #expect(summary["mode"] as? String == "sim")
        #expect(summary["verdict"] as? String == "pass")
        #expect((summary["events"] as? Int ?? 0) > 0)
        // 10 s of load plus the 5 s drain, exactly, in virtual time.
        #expect(summary["virtual_seconds"] as? Double == 15)
        let delivery = (summary["latency"] as? [String: Any])?["message_delivery"] as? [String: Any]
        #expect((delivery?["count"] as? Int ?? 0) > 0)
        for key in ["mean_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms"] {
            #expect(delivery?[key] as? Double != nil, "latency.message_delivery lacks \(key)")
        }
        let p50 = delivery?["p50_ms"] as? Double ?? 0, p99 = delivery?["p99_ms"] as? Double ?? 0
        #expect(p50 > 0 && p50 <= p99)
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(Set(files) == ["summary.json", "summary.md", "junit.xml", "latency.csv", "timeseries.csv", "report.html",
                               "histograms.json"], "files written: \(files)")
        // The whole histograms hold every value the summary counts.
        let histograms = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/histograms.json")))
            as? [String: Any]
        let buckets = (histograms?["latency"] as? [String: Any])?["message_delivery"] as? [[Int]] ?? []
        #expect(histograms?["unit"] as? String == "ns")
        #expect(buckets.reduce(0) { $0 + $1[1] } == delivery?["count"] as? Int)
        // The rows add up to the run's totals.
        let rows = try String(contentsOfFile: out + "/timeseries.csv", encoding: .utf8).split(separator: "\n")
        let header = rows[0].split(separator: ",").map(String.init)
        let cells = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func total(_ column: String) -> Int {
            let index = header.firstIndex(of: column)!
            return cells.reduce(0) { $0 + Int($1[index])! }
        }
        let messages = summary["messages"] as? [String: Any]
        #expect(total("messages_sent") == messages?["sent"] as? Int)
        #expect(total("message_delivery_count") == messages?["delivered"] as? Int)
        // A second without deliveries has no latency, not a latency of zero.
        let count = header.firstIndex(of: "message_delivery_count")!, median = header.firstIndex(of: "message_delivery_p50_ms")!
        #expect(cells.allSatisfy { $0.count == header.count })
        #expect(cells.contains { $0[count] == "0" }, "the drain's last seconds deliver nothing")
        #expect(cells.allSatisfy { ($0[count] == "0") == ($0[median].isEmpty) })
    }

    @Test func versionPrintsTheProductsVersionAndTheTraceHeaderRecordsIt() throws {
        let result = try SimrunBinary.run(["--version"])
        #expect(result.status == 0)
        let version = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(version)")
        let out = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "--clients", "20", "--duration", "2s", "--trace", "--quiet", "--out", out])
        let header = try String(contentsOfFile: out + "/trace.jsonl", encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.contains("\"simrun\":\"\(version)\""), "\(header)")
    }

    @Test func aBareRunUsesTheDefaultScenario() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["--out", out] + small)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try SimrunBinary.summary(in: out)["scenario"] as? String == "quickstart")
    }

    @Test func theTraceFileHoldsEveryEventAsJSONLines() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--seed", "3", "--out", out, "--trace"] + small)
        #expect(result.status == 0)
        let summary = try SimrunBinary.summary(in: out)
        let lines = try String(contentsOfFile: out + "/trace.jsonl", encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        // A header, every event, and a closing line that seals the file with its count and hash.
        #expect(objects.first?["trace"] as? String == "simrun" && objects.first?["schema"] as? Int == 2)
        #expect(objects.last?["trace_end"] as? String == "simrun")
        #expect(objects.last?["events"] as? Int == summary["trace_events"] as? Int)
        #expect(objects.last?["hash"] as? String == summary["trace_hash"] as? String)
        #expect(lines.count == (summary["trace_events"] as? Int ?? 0) + 2)
        // The promises the checkers hold the run to come first, so that the file checks alone.
        #expect(objects[1]["event"] as? String == "check_parameters")
        #expect(objects[1]["rate_limit"] as? Int == 60)
        #expect(objects[1]["guarantee"] as? String == "at_most_once")
        let firstJoin = objects.first { $0["event"] as? String == "member_joined" }
        // A client joins once connected, after its token was checked.
        #expect((firstJoin?["t_ns"] as? Int ?? 0) > 0)
    }

    @Test func checkingARecordedTraceReproducesTheRunsHashAndVerdict() throws {
        let out = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "--seed", "4", "--out", out, "--trace"] + small)
        let hash = try SimrunBinary.summary(in: out)["trace_hash"] as? String ?? "none"
        let check = try SimrunBinary.run(["check", out + "/trace.jsonl"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("trace \(hash) (schema 2, sealed)"))
        #expect(check.standardOutput.contains("verdict    PASS"))
    }

    /// The promises as a trace of schema version 1 wrote them: at-least-once.
    private static let promises = #"{"t_ns":0,"event":"check_parameters","guarantee":1,"dedup_window_ns":0,"rate_limit":0,"#
        + #""rate_window_ns":1,"typing_expiry_ns":1,"presence_bound_ns":1,"notification_attempts":1,"#
        + #""notification_deadline_ns":1}"#

    @Test func checkingAHandWrittenTraceWithAMessageOutOfOrderExits2AndShowsWhere() throws {
        let path = try SimrunBinary.temporaryFolder() + "/trace.jsonl"
        let lines = [
            Self.promises,
            #"{"t_ns":0,"event":"member_joined","user":1,"room":0}"#,
            #"{"t_ns":5,"event":"message_accepted","room":0,"seq":1,"user":2,"client_message":7}"#,
            #"{"t_ns":6,"event":"message_accepted","room":0,"seq":2,"user":2,"client_message":8}"#,
            #"{"t_ns":9,"event":"message_delivered","user":1,"room":0,"seq":2}"#,
            #"{"t_ns":10,"event":"message_delivered","user":1,"room":0,"seq":1}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        // Hand-written: no header, no closing line.
        #expect(try SimrunBinary.run(["check", path]).status == 64)
        let check = try SimrunBinary.run(["check", path, "--allow-unsealed", "--context", "1"])
        #expect(check.status == 2)
        #expect(check.standardOutput.contains("unsealed: no closing line, judged as written"))
        #expect(check.standardOutput.contains("client-1 received seq 2 of room-0 at 0.000000009 s but had not received, nor "
                                              + "been told it cannot have, seq 1 (trace line 5)"))
        #expect(check.standardOutput.contains("    > 5: " + lines[4]))
        #expect(check.standardOutput.contains("      4: " + lines[3]))
        #expect(check.standardOutput.contains("guarantees only; SLO thresholds need a run"))
    }

    @Test(arguments: [
        (#"{"t_ns":0,"event":"member_joined","user":1}"#, ":2: event 'member_joined' lacks 'room'"),
        (#"{"event":"member_joined","user":1,"room":2}"#, #":2: no "t_ns""#),
        (#"{"t_ns":0,"event":"joined","user":1}"#, ":2: unknown event 'joined'"),
        (#"{"t_ns":0 "event":"member_joined"}"#, ":2: expected '}' at column 11"),
    ])
    func checkingAMalformedTraceExits64NamingTheLine(line: String, message: String) throws {
        let path = try SimrunBinary.temporaryFolder() + "/trace.jsonl"
        try (Self.promises + "\n" + line).write(toFile: path, atomically: true, encoding: .utf8)
        let check = try SimrunBinary.run(["check", path, "--allow-unsealed"])
        #expect(check.status == 64)
        #expect(check.standardError.contains(path + message), "stderr was: \(check.standardError)")
    }

    @Test func checkingRefusesWhatIsNotACompleteUneditedTrace() throws {
        let out = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "--seed", "5", "--out", out, "--trace"] + small)
        let lines = try String(contentsOfFile: out + "/trace.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        let folder = try SimrunBinary.temporaryFolder()
        func check(_ text: String, _ extra: [String] = []) throws -> SimrunBinary.Result {
            try text.write(toFile: folder + "/t.jsonl", atomically: true, encoding: .utf8)
            return try SimrunBinary.run(["check", folder + "/t.jsonl"] + extra)
        }
        let truncated = lines.prefix(lines.count * 6 / 10).joined(separator: "\n")
        var edited = lines
        let target = try #require(lines.indices.first { $0 > lines.count / 2 && lines[$0].contains("\"room\":") })
        edited[target] = lines[target].replacingOccurrences(of: "\"room\":", with: "\"room\":9")
        let headerMoved = ([lines[1], lines[0]] + lines.dropFirst(2)).joined(separator: "\n")
        let cases: [(String, String, String)] = [
            ("an empty file", "", "the file is empty"),
            ("a truncated trace", truncated, "incomplete trace:"),
            ("an edited trace", edited.joined(separator: "\n"), "it was edited or cut"),
            ("a trace whose header moved", headerMoved, "is not a header"),
            ("a trace without its header", lines.dropFirst().joined(separator: "\n"), "is not a header"),
        ]
        #expect(edited[target] != lines[target])
        for (name, text, message) in cases {
            let result = try check(text)
            #expect(result.status == 64, "\(name)")
            #expect(result.standardError.contains(message), "\(name): \(result.standardError)")
        }
        for path in ["/dev/null", folder] {
            #expect(try SimrunBinary.run(["check", path]).status == 64, "\(path)")
        }
        // With --allow-unsealed an edited trace is judged, and says so.
        let judged = try check(edited.joined(separator: "\n"), ["--allow-unsealed"])
        #expect(judged.status != 64 && judged.standardOutput.contains("UNSEALED"))
        #expect(try check(lines.joined(separator: "\n")).status == 0)
    }

    @Test func progressLinesAppearEvery4096EventsAtAZeroIntervalAndNotWhenQuiet() throws {
        let out = try SimrunBinary.temporaryFolder()
        let arguments = ["run", "--seed", "2", "--clients", "150", "--duration", "10s", "--out", out,
                         "--progress-interval", "0s"]
        let shown = try SimrunBinary.run(arguments)
        #expect(shown.status == 0)
        let events = try SimrunBinary.summary(in: out)["events"] as? Int ?? 0
        let lines = shown.standardError.split(separator: "\n")
        #expect(lines.count == events / 4096, "\(lines.count) lines for \(events) events")
        #expect(lines.allSatisfy { $0.hasPrefix("progress  [") && $0.contains(" s of 10 s load  ")
                && $0.hasSuffix(" clients  0 violations") })
        let quiet = try SimrunBinary.run(arguments + ["--quiet"])
        #expect(quiet.standardError.isEmpty && quiet.standardOutput.isEmpty)
    }

    @Test func liveModeCompletesTheSameScenario() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "quickstart", "--mode", "live", "--clients", "100",
                                           "--duration", "1s", "--out", out, "--quiet"])
        // Live latency is wall-clock time, so its SLOs may or may not be met (exit 0 or 1); the
        // run must complete with every guarantee holding.
        #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
        let summary = try SimrunBinary.summary(in: out)
        #expect(summary["mode"] as? String == "live")
        let invariants = summary["invariants"] as? [[String: Any]] ?? []
        #expect(invariants.count == 18 && invariants.allSatisfy { $0["status"] as? String == "pass" },
                "\(invariants.filter { $0["status"] as? String != "pass" })")
        let messages = summary["messages"] as? [String: Any]
        #expect((messages?["delivered"] as? Int ?? 0) > 0)
        #expect(messages?["delivered"] as? Int == messages?["expected_deliveries"] as? Int)
        #expect((summary["wall_seconds"] as? Double ?? 0) >= 1)
    }

    /// Starts `simrun` with `arguments`, waits until its run is under way (the partial trace
    /// exists, and with `polling`, the first progress line is out), sends `signal`, and returns
    /// its exit status and standard error.
    private func interrupt(_ arguments: [String], in out: String, with signal: Int32,
                           polling: Bool = false) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = SimrunBinary.url
        process.arguments = arguments + ["--trace", "--out", out]
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        while process.isRunning,
              !(try FileManager.default.contentsOfDirectory(atPath: out)).contains(where: { $0.hasSuffix(".partial") }) {
            usleep(10_000)
        }
        var text = ""
        if polling { text = String(decoding: error.fileHandleForReading.availableData, as: UTF8.self) }
        kill(process.processIdentifier, signal)
        var waited = 0
        while process.isRunning && waited < 6000 {
            usleep(10_000)
            waited += 1
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("simrun ignored signal \(signal) for a minute")
        }
        process.waitUntilExit()
        text += String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text)
    }

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, 143, "SIGTERM"), (SIGHUP, 129, "SIGHUP")])
    func aSignalEndsTheRunWithItsCodeAndLeavesNothingBehind(signal: Int32, status: Int32, name: String) throws {
        let out = try SimrunBinary.temporaryFolder()
        let (code, error) = try interrupt(["run", "quickstart", "--duration", "1h", "--progress-interval", "100ms"],
                                          in: out, with: signal, polling: true)
        #expect(code == status)
        #expect(error.contains("interrupted by \(name) at virtual time"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    /// Building two million rooms is one long step that never polls for a signal: the watchdog
    /// ends the process after its second of grace, and still removes the partial trace.
    @Test func aSignalEndsEvenAStepThatDoesNotPoll() throws {
        let out = try SimrunBinary.temporaryFolder()
        let (code, error) = try interrupt(["run", "quickstart", "--set", "rooms=2000000", "--set", "rooms_per_client=1"],
                                          in: out, with: SIGINT)
        #expect(code == 130)
        #expect(error.contains("did not stop within a second"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func anUnwritableOutFolderIsRefusedBeforeTheRun() throws {
        let result = try SimrunBinary.run(["run", "--out", "/proc"] + small)
        #expect(result.status == 64)
        #expect(result.standardError.contains("--out /proc: cannot write there"), "\(result.standardError)")
    }

    @Test func aRunClearsThePreviousRunsReportsFromItsFolder() throws {
        let out = try SimrunBinary.temporaryFolder()
        try "stale".write(toFile: out + "/trace.jsonl", atomically: true, encoding: .utf8)
        try "stale".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try SimrunBinary.run(["run", "--out", out] + small)
        #expect(result.status == 0, "\(result.standardError)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(names == ["junit.xml", "summary.md", "latency.csv", "timeseries.csv", "report.html", "histograms.json",
                          "summary.json", "notes.txt"])
    }

    @Test func anUnreachableThresholdExits1WithAFailingJUnitCase() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--seed", "3", "--out", out,
                                           "--threshold", "message_delivery.p99<1ms",
                                           "--threshold", "delivery_ratio>=0.999"] + small)
        #expect(result.status == 1, "\(result.standardError)")
        let summary = try SimrunBinary.summary(in: out)
        #expect(summary["verdict"] as? String == "fail")
        // The scenario's own SLOs come first, then the command line's.
        let thresholds = summary["thresholds"] as? [[String: Any]] ?? []
        #expect(thresholds.map { $0["condition"] as? String } == [
            "message_delivery.p99<100ms", "delivery_ratio>=0.999", "message_delivery.p99<1ms", "delivery_ratio>=0.999"])
        #expect(thresholds.map { $0["passed"] as? Bool } == [true, true, false, true])
        let junit = try String(contentsOfFile: out + "/junit.xml", encoding: .utf8)
        #expect(junit.contains(#"<testcase classname="quickstart" name="threshold.message_delivery.p99&lt;1ms">"#))
        #expect(junit.contains(#"failures="1""#))
        #expect(junit.contains(" ms, limit &lt; 1.00 ms"), "the failure gives the observed value, the limit and the unit")
    }

    /// Off a terminal the summary stays plain; CLICOLOR_FORCE marks results with ✓ and ✗ in
    /// colour, and NO_COLOR keeps the marks without the colour.
    @Test func resultsAreMarkedAndColouredOnlyWhenAsked() throws {
        let arguments = ["run", "--seed", "3", "--threshold", "message_delivery.p99<1us", "--clients", "60", "--duration", "3s"]
        let plain = try SimrunBinary.run(arguments + ["--out", try SimrunBinary.temporaryFolder()],
                                         environment: ["CLICOLOR_FORCE": nil])
        #expect(plain.status == 1)
        #expect(plain.standardOutput.contains("  SLO BREACHED message_delivery.p99<1us (observed "))
        #expect(plain.standardOutput.contains("  verdict    FAIL"))
        #expect(!plain.standardOutput.contains("\u{1B}["))
        let coloured = try SimrunBinary.run(arguments + ["--out", try SimrunBinary.temporaryFolder()],
                                            environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": nil])
        #expect(coloured.standardOutput.contains("\u{1B}[31m✗ SLO BREACHED message_delivery.p99<1us"))
        #expect(coloured.standardOutput.contains("\u{1B}[32m✓ SLO met      message_delivery.p99<100ms"))
        #expect(coloured.standardOutput.contains("verdict    \u{1B}[31m✗ FAIL\u{1B}[0m"))
        let marked = try SimrunBinary.run(arguments + ["--out", try SimrunBinary.temporaryFolder()],
                                          environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": ""])
        #expect(marked.standardOutput.contains("verdict    ✗ FAIL   reports in"))
        #expect(!marked.standardOutput.contains("\u{1B}["))
    }

    /// Progress lines off a terminal: a bar, an estimate of the time left and, from the first
    /// line on, the engine's rate.
    @Test func progressShowsABarAnETAAndTheRateFromTheFirstLine() throws {
        let result = try SimrunBinary.run(["run", "--seed", "3", "--clients", "300", "--duration", "20s",
                                           "--progress-interval", "0.05s", "--out", try SimrunBinary.temporaryFolder()])
        #expect(result.status == 0)
        let lines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("progress") }
        let first = try #require(lines.first)
        #expect(first.contains("["), "\(first)")
        #expect(first.contains("ETA"))
        #expect(first.contains("s of 20 s load"))
        #expect(!first.contains("  0.00M events/s"), "\(first)")
    }

    @Test func thresholdsOnTheMeanThe95thPercentileCountsAndRatesAreJudged() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--seed", "3", "--out", out,
                                           "--threshold", "message_delivery.avg<10s", "--threshold", "message_delivery.p95<1us",
                                           "--threshold", "messages.lost==0", "--threshold", "messages.delivered.rate>=1/s",
                                           "--threshold", "messages.accepted<1"] + small)
        #expect(result.status == 1, "\(result.standardError)")
        let summary = try SimrunBinary.summary(in: out)
        let thresholds = (summary["thresholds"] as? [[String: Any]] ?? []).dropFirst(2)
        #expect(thresholds.map { $0["passed"] as? Bool } == [true, false, true, true, false])
        #expect(thresholds.map { $0["unit"] as? String } == ["ms", "ms", "", "/s", ""])
        #expect(thresholds.map { $0["comparison"] as? String } == ["<", "<", "==", ">=", "<"])
        let latency = (summary["latency"] as? [String: Any])?["message_delivery"] as? [String: Any]
        let mean = try #require(latency?["mean_ms"] as? Double)
        let p95 = try #require(latency?["p95_ms"] as? Double)
        #expect(mean > 0 && p95 > (latency?["p50_ms"] as? Double ?? .infinity))
        let markdown = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(markdown.contains("- threshold `message_delivery.p95<1us`: observed "))
        #expect(markdown.contains(" ms, limit < 0.00100 ms"))
        #expect(markdown.contains("- threshold `messages.accepted<1`: observed "))
    }

    @Test func aMetThresholdKeepsTheRunPassing() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["run", "--out", out, "--threshold", "message_delivery.p99<10s"] + small)
        #expect(result.status == 0)
        #expect(try SimrunBinary.summary(in: out)["verdict"] as? String == "pass")
    }

    @Test(arguments: [
        (["run", "--threshold", "message_delivery.p98<1ms"], "unknown statistic 'p98'"),
        (["run", "--threshold", "message_delivery.mean<1ms"], "unknown statistic 'mean'; accepted: avg, p50, p90, p95"),
        (["run", "--threshold", "messages.lost=0"], "'=' is not a comparison; write <, <=, >, >= or =="),
        (["run", "--threshold", "messages.lots==0"], "unknown message count 'lots'"),
        (["run", "--threshold", "stage.bogus.p99<1ms"], "unknown metric 'stage.bogus'. Did you mean 'stage.parse'?"),
        (["run", "--threshold", "message_delivery[node=1].p99<1s"], "unknown metric 'message_delivery[node=1]'"),
        (["run", "--threshold", "delivery_ratio>=0x10"], "at character 17: '0x10' is not a ratio from 0 to 1"),
        (["run", "--bogus"], "Unknown option '--bogus'"),
        (["run", "--seed", "minus-one"], "--seed"),
        (["run", "--duration", "5x"], "'5x' is not a duration"),
        (["run", "--mode", "turbo"], "--mode"),
        (["run", "quickstrat"], "Did you mean 'quickstart'?"),
        (["run", "--clients", "0"], "--clients (clients): must be between 1 and 10,000,000, got 0"),
        (["run", "--duration", "0s"], "--duration (duration): must be longer than zero"),
    ])
    func badInputExits64WithAClearMessageAndWritesNothing(arguments: [String], message: String) throws {
        let out = try SimrunBinary.temporaryFolder() + "/reports"
        let result = try SimrunBinary.run(arguments + ["--out", out])
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
