import Foundation
import Testing

/// `simrun sweep` through the binary: it finds where slow-store's SLO breaks and names the
/// store's pool as the station nearest saturation there.
@Suite("simrun sweep")
struct SweepCommandTests {
    @Test func slowStoreBreaksAtItsStorePool() throws {
        let out = try SimrunBinary.temporaryFolder()
        let result = try SimrunBinary.run(["sweep", "slow-store", "--vary", "clients=200..3000", "--seeds", "2",
                                           "--duration", "20s", "--resolution", "5", "--out", out])
        #expect(result.status == 0, "\(result.standardError)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/sweep.json"))
        let sweep = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let level = try #require((sweep["levels"] as? [[String: Any]])?.first)
        #expect(level["outcome"] as? String == "within")
        let knee = try #require(level["knee"] as? Int), failing = try #require(level["first_failing"] as? Int)
        #expect(knee < failing && failing - knee <= 150)
        let points = level["points"] as? [[String: Any]] ?? []
        #expect(points.map { $0["value"] as? Int ?? 0 } == points.map { $0["value"] as? Int ?? 0 }.sorted())
        let kneePoint = try #require(points.first { $0["value"] as? Int == knee })
        let stations = kneePoint["stations"] as? [[String: Any]] ?? []
        let busiest = stations.max { ($0["utilization"] as? Double ?? 0) < ($1["utilization"] as? Double ?? 0) }
        #expect(busiest?["name"] as? String == "store.pool")
        let answer = level["answer"] as? String ?? ""
        #expect(answer.hasPrefix("up to \(knee) clients every guarantee holds"))
        #expect(answer.contains("store.pool is busiest at the knee"))
        for name in ["sweep.csv", "sweep.md", "sweep.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        let csv = try String(contentsOfFile: out + "/sweep.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "fixed,clients,passed,seeds,p50_ms,p95_ms,p99_ms,bottleneck,utilization,failures")
        #expect(csv.count == points.count + 1)
    }

    @Test(arguments: [
        (["--vary", "clients=5000..100"], "write KEY=A..B with whole numbers A ≤ B"),
        (["--vary", "clients"], "write KEY=A..B"),
        ([] as [String], "--vary: give the load to search"),
        (["--vary", "clients=100..200", "--vary", "system.gateway.nodes=1..40"], "at most 16 values"),
        (["--vary", "clients=100..200", "--resolution", "0"], "--resolution 0.0: give a percentage"),
        (["--vary", "bogus.key=1..2"], "bogus"),
    ])
    func badInputExits64AndWritesNothing(arguments: [String], message: String) throws {
        let out = try SimrunBinary.temporaryFolder() + "/sweep"
        let result = try SimrunBinary.run(["sweep", "slow-store", "--out", out] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr was: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
