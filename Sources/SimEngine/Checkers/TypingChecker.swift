public import SimEvents
public import SimRuntime
import SimSupport

/// Checks that every typing indicator stops by its expiry after the typist's last signal,
/// judged the moment the trace passes that expiry, not only at its end: an indicator still
/// shown then is a violation, whatever follows.
public struct TypingChecker: GuaranteeChecker {
    private struct TypistKey: Hashable, Sendable {
        var room: Int
        var user: Int
    }

    private var parameters: CheckParameters?
    /// Indicators shown now, by the time of the typist's last signal.
    private var shown: [TypistKey: Int64] = [:]
    private var expiries = DeadlineQueue<(key: TypistKey, signal: Int64)>()
    private var finding = GuaranteeFinding(name: "typing_expires")

    public init() {}

    public mutating func advance(to time: SimulationInstant, line: Int) {
        guard let expiry = parameters?.typingExpiry, let earliest = expiries.earliest, earliest < time.nanoseconds else {
            return
        }
        for (key, signal) in expiries.popDue(before: time.nanoseconds) where shown[key] == signal {
            shown[key] = nil
            finding.record("room-\(key.room) still showed client-\(key.user) typing at \(time), past its expiry at "
                           + "\(SimulationInstant(nanoseconds: signal + expiry)) (last signal at "
                           + "\(SimulationInstant(nanoseconds: signal)), indicators expire after "
                           + "\(DurationText.seconds(nanoseconds: expiry)))", line: line)
        }
    }

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .typingStarted(let started):
            signal(TypistKey(room: started.room, user: started.user), at: time)
        case .typingRenewed(let renewed):
            signal(TypistKey(room: renewed.room, user: renewed.user), at: time)
        case .typingStopped(let stopped):
            shown[TypistKey(room: stopped.room, user: stopped.user)] = nil
        default:
            break
        }
    }

    /// The typist signalled at `time`: its indicator lasts until the expiry after it.
    private mutating func signal(_ key: TypistKey, at time: SimulationInstant) {
        shown[key] = time.nanoseconds
        guard let expiry = parameters?.typingExpiry else { return }
        expiries.add((key, time.nanoseconds), by: time.nanoseconds &+ expiry)
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
