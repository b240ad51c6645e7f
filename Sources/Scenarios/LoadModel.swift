import SimSupport
import SimRuntime
import SimModel

/// How a scenario's load is generated.
///
/// - Closed: each client sends its next message a think time after the previous one was meant
///   to go, as k6's and Gatling's virtual users do, so the load follows the number of clients.
/// - Open: messages arrive as a Poisson process at a rate that follows the stages, each sent by
///   a client drawn at random, whatever state the system is in: a system past its capacity
///   shows it as growing latency, never as a slower send rate.
///
/// Either way latency is measured from the moment a message was meant to be sent.
public enum LoadModel: Equatable, Sendable {
    /// Clients send with think time between messages (the scenario's `think_time`).
    case closed
    /// Messages arrive at a rate that moves linearly through the stages, from 0 at the start.
    case open(stages: [LoadStage])

    /// Checks the parameters.
    func validate(at location: String) throws(ConfigurationError) {
        guard case .open(let stages) = self else { return }
        guard !stages.isEmpty else {
            throw ConfigurationError(location: "\(location).stages", problem: "is empty",
                                     remedy: "give at least one stage, such as { duration: 30s, target: 500 }")
        }
        for (index, stage) in stages.enumerated() {
            guard stage.duration > .zero, stage.duration <= ConfigurationError.longest else {
                throw ConfigurationError(location: "\(location).stages[\(index)].duration", problem: "must be above 0s and at most 30 days",
                                         remedy: "give a duration such as 30s")
            }
            guard stage.target >= 0, stage.target <= 10_000_000 else {
                throw ConfigurationError(location: "\(location).stages[\(index)].target",
                                         problem: "must be a rate from 0 to 10,000,000 messages per second, got \(stage.target)",
                                         remedy: "give messages per second, such as 500")
            }
        }
    }

    /// The open model's rate at `elapsed` into the run: linear within each stage, then the last
    /// stage's target.
    static func rate(at elapsed: Duration, stages: [LoadStage]) -> Double {
        var from = 0.0
        var stageStart = Duration.zero
        for stage in stages {
            let stageEnd = stageStart + stage.duration
            if elapsed < stageEnd {
                let progress = Double((elapsed - stageStart).wholeNanoseconds) / Double(stage.duration.wholeNanoseconds)
                return from + (stage.target - from) * progress
            }
            from = stage.target
            stageStart = stageEnd
        }
        return from
    }
}

extension LoadModel: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case model, stages
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .model) {
        case "closed": self = .closed
        case "open": self = .open(stages: try container.decode([LoadStage].self, forKey: .stages))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .model, in: container,
                                                   debugDescription: "unknown load model '\(other)'; accepted: closed, open")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .closed:
            try container.encode("closed", forKey: .model)
        case .open(let stages):
            try container.encode("open", forKey: .model)
            try container.encode(stages, forKey: .stages)
        }
    }
}
