import Foundation
import Testing

/// The values a hostile or careless user gave the release binary, each of which once crashed,
/// hung or ran away: every one now exits 64 before anything runs, naming the key, and writes
/// nothing.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(arguments: [
        // Counts that corrupted the heap or trapped.
        (["--set", "rooms=9223372036854775807"], "rooms: must be between 1 and 10,000,000"),
        (["--set", "system.gateway.nodes=4294967296"], "system.gateway.nodes: must be between 1 and 1,024"),
        (["--clients", "2147483648"], "--clients (clients): must be between 1 and 10,000,000"),
        (["--set", "system.notifications.retry.max_attempts=4611686018427387904"], "max_attempts: must be between 1 and 100"),
        // Values that hung a run or ran away with memory.
        (["--set", "load={model: open, stages: [{duration: 60s, target: 1e308}]}"], "load.stages[0].target: must be a rate from 0"),
        (["--set", "think_time={kind: constant, value: 1e-300}"], "think_time: the scenario implies about"),
        (["--set", "habits.cursor_updates_per_second=1e9"], "habits.cursor_updates_per_second: must be a number from 0.0 to 100.0"),
        (["--set", "system.gateway.heartbeat_interval=1ns"], "heartbeat_interval: must be from 100ms"),
        (["--set", "rooms=1000000000"], "rooms: must be between 1 and 10,000,000"),
        // Nonsense that ran.
        (["--set", "habits.cursor_updates_per_second=-1"], "habits.cursor_updates_per_second: must be a number from 0.0 to 100.0, got -1.0"),
        (["--set", "habits.cursor_updates_per_second=-.inf"], "is not a finite number"),
        (["--set", "habits.cursor_updates_per_second=.nan"], "is not a finite number"),
        (["--set", "system.signals.presence_bound=500ms"], "presence_bound: (500ms) must be longer than presence_delay (1s)"),
        (["--set", "think_time={kind: lognormal, median: 1, sigma: 1e6}"], "sigma from 0 to 10"),
        // Found by the override fuzz target: a mapping used as a key crashed the YAML library.
        (["--set", "profiles=[{name: a, b}: 1]"], "has a key that is not a plain word"),
    ])
    func aHostileValueExits64NamingItsKey(arguments: [String], message: String) throws {
        let out = try SimrunBinary.temporaryFolder() + "/reports"
        let result = try SimrunBinary.run(["run", "quickstart"] + arguments + ["--out", out])
        #expect(result.status == 64, "stderr was: \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A file with no line breaks once made the reader grow past 3 GB in two seconds.
    @Test func checkingAnEndlessFileWithoutLineBreaksStopsAtTheFirstLine() throws {
        let result = try SimrunBinary.run(["check", "/dev/zero"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("/dev/zero:1: is longer than 4096 bytes"), "\(result.standardError)")
    }
}

/// Errors in files and overrides name the place: file and line, or the flag.
@Suite("Input errors in one form")
struct InputErrorTests {
    /// `simrun explain quickstart`, with `edit` applied to its text, written to a file.
    private func quickstartFile(_ edit: (String) -> [UInt8]) throws -> String {
        let text = try SimrunBinary.run(["explain", "quickstart", "--bare"]).standardOutput
        let path = try SimrunBinary.temporaryFolder() + "/edited.yaml"
        try Data(edit(text)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func lineNumber(of prefix: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    @Test func aRangeErrorInAFileNamesItsLine() throws {
        let original = try SimrunBinary.run(["explain", "quickstart", "--bare"]).standardOutput
        let file = try quickstartFile { Array($0.replacingOccurrences(of: "\nrooms: 400\n", with: "\nrooms: 0\n").utf8) }
        let result = try SimrunBinary.run(["run", file, "--out", try SimrunBinary.temporaryFolder() + "/r"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("\(file):\(lineNumber(of: "rooms:", in: original)): rooms: must be between 1"),
                "\(result.standardError)")
    }

    @Test func aByteThatIsNotUTF8IsNamedByLineAndOffset() throws {
        let file = try quickstartFile { text in
            var bytes = Array(text.utf8)
            bytes.insert(0xFF, at: Array(text.utf8).firstIndex(of: UInt8(ascii: "\n"))! + 1)
            return bytes
        }
        let result = try SimrunBinary.run(["run", file])
        #expect(result.status == 64)
        #expect(result.standardError.contains("\(file):2: is not UTF-8: the byte at offset"), "\(result.standardError)")
    }

    @Test func aControlCharacterIsNamed() throws {
        let file = try quickstartFile { Array($0.replacingOccurrences(of: "\nrooms: 400\n", with: "\nrooms: 400\u{1}\n").utf8) }
        let result = try SimrunBinary.run(["run", file])
        #expect(result.status == 64)
        #expect(result.standardError.contains("holds the control character U+1"), "\(result.standardError)")
    }

    @Test func aDuplicateKeyNamesBothLines() throws {
        let original = try SimrunBinary.run(["explain", "quickstart", "--bare"]).standardOutput
        let file = try quickstartFile { Array($0.replacingOccurrences(of: "\nrooms: 400\n", with: "\nrooms: 400\nrooms: 500\n").utf8) }
        let line = lineNumber(of: "rooms:", in: original)
        let result = try SimrunBinary.run(["run", file])
        #expect(result.status == 64)
        #expect(result.standardError.contains("\(file):\(line): names rooms twice (again on line \(line + 1))"),
                "\(result.standardError)")
    }

    @Test func aWrongWordListsTheAcceptedOnes() throws {
        let result = try SimrunBinary.run(["run", "--set", "system.delivery.guarantee=exactly_once"])
        #expect(result.status == 64)
        #expect(result.standardError.contains(
            "'exactly_once' is not an accepted value; accepted values: at_most_once, at_least_once, effectively_once"),
                "\(result.standardError)")
    }

    @Test(arguments: [
        (["explain", "quickstart", "--set", "....=1"], "'....' is not a key path"),
        (["explain", "quickstart", "--set", "name="], "--set 'name=': name: gives no value"),
        (["explain", "quickstart", "--set", "name=null"], "name: cannot be null"),
        (["explain", "quickstart", "--set", "sesions_per_second=5"], "Did you mean 'sessions_per_second'?"),
    ])
    func aBadOverrideIsRefusedByEveryCommandThatTakesIt(arguments: [String], message: String) throws {
        let result = try SimrunBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func optionalKeysTheScenarioLeavesOutCanBeSet() throws {
        let result = try SimrunBinary.run(["explain", "quickstart", "--bare", "--set", "sessions_per_second=5",
                                           "--set", "session_length={kind: constant, value: 20}",
                                           "--set", "agents={share: 0.1, capacity: 4}"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("sessions_per_second: 5.0\n"))
        #expect(result.standardOutput.contains("session_length:\n  kind: constant\n  value: 20.0\n"))
        #expect(result.standardOutput.contains("agents:\n  share: 0.1\n  capacity: 4\n"))
    }

    /// b2b-portal turns reconnection off; a system file that only sets the node count keeps it
    /// off, and the run fails as the scenario does.
    @Test func aSystemFileIsLaidOverTheScenariosSystem() throws {
        let folder = try SimrunBinary.temporaryFolder()
        try "gateway: { nodes: 3 }\n".write(toFile: folder + "/system.yaml", atomically: true, encoding: .utf8)
        let result = try SimrunBinary.run(["run", "b2b-portal", "--system", folder + "/system.yaml", "--out", folder + "/r"])
        #expect(result.status == 1, "\(result.standardError)")
        let config = try SimrunBinary.summary(in: folder + "/r")["config"] as? [String: Any]
        let system = config?["system"] as? [String: Any]
        #expect((system?["gateway"] as? [String: Any])?["nodes"] as? Int == 3)
        let reconnect = (system?["clients"] as? [String: Any])?["reconnect"] as? [String: Any]
        #expect(reconnect?["enabled"] as? Bool == false)
    }
}
