import Foundation
import Scenarios
import SimRuntime

/// A run of the whole model that the `Model` benchmarks measure: a scenario with its overrides,
/// at seed 1, with every checker and metric on, as `simrun run` runs it.
struct ModelWorkload: Sendable {
    /// What one run produced and cost.
    struct Outcome {
        /// Engine events executed.
        var events: UInt64
        /// Messages delivered to clients.
        var deliveries: Int
        /// Clients the scenario drives.
        var clients: Int
        /// Virtual seconds simulated.
        var virtualSeconds: Double
        /// Wall-clock seconds of the run, building the system included.
        var wallSeconds: Double
        /// Resident bytes the run added at its peak.
        var peakBytes: Int
        /// The 99th percentile of message delivery latency, in milliseconds.
        var deliveryP99Milliseconds: Double
    }

    /// The benchmark's name, after `Model.`.
    var name: String
    /// A built-in scenario's name or a scenario file's path.
    var reference: String
    /// `--set` overrides.
    var overrides: [String] = []
    /// Simulation, or live on `liveWorkers` threads.
    var mode = RunMode.sim
    var liveWorkers: Int?

    /// The workloads, smallest first.
    static let all = [
        // The SimPy peer's model (`../shared/peers`): 2,000 users, 200 rooms, two rooms each,
        // Poisson posting every 5 s, two nodes; typing, receipts and notifications off.
        ModelWorkload(name: "peer", reference: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("peer-fanout.yaml").path),
        ModelWorkload(name: "quickstart", reference: "quickstart"),
        ModelWorkload(name: "crm-realtime", reference: "crm-realtime"),
        // The scale scenario sized for 10,000 clients, for ten virtual seconds of its minute.
        ModelWorkload(name: "scale.10000", reference: "scale", overrides: ["clients=10000", "duration=10s"]),
    ]

    /// The same model in live mode, on one worker and on two: 10,000 clients of `scale` for five
    /// seconds of wall-clock time. What varies is the CPU time the run costs and how late the
    /// model falls behind the clock (its delivery latency), not the run's length.
    static let live = [1, 2].map { (workers: Int) in
        ModelWorkload(name: "live.scale.10000.workers-\(workers)", reference: "scale",
                      overrides: ["clients=10000", "duration=5s"], mode: .live, liveWorkers: workers)
    }

    /// Runs the workload once.
    func run() throws -> Outcome {
        let scenario = try ScenarioSource.load(reference, overrides: overrides)
        let before = Self.residentBytes()
        let started = ContinuousClock.now
        var runner = ScenarioRunner(scenario: scenario, seed: 1, mode: mode)
        runner.liveWorkers = liveWorkers
        let result = try runner.run()
        let elapsed = started.duration(to: .now)
        let summary = result.summary
        return Outcome(events: summary.events, deliveries: summary.messages.delivered, clients: summary.clients,
                       virtualSeconds: summary.virtualSeconds,
                       wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                       peakBytes: Swift.max(0, Self.peakResidentBytes() - before),
                       deliveryP99Milliseconds: summary.latency["message_delivery"]?.p99Ms ?? 0)
    }

    /// The process's resident memory now, from /proc/self/statm (0 where there is none).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The most resident memory the process has held, from /proc/self/status (0 where there is
    /// none).
    static func peakResidentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1_024
    }
}
