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
    private var admitted = FlatTable<Int, Deque<Int64>>()
    private var finding = GuaranteeFinding(name: "rate_limit_respected")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .requestAdmitted(let admission):
            let user = admission.user
            guard let parameters, parameters.rateLimit > 0 else { return }
            // The user's admission times, changed in place.
            let slot = admitted.insertionIndex(forKey: user, default: [])
            while let first = admitted[slot: slot].first, time.nanoseconds - first >= parameters.rateWindow {
                admitted[slot: slot].removeFirst()
            }
            let count = admitted[slot: slot].count
            if count >= parameters.rateLimit, let first = admitted[slot: slot].first {
                finding.record("client-\(user) had request \(count + 1) admitted at \(time) within "
                               + "\(DurationText.seconds(nanoseconds: parameters.rateWindow)) of its request at "
                               + "\(SimulationInstant(nanoseconds: first)); the limit is \(parameters.rateLimit)", line: line)
            }
            admitted[slot: slot].append(time.nanoseconds)
            if admitted[slot: slot].count > parameters.rateLimit { admitted[slot: slot].removeFirst() }
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [finding] }
}
