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
    ])
    func aHostileValueExits64NamingItsKey(arguments: [String], message: String) throws {
        let out = try SimrunBinary.temporaryFolder() + "/reports"
        let result = try SimrunBinary.run(["run", "quickstart"] + arguments + ["--out", out])
        #expect(result.status == 64, "stderr was: \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
