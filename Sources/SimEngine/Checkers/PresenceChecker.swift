public import SimRuntime
public import SimEvents

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
        case .presenceSeen(let presence):
            seen += 1
            let changedAt = presence.changedAt.nanoseconds
            guard let bound = parameters?.presenceBound, time.nanoseconds - changedAt > bound else { return }
            finding.record("client-\(presence.observer) learned at \(time) that client-\(presence.user) went "
                           + "\(presence.online ? "online" : "offline") in room-\(presence.room) at \(presence.changedAt): "
                           + "\(Duration.nanoseconds(time.nanoseconds - changedAt)) later, beyond the "
                           + "\(Duration.nanoseconds(bound)) bound")
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [finding] }
}
