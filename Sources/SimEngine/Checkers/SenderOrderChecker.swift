import DequeModule
public import SimEvents
public import SimRuntime
import SimSupport

/// Checks what rooms accept from each sender: per-sender FIFO (a room accepts a sender's
/// messages in the order the sender sent them) and, under effectively-once, no message
/// accepted twice within the dedup window.
///
/// A client numbers its messages in sending order, so a room that accepts a lower number after
/// a higher one from the same sender broke FIFO (a retry overtaken by later messages does). A
/// message is known by its sender and its client message id: two senders may use the same id.
public struct SenderOrderChecker: GuaranteeChecker {
    private struct MessageKey: FlatKey, Sendable {
        var sender: Int
        var clientMessage: UInt64

        var flatHash: UInt64 { FlatHash.combine(sender, Int(truncatingIfNeeded: clientMessage)) }
    }

    private var parameters: CheckParameters?
    private var highest = FlatTable<RoomMemberKey, UInt64>()
    private var acceptedAt = FlatTable<MessageKey, Int64>()
    private var expiries = Deque<(key: MessageKey, at: Int64)>()
    private var fifo = GuaranteeFinding(name: "per_sender_fifo")
    private var duplicates = GuaranteeFinding(name: "no_duplicate_within_dedup_window")
    /// Messages accepted twice, under any guarantee.
    public private(set) var acceptedTwice = 0

    public init() {}

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .messageAccepted(let accepted):
            let window = parameters?.dedupWindow ?? 0
            while let first = expiries.first, time.nanoseconds - first.at >= window {
                expiries.removeFirst()
                if acceptedAt[first.key] == first.at { acceptedAt.removeValue(forKey: first.key) }
            }
            let message = MessageKey(sender: accepted.user, clientMessage: accepted.clientMessage)
            if let earlier = acceptedAt[message] {
                acceptedTwice += 1
                if parameters?.guarantee == .effectivelyOnce {
                    duplicates.record("room-\(accepted.room) accepted client message \(accepted.clientMessage) of "
                                      + "client-\(accepted.user) again as seq \(accepted.sequence) at \(time), "
                                      + "\(DurationText.seconds(nanoseconds: time.nanoseconds - earlier)) after the first time, "
                                      + "within the \(DurationText.seconds(nanoseconds: window)) dedup window", line: line)
                }
                return
            }
            let key = RoomMemberKey(room: accepted.room, user: accepted.user)
            if let last = highest[key], accepted.clientMessage < last {
                fifo.record("room-\(accepted.room) accepted client message \(accepted.clientMessage) of client-\(accepted.user) "
                            + "as seq \(accepted.sequence) at \(time), after the later-sent \(last)", line: line)
            }
            highest[key, default: 0].raise(toAtLeast: accepted.clientMessage)
            if window > 0 {
                acceptedAt[message] = time.nanoseconds
                expiries.append((message, time.nanoseconds))
            }
        default:
            break
        }
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] { [fifo, duplicates] }
}
