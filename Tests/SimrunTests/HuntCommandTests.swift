import Foundation
import Testing

/// `simrun explore`, `shrink`, `replay` and `merge`, end to end through the built binary.
@Suite("simrun explore, shrink, replay and merge", .serialized)
struct HuntCommandTests {
    private func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test func exploreFindsThePlantedRaceAndShrinksItToAMinimalScenarioThatStillFails() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["explore", "race-demo", "--seeds", "1..1000", "--stop-on-first", "--jobs", "2",
                                           "--shrink-budget", "80", "--out", out])
        #expect(result.status == 2, "\(result.standardError)")
        let explore = try json(out + "/explore.json")
        let runs = explore["runs"] as? [[String: Any]] ?? []
        #expect(runs.map { $0["seed"] as? Int } == [1, 2, 3, 4])
        let group = try #require((explore["groups"] as? [[String: Any]])?.first)
        #expect(group["name"] as? String == "no_duplicate_within_dedup_window")
        #expect(group["command"] as? String == "simrun run race-demo --seed 4 --clients 40 --duration 20s")
        #expect(result.standardOutput.contains("shrunk     clients 40 → "))
        for name in ["explore.md", "junit.xml", "minimal-1.yaml"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        let markdown = try String(contentsOfFile: out + "/explore.md", encoding: .utf8)
        #expect(markdown.contains("✗ guarantee `no_duplicate_within_dedup_window` | 1 | 4 |"))
        let junit = try String(contentsOfFile: out + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("name=\"guarantee.no_duplicate_within_dedup_window\">"))
        #expect(junit.contains("name=\"guarantee.per_room_order\"/>"))

        // The minimal scenario fails the same way, with fewer clients.
        let minimal = try String(contentsOfFile: out + "/minimal-1.yaml", encoding: .utf8)
        let clients = minimal.split(separator: "\n").first { $0.hasPrefix("clients: ") }.flatMap { Int($0.dropFirst(9)) }
        #expect((clients ?? 40) < 10)
        let seed = markdown.split(separator: "\n").first { $0.contains("minimal-1.yaml --seed") }
            .flatMap { $0.split(separator: " ").drop { !$0.hasSuffix("minimal-1.yaml") }.dropFirst(2).first }
            .flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "`"))) }
        let rerun = try SimrunBinary.temporaryFolder()
        let again = try SimrunBinary.run(["run", out + "/minimal-1.yaml", "--seed", "\(try #require(seed))", "--quiet",
                                          "--out", rerun])
        #expect(again.status == 2)
        let invariants = try SimrunBinary.summary(in: rerun)["invariants"] as? [[String: Any]] ?? []
        #expect(invariants.contains { $0["name"] as? String == "no_duplicate_within_dedup_window" && $0["status"] as? String == "fail" })
    }

    @Test func twoShardsMergedGiveTheSameResultAsOneSearch() throws {
        let whole = try SimrunBinary.temporaryFolder()
        let shards = [try SimrunBinary.temporaryFolder(), try SimrunBinary.temporaryFolder()]
        let merged = try SimrunBinary.temporaryFolder()
        let common = ["explore", "race-demo", "--seeds", "1..24", "--no-shrink", "--quiet", "--jobs", "2"]
        #expect(try SimrunBinary.run(common + ["--out", whole]).status == 2)
        for (index, shard) in shards.enumerated() {
            _ = try SimrunBinary.run(common + ["--shard", "\(index)/2", "--out", shard])
        }
        let result = try SimrunBinary.run(["merge"] + shards + ["--out", merged, "--quiet"])
        #expect(result.status == 2, "\(result.standardError)")
        let one = try json(whole + "/explore.json"), two = try json(merged + "/explore.json")
        for key in ["groups", "thresholds", "messages", "histograms", "verdict", "guarantees"] {
            #expect((one[key] as? NSObject) == (two[key] as? NSObject), "\(key)")
        }
        let hashes = { (summary: [String: Any]) in (summary["runs"] as? [[String: Any]] ?? []).map { $0["trace_hash"] as? String } }
        #expect(hashes(one) == hashes(two) && hashes(one).count == 24)
        #expect(two["shards"] as? [String] == ["0/2", "1/2"])
    }

    @Test func mergingRunsJudgesTheirThresholdsOnTheMergedHistograms() throws {
        var folders: [String] = []
        for seed in 1...3 {
            let out = try SimrunBinary.temporaryFolder()
            _ = try SimrunBinary.run(["run", "race-demo", "--seed", "\(seed)", "--quiet", "--out", out,
                                      "--threshold", "message_delivery.p50<30ms"])
            folders.append(out)
        }
        let merged = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["merge"] + folders + ["--merged", "--out", merged, "--quiet"])
        let summary = try json(merged + "/explore.json")
        let thresholds = summary["thresholds"] as? [[String: Any]] ?? []
        let p50 = try #require(thresholds.first { $0["condition"] as? String == "message_delivery.p50<30ms" })
        #expect(p50["seeds"] as? Int == 3)
        #expect(p50["merged_passed"] as? Bool == false)
        #expect(result.status == 1)
        let bad = try SimrunBinary.run(["merge", "/nonexistent-folder", "--out", merged])
        #expect(bad.status == 64 && bad.standardError.contains("holds neither explore.json nor summary.json"))
    }

    @Test func replayReproducesARecordedRunAndShowsTheTraceAroundItsFirstViolation() throws {
        let out = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "race-demo", "--seed", "4", "--quiet", "--out", out])
        let recorded = try SimrunBinary.summary(in: out)["trace_hash"] as? String
        let result = try SimrunBinary.run(["replay", out])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardOutput.contains("trace \(try #require(recorded)) matches the recorded run"))
        let lines = try String(contentsOfFile: out + "/replay/first-violation.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 26)
        #expect(lines[20].contains("\"event\":\"message_accepted\""), "the line that showed the violation: \(lines[20])")

        // A summary edited to another seed no longer replays to its hash.
        let edited = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
            .replacingOccurrences(of: "\"seed\" : 4,", with: "\"seed\" : 5,")
        try edited.write(toFile: out + "/summary.json", atomically: true, encoding: .utf8)
        let mismatch = try SimrunBinary.run(["replay", out, "--quiet"])
        #expect(mismatch.status == 70)
        #expect(mismatch.standardError.contains("differs from the recorded"))
    }

    @Test func aSwarmSeedReplaysThroughRun() throws {
        let out = try SimrunBinary.temporaryFolder()
        let explore = try SimrunBinary.run(["explore", "node-crash", "--clients", "60", "--duration", "6s", "--seeds", "1..3",
                                            "--swarm", "--no-shrink", "--quiet", "--out", out])
        #expect([0, 1, 2].contains(explore.status), "\(explore.standardError)")
        let runs = try json(out + "/explore.json")["runs"] as? [[String: Any]] ?? []
        let run = try #require(runs.last)
        let command = try #require(run["command"] as? String)
        #expect(command.hasPrefix("simrun run node-crash --seed 3 --swarm"))
        let again = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(Array(command.split(separator: " ").dropFirst().map(String.init)) + ["--quiet", "--out", again])
        #expect(try SimrunBinary.summary(in: again)["trace_hash"] as? String == run["trace_hash"] as? String)
    }

    @Test(arguments: [
        (["explore", "race-demo", "--seeds", "9..3"], "--seeds: '9..3' ends before it starts"),
        (["explore", "race-demo", "--shard", "2/2"], "--shard: '2/2': shard 2 of 2 does not exist"),
        (["explore", "race-demo", "--jobs", "0"], "--jobs 0"),
        (["explore", "race-demo", "--seeds", "1..5000000"], "split the search with --shard I/N"),
        (["shrink", "race-demo", "--seed", "4", "--guarantee", "a", "--breached", "b"], "give one failure to keep"),
        (["replay", "/nonexistent-run"], "no such file"),
    ])
    func badHuntInputExits64(arguments: [String], message: String) throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(arguments + ["--out", out])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
