/// One knee search of a sweep: the points it ran, in ascending order, and where the knee lies,
/// with the other parameter (nodes, say) held at one value.
public struct SweepLevel: Codable, Equatable, Sendable {
    /// Where the knee lies.
    public enum Outcome: String, Codable, Sendable {
        /// Even the lowest value failed.
        case below
        /// The knee lies between two points of the range.
        case within
        /// Even the highest value passed.
        case above
    }

    /// The other parameter's setting (`system.gateway.nodes=3`), or nil when only one was varied.
    public var fixed: String?
    public var points: [SweepPoint]
    public var outcome: Outcome
    /// The largest value that passed, and the smallest that failed above it.
    public var knee: Int?
    public var firstFailing: Int?
    /// The answer in one sentence.
    public var answer: String

    /// The level whose search ran `points` and ended at `outcome`, searching `parameter` with
    /// `fixed` held, judged by `thresholds`.
    public init(fixed: String?, parameter: String, points: [SweepPoint], outcome: Outcome, knee: Int?, firstFailing: Int?,
                thresholds: [String]) {
        self.fixed = fixed
        self.points = points.sorted { $0.value < $1.value }
        self.outcome = outcome
        self.knee = knee
        self.firstFailing = firstFailing
        let setting = fixed.map { "with \($0), " } ?? ""
        let slos = thresholds.isEmpty ? "every guarantee holds" : "every guarantee holds and \(thresholds.joined(separator: ", ")) are met"
        let name = parameter == "clients" ? "clients" : parameter
        let lowest = self.points.first?.value ?? 0, highest = self.points.last?.value ?? 0
        switch outcome {
        case .below:
            let failed = self.points.first?.failures.joined(separator: ", ") ?? ""
            answer = setting + "even \(lowest) \(name) fail (\(failed)): the knee is below the range"
        case .above:
            answer = setting + "up to \(highest) \(name), the top of the range, \(slos): the knee is above it"
        case .within:
            let kneePoint = self.points.first { $0.value == knee }
            let failing = self.points.first { $0.value == firstFailing }
            var sentence = setting + "up to \(knee ?? 0) \(name) \(slos); at \(firstFailing ?? 0) "
                + (failing?.failures.joined(separator: ", ") ?? "something") + " fails"
            if let bottleneck = kneePoint?.bottleneck {
                sentence += "; \(bottleneck.name) is busiest at the knee, ρ = \(MarkdownSummary.format(bottleneck.utilization))"
            }
            answer = sentence
        }
    }
}
