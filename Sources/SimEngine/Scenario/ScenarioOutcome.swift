/// What a scenario's run produced: how many clients took part and what the checks found.
public struct ScenarioOutcome: Equatable, Sendable {
    /// Synthetic clients that took part.
    public var clients: Int
    /// The delivery checks' counts.
    public var delivery: DeliveryReport
    /// Every guarantee's findings.
    public var findings: [GuaranteeFinding]

    /// An outcome; without `findings`, those of `delivery` alone, with silent loss a violation.
    public init(clients: Int, delivery: DeliveryReport, findings: [GuaranteeFinding]? = nil) {
        self.clients = clients
        self.delivery = delivery
        self.findings = findings ?? DeliveryChecker.findings(for: delivery, lossIsViolation: true)
    }

    /// Descriptions of every guarantee that was violated; empty when all held.
    public var violations: [String] {
        findings.filter { !$0.held }.map { finding in
            "\(finding.name): \(finding.violations) violation(s); first: \(finding.firstViolation ?? "not recorded")"
        }
    }

    /// `pass` when every guarantee held.
    public var verdict: Verdict { violations.isEmpty ? .pass : .fail }
}
