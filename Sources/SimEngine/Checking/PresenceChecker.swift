/// Checks that presence changes reach room members within the presence bound.
public struct PresenceChecker: GuaranteeChecker {
    private var parameters: CheckParameters?
    private var finding = GuaranteeFinding(name: "presence_within_bound")
    /// Presence changes seen by members.
    public private(set) var seen = 0

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .presenceSeen(let observer, let room, let user, let online, let changedAt):
            seen += 1
            guard let bound = parameters?.presenceBound, time.nanoseconds - changedAt > bound else { return }
            finding.record("client-\(observer) learned at \(time) that client-\(user) went \(online == 1 ? "online" : "offline") "
                           + "in room-\(room) at \(SimulationInstant(nanoseconds: changedAt)): "
                           + "\(Duration.nanoseconds(time.nanoseconds - changedAt)) later, beyond the "
                           + "\(Duration.nanoseconds(bound)) bound")
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [finding] }
}
