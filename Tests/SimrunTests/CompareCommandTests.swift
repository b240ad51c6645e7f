import Foundation
import Testing

/// `simrun compare` through the binary: it flags a real regression and lets the scatter
/// between two sets of seeds of one scenario pass.
@Suite("simrun compare")
struct CompareCommandTests {
    private let small = ["--set", "clients=120", "--set", "rooms=24", "--duration", "10s", "--quiet"]

    private func comparison(in folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/compare.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// slow-store's 2,000 clients for 10 s: enough posts to saturate a pool of 4 connections.
    private let store = ["--duration", "10s", "--quiet"]

    private func explore(_ scenario: String, seeds: String, _ extra: [String]? = nil) throws -> String {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["explore", scenario, "--seeds", seeds, "--no-shrink", "--jobs", "2", "--out", out]
                                          + (extra ?? small))
        #expect([0, 1].contains(result.status), "\(result.standardError)")
        return out
    }

    @Test func twoSetsOfSeedsOfOneScenarioDoNotRegress() throws {
        let first = try explore("quickstart", seeds: "1..6"), second = try explore("quickstart", seeds: "7..12")
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["compare", first, second, "--out", out])
        #expect(result.status == 0, "\(result.standardOutput)")
        let comparison = try comparison(in: out)
        #expect(comparison["regressed"] as? Bool == false)
        let metrics = comparison["metrics"] as? [[String: Any]] ?? []
        let delivery = try #require(metrics.first { $0["metric"] as? String == "message_delivery.p99" })
        #expect(delivery["baseline_seeds"] as? Int == 6 && delivery["new_seeds"] as? Int == 6)
        #expect(delivery["p_value"] as? Double != nil, "several seeds a side are tested")
        // The seeds differ, so the values do; the tolerance and the test keep that from failing the gate.
        #expect(delivery["baseline"] as? Double != delivery["new"] as? Double)
    }

    @Test func aStorePoolCutFromTenToFourRegressesOverSeedsAndInOneRun() throws {
        // Four seeds a side: the most extreme ranking has p = 2 / C(8, 4) = 0.029.
        let ten = try explore("slow-store", seeds: "1..4", store + ["--set", "system.store.pool_size=10"])
        let four = try explore("slow-store", seeds: "1..4", store)
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["compare", ten, four, "--out", out])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("REGRESSED message_delivery.p99 +"))
        let metrics = try comparison(in: out)["metrics"] as? [[String: Any]] ?? []
        let p99 = try #require(metrics.first { $0["metric"] as? String == "message_delivery.p99" })
        #expect(p99["outcome"] as? String == "regressed")
        #expect((p99["p_value"] as? Double ?? 1) < 0.05)
        let markdown = try String(contentsOfFile: out + "/compare.md", encoding: .utf8)
        #expect(markdown.hasPrefix("### simrun compare: ❌ regressed"))
        #expect(markdown.contains("| `message_delivery.p99` | "))

        // One run a side: the tolerance alone decides, and says so.
        let runTen = try SimrunBinary.temporaryFolder(), runFour = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "slow-store", "--set", "system.store.pool_size=10", "--out", runTen] + store)
        _ = try SimrunBinary.run(["run", "slow-store", "--out", runFour] + store)
        let single = try SimrunBinary.temporaryFolder()
        #expect(try SimrunBinary.run(["compare", runTen, runFour, "--out", single, "--quiet"]).status == 1)
        #expect(try String(contentsOfFile: single + "/compare.md", encoding: .utf8).contains("the tolerance alone decides"))
        // A tolerance wide enough lets it through; the same run against itself never regresses.
        let tolerant = try SimrunBinary.run(["compare", runTen, runFour, "--tolerance", "default=+1000000%",
                                             "--out", try SimrunBinary.temporaryFolder(), "--quiet"])
        #expect(tolerant.status == 0)
        #expect(try SimrunBinary.run(["compare", runTen, runTen, "--out", try SimrunBinary.temporaryFolder(), "--quiet"]).status == 0)
    }

    @Test(arguments: [
        (["--tolerance", "message_delivery.p99=-5%"], "is not a percentage"),
        (["--tolerance", "message_delivery.p98=+5%"], "--tolerance 'message_delivery.p98': no such metric in both results"),
        (["--level", "1.5"], "--level: give a level between 0 and 1"),
    ])
    func badInputExits64AndWritesNothing(arguments: [String], message: String) throws {
        let run = try SimrunBinary.temporaryFolder()
        _ = try SimrunBinary.run(["run", "quickstart", "--out", run] + small)
        let out = try SimrunBinary.temporaryFolder() + "/compare"
        let result = try SimrunBinary.run(["compare", run, run, "--out", out] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aFolderWithoutResultsIsRefused() throws {
        let empty = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["compare", empty, empty, "--out", empty + "/out"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("holds neither explore.json nor summary.json"))
    }
}
