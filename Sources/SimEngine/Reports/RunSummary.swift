#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import SimRuntime
public import SimEvents
public import SimCheckers
public import SimMetrics

/// The machine-readable result of a run, written as `summary.json`.
///
/// Keys are snake_case. `schema_version` changes whenever a key is removed or changes meaning;
/// keys may be added without a change.
public struct RunSummary: Codable, Equatable, Sendable, JSONReport {
    /// The version of this layout.
    public static let currentSchemaVersion = 1

    public var schemaVersion = RunSummary.currentSchemaVersion
    public var scenario: String
    public var seed: UInt64
    /// The seed of the interleaving, when it was not the seed.
    public var interleavingSeed: UInt64?
    public var mode: RunMode
    /// The run's trace hash as 16 hexadecimal digits.
    public var traceHash: String
    /// Units of work the engine executed.
    public var events: UInt64
    /// Model events recorded in the trace.
    public var traceEvents: UInt64
    public var virtualSeconds: Double
    public var wallSeconds: Double
    public var clients: Int
    public var messages: Messages
    /// Each latency metric's distribution, measured from the intended send time.
    public var latency: [String: LatencySummary]
    /// How loaded each queueing station was over the run, by name; nil only in a
    /// `summary.json` written before stations were measured.
    public var stations: [StationLoad]?
    public var invariants: [Invariant]
    public var thresholds: [ThresholdResult]
    public var verdict: Verdict
    /// The command that reproduces this run.
    public var command: String
    /// The memory allocator of the process (`system` or `jemalloc`).
    public var allocator: String
    /// The fully resolved scenario, as `simrun explain` writes it.
    public var config: JSONValue?

    /// Message counts.
    public typealias Messages = MessageCounts

    /// One threshold and how the run measured against it.
    public struct ThresholdResult: Codable, Equatable, Sendable {
        public var metric: String
        public var condition: String
        /// The observed value, in ``unit``, or nil if the run produced none.
        public var observed: Double?
        /// How the observed value must compare with the limit (`<`, `<=`, `>`, `>=`, `==`); nil
        /// only in a `summary.json` written before it was recorded, as are `limit` and `unit`.
        public var comparison: String?
        /// The limit, in ``unit``.
        public var limit: Double?
        /// The unit of the observed value and the limit: `ms`, `/s`, or empty for ratios and
        /// counts.
        public var unit: String?
        public var passed: Bool

        public init(metric: String, condition: String, observed: Double?, comparison: String?, limit: Double?, unit: String?,
                    passed: Bool) {
            self.metric = metric
            self.condition = condition
            self.observed = observed
            self.comparison = comparison
            self.limit = limit
            self.unit = unit
            self.passed = passed
        }

        /// How `threshold` measured against `observed`.
        public init(_ threshold: Threshold, observed: Double?) {
            self.init(metric: threshold.metricName, condition: threshold.text, observed: observed,
                      comparison: threshold.comparison.rawValue, limit: threshold.limit, unit: threshold.unit,
                      passed: threshold.holds(for: observed))
        }

        /// The observed value as reports print it, with its unit (`125.40 ms`, `0.9955`);
        /// nil when the run produced none.
        public var observedText: String? { observed.map(text) }

        /// The comparison and limit as reports print them, with the unit (`< 100.00 ms`), or
        /// the condition as written when the summary does not record the limit.
        public var limitText: String {
            guard let comparison, let limit else { return condition }
            return comparison + " " + text(limit)
        }

        /// What a report says of a breach: `message_delivery.p99 observed 125.40 ms, limit < 100.00 ms`.
        public var breachText: String {
            "\(metric) observed \(observedText ?? "nothing"), limit \(limitText)"
        }

        private func text(_ value: Double) -> String {
            Threshold.text(of: value, unit: unit, metric: metric)
        }
    }

    /// One guarantee and what the checks found.
    public struct Invariant: Codable, Equatable, Sendable {
        public var name: String
        public var status: Verdict
        public var violations: Int
        public var firstViolation: String?
        /// The trace line of the event that showed the first violation (line 1 is the header).
        public var firstLine: Int?
    }

    /// Summarises a run of `scenario` with `clients` clients.
    ///
    /// - Parameters:
    ///   - trace: the hash and count of the run's trace events.
    ///   - statistics: what the engine did.
    ///   - judgement: what the checkers concluded.
    ///   - latency: each latency metric's summary, by name.
    ///   - stations: how loaded each station was.
    ///   - thresholds: the SLOs, judged here against `latency` and the delivery counts.
    ///   - config: the resolved scenario.
    ///   - command: the command that reproduces the run.
    ///   - allocator: the process's memory allocator.
    public init(scenario: String, seed: UInt64, interleavingSeed: UInt64? = nil, mode: RunMode, clients: Int,
                trace: (hash: TraceHasher, events: UInt64),
                statistics: EngineStatistics, judgement: Judgement, latency: [String: LatencySummary],
                stations: [StationLoad] = [], thresholds: [Threshold] = [], config: JSONValue? = nil, command: String,
                allocator: String) {
        self.stations = stations
        self.scenario = scenario
        self.seed = seed
        self.interleavingSeed = interleavingSeed
        self.mode = mode
        traceHash = trace.hash.hexDigest
        events = statistics.events
        traceEvents = trace.events
        virtualSeconds = statistics.endTime.seconds
        wallSeconds = Double(statistics.wallNanoseconds) / 1e9
        self.clients = clients
        let delivery = judgement.delivery
        let messages = MessageCounts(sent: delivery.sent, accepted: delivery.accepted, delivered: delivery.delivered,
                                     expectedDeliveries: delivery.owed, lost: delivery.lost, reportedLost: delivery.reportedLost,
                                     inFlight: delivery.inFlight, duplicates: delivery.duplicates)
        self.messages = messages
        self.latency = latency
        invariants = judgement.findings.map { finding in
            Invariant(name: finding.name, status: finding.held ? .pass : .fail, violations: finding.violations,
                      firstViolation: finding.firstViolation, firstLine: finding.firstLine)
        }
        let latency = self.latency
        let virtualSeconds = self.virtualSeconds
        self.thresholds = thresholds.map { threshold in
            ThresholdResult(threshold, observed: threshold.observed(latency: latency, messages: messages, seconds: virtualSeconds))
        }
        verdict = judgement.verdict == .pass && self.thresholds.allSatisfy(\.passed) ? .pass : .fail
        self.command = command
        self.allocator = allocator
        self.config = config
    }

    /// The station nearest saturation (``StationLoad/busiest(of:)``), if any was busy.
    public var bottleneck: StationLoad? { stations.flatMap(StationLoad.busiest) }

    /// Descriptions of every guarantee that was violated; empty when all held.
    public var violations: [String] {
        invariants.filter { $0.status == .fail }.map { invariant in
            GuaranteeFinding(name: invariant.name, violations: invariant.violations, firstViolation: invariant.firstViolation)
                .summaryLine
        }
    }

    /// Reads `summary.json`.
    public static func decode(_ data: Data) throws -> RunSummary {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RunSummary.self, from: data)
    }

}
