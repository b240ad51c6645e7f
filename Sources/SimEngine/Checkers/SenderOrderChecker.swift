import DequeModule
public import SimRuntime
public import SimEvents

/// Checks what rooms accept from each sender: per-sender FIFO (a room accepts a sender's
/// messages in the order the sender sent them) and, under effectively-once, no message
/// accepted twice within the dedup window.
///
/// A client numbers its messages in sending order, so a room that accepts a lower number after
/// a higher one from the same sender broke FIFO (a retry overtaken by later messages does).
public struct SenderOrderChecker: GuaranteeChecker {
    private struct SenderKey: Hashable, Sendable {
        var room: Int
        var sender: Int
    }

    private var parameters: CheckParameters?
    private var highest: [SenderKey: UInt64] = [:]
    private var acceptedAt: [UInt64: Int64] = [:]
    private var expiries = Deque<(id: UInt64, at: Int64)>()
    private var fifo = GuaranteeFinding(name: "per_sender_fifo")
    private var duplicates = GuaranteeFinding(name: "no_duplicate_within_dedup_window")
    /// Messages accepted twice, under any guarantee.
    public private(set) var acceptedTwice = 0

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .messageAccepted(let accepted):
            let (room, sequence, user, clientMessage) = (accepted.room, accepted.sequence, accepted.user,
                                                         accepted.clientMessage)
            let window = parameters?.dedupWindow ?? 0
            while let first = expiries.first, time.nanoseconds - first.at >= window {
                expiries.removeFirst()
                if acceptedAt[first.id] == first.at { acceptedAt[first.id] = nil }
            }
            if let earlier = acceptedAt[clientMessage] {
                acceptedTwice += 1
                if parameters?.guarantee == .effectivelyOnce {
                    duplicates.record("room-\(room) accepted client message \(clientMessage) of client-\(user) again as seq "
                                      + "\(sequence) at \(time), \(Duration.nanoseconds(time.nanoseconds - earlier)) after "
                                      + "the first time, within the \(Duration.nanoseconds(window)) dedup window")
                }
                return
            }
            let key = SenderKey(room: room, sender: user)
            if let last = highest[key], clientMessage < last {
                fifo.record("room-\(room) accepted client message \(clientMessage) of client-\(user) as seq \(sequence) at "
                            + "\(time), after the later-sent \(last)")
            }
            highest[key] = Swift.max(highest[key] ?? 0, clientMessage)
            if window > 0 {
                acceptedAt[clientMessage] = time.nanoseconds
                expiries.append((clientMessage, time.nanoseconds))
            }
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [fifo, duplicates] }
}
