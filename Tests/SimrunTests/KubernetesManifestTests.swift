import Foundation
import Testing
import Yams

/// The Kubernetes manifests under `deploy/kubernetes/`: they parse, hold the fields a sharded
/// search depends on, and their scripts run a search and merge it with the built binary.
@Suite("Kubernetes manifests", .serialized)
struct KubernetesManifestTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/kubernetes")

    private func manifest(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not one YAML mapping")
    }

    private func value(_ object: Any?, _ path: String) -> Any? {
        path.split(separator: ".").reduce(object) { current, key in
            if let index = Int(key) { return (current as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            return (current as? [String: Any])?[String(key)]
        }
    }

    /// The container's environment as a dictionary.
    private func environment(_ job: [String: Any]) -> [String: String] {
        let entries = value(job, "spec.template.spec.containers.0.env") as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: entries.compactMap { entry in
            (entry["name"] as? String).map { ($0, "\(entry["value"] ?? "")") }
        })
    }

    @Test func theExploreJobIsAnIndexedJobWithOneShardPerCompletion() throws {
        let job = try manifest("explore-job.yaml")
        #expect(job["apiVersion"] as? String == "batch/v1")
        #expect(job["kind"] as? String == "Job")
        #expect(value(job, "spec.completionMode") as? String == "Indexed")
        let completions = try #require(value(job, "spec.completions") as? Int)
        #expect(value(job, "spec.parallelism") as? Int == completions)
        #expect(environment(job)["SHARDS"] == "\(completions)")
        #expect(value(job, "spec.template.spec.restartPolicy") as? String == "Never")
        let script = try #require((value(job, "spec.template.spec.containers.0.args") as? [String])?.first)
        #expect(script.contains("simrun explore"))
        #expect(script.contains("--shard \"${JOB_COMPLETION_INDEX}/${SHARDS}\""))
        #expect(script.contains("--out \"${out}\"") && script.contains("out=\"/results/shard-${JOB_COMPLETION_INDEX}\""))
        #expect(script.contains("[ \"${status}\" -le 2 ]"), "a shard that found failures completes")
        #expect(value(job, "spec.template.spec.containers.0.volumeMounts.0.mountPath") as? String == "/results")
    }

    @Test func theShardsAndTheMergeShareOneVolume() throws {
        let volume = try manifest("results-volume.yaml")
        #expect(volume["kind"] as? String == "PersistentVolumeClaim")
        let name = try #require(value(volume, "metadata.name") as? String)
        #expect((value(volume, "spec.accessModes") as? [String])?.contains("ReadWriteMany") == true)
        for file in ["explore-job.yaml", "merge-job.yaml"] {
            let job = try manifest(file)
            #expect(value(job, "spec.template.spec.volumes.0.persistentVolumeClaim.claimName") as? String == name, "\(file)")
        }
        let merge = try manifest("merge-job.yaml")
        let script = try #require((value(merge, "spec.template.spec.containers.0.args") as? [String])?.first)
        #expect(script.contains("simrun merge /results/shard-* --out /results/merged"))
    }

    @Test func theScriptsRunASearchInShardsAndMergeIt() throws {
        let results = try SimrunBinary.temporaryFolder()
        let explore = try manifest("explore-job.yaml"), merge = try manifest("merge-job.yaml")
        let shardScript = try #require((value(explore, "spec.template.spec.containers.0.args") as? [String])?.first)
        let mergeScript = try #require((value(merge, "spec.template.spec.containers.0.args") as? [String])?.first)
        var environment = environment(explore)
        environment["SEEDS"] = "1..8"
        environment["JOBS"] = "1"
        let shards = Int(environment["SHARDS"] ?? "") ?? 0
        for index in 0..<shards {
            environment["JOB_COMPLETION_INDEX"] = "\(index)"
            let status = try shell(shardScript.replacingOccurrences(of: "/results", with: results), environment: environment)
            #expect(status == 0, "shard \(index)")
        }
        #expect(try String(contentsOfFile: results + "/shard-3/exit-code", encoding: .utf8) == "2\n", "seed 4 fails")
        #expect(try shell(mergeScript.replacingOccurrences(of: "/results", with: results), environment: [:]) == 0)
        let merged = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: results + "/merged/explore.json")))
            as? [String: Any]
        #expect((merged?["runs"] as? [Any])?.count == 8)
        #expect((merged?["groups"] as? [[String: Any]])?.first?["seeds"] as? [Int] == [4])
        #expect(try String(contentsOfFile: results + "/merged/exit-code", encoding: .utf8) == "2\n")
    }

    /// Runs `script` with `/bin/sh -c`, the built simrun first on the path; returns its status.
    private func shell(_ script: String, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var variables = environment
        variables["PATH"] = SimrunBinary.url.deletingLastPathComponent().path + ":/usr/bin:/bin"
        process.environment = variables
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
