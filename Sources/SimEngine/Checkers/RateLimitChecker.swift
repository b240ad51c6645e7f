import DequeModule
public import SimEvents
public import SimRuntime
import SimSupport

/// Checks that no user had more requests admitted in any window than the rate limit allows.
///
/// - Complexity: O(1) amortised per admitted request; memory O(limit) per user admitted
///   within the last window.
public struct RateLimitChecker: GuaranteeChecker {
    private var parameters: CheckParameters?
    private var admitted: [Int: Deque<Int64>] = [:]
    private var finding = GuaranteeFinding(name: "rate_limit_respected")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .requestAdmitted(let admission):
            let user = admission.user
            guard let parameters, parameters.rateLimit > 0 else { return }
            var times = admitted[user] ?? []
            while let first = times.first, time.nanoseconds - first >= parameters.rateWindow { times.removeFirst() }
            if times.count >= parameters.rateLimit, let first = times.first {
                finding.record("client-\(user) had request \(times.count + 1) admitted at \(time) within "
                               + "\(DurationText.seconds(nanoseconds: parameters.rateWindow)) of its request at "
                               + "\(SimulationInstant(nanoseconds: first)); the limit is \(parameters.rateLimit)", line: line)
            }
            times.append(time.nanoseconds)
            if times.count > parameters.rateLimit { times.removeFirst() }
            admitted[user] = times
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [finding] }
}
