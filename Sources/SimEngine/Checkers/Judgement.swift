/// What the checkers concluded about a run: the delivery counts and every guarantee's findings.
public struct Judgement: Equatable, Sendable {
    /// The delivery checks' counts.
    public var delivery: DeliveryReport
    /// Every guarantee's findings, in a fixed order.
    public var findings: [GuaranteeFinding]

    public init(delivery: DeliveryReport, findings: [GuaranteeFinding]) {
        self.delivery = delivery
        self.findings = findings
    }

    /// The findings of the guarantees that were violated, in order; empty when all held.
    public var violated: [GuaranteeFinding] { findings.filter { !$0.held } }

    /// Descriptions of every guarantee that was violated; empty when all held.
    public var violations: [String] {
        violated.map(\.summaryLine)
    }

    /// `pass` when every guarantee held.
    public var verdict: Verdict { violated.isEmpty ? .pass : .fail }
}
