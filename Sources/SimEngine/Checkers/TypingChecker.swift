public import SimRuntime
public import SimEvents

/// Checks that every typing indicator stops by its expiry after the typist's last signal.
public struct TypingChecker: GuaranteeChecker {
    private struct TypistKey: Hashable, Sendable {
        var room: Int
        var user: Int
    }

    private var parameters: CheckParameters?
    /// Indicators shown now, by the time of the typist's last signal.
    private var shown: [TypistKey: Int64] = [:]
    private var finding = GuaranteeFinding(name: "typing_expires")

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .typingStarted(let started):
            shown[TypistKey(room: started.room, user: started.user)] = time.nanoseconds
        case .typingRenewed(let renewed):
            shown[TypistKey(room: renewed.room, user: renewed.user)] = time.nanoseconds
        case .typingStopped(let stopped):
            let (room, user) = (stopped.room, stopped.user)
            guard let last = shown.removeValue(forKey: TypistKey(room: room, user: user)), let expiry = parameters?.typingExpiry
            else { return }
            if time.nanoseconds - last > expiry {
                finding.record("room-\(room) stopped showing client-\(user) typing at \(time), "
                               + "\(Duration.nanoseconds(time.nanoseconds - last)) after its last signal; "
                               + "indicators expire after \(Duration.nanoseconds(expiry))")
            }
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var finding = finding
        guard let expiry = parameters?.typingExpiry else { return [finding] }
        for (key, last) in shown.sorted(by: { ($0.value, $0.key.room, $0.key.user) < ($1.value, $1.key.room, $1.key.user) })
        where end.nanoseconds - last > expiry {
            finding.record("room-\(key.room) still shows client-\(key.user) typing at the end (\(end)), since its last "
                           + "signal at \(SimulationInstant(nanoseconds: last))")
        }
        return [finding]
    }
}
