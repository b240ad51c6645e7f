public import SimRuntime

/// What a client keeps of one room's messages, and its decisions on receiving them: a value
/// with no clock or I/O that takes an instant and returns actions.
///
/// - A message from before the client joined was already on its way: ignored.
/// - A message the client has, or holds back, is a duplicate: dropped.
/// - The next message in order is shown, and any held back that follow it.
/// - A message ahead of order is held back, and the client asks for what is missing (again if
///   no answer came within `refetchAfter`).
/// - When the system answers that messages cannot be given, the client reports the gap (a loss
///   reported, never a silent one) and shows what it held back beyond it.
/// - When the room says the client is no longer a member (`left`), the client is owed every
///   message up to the room's last sequence then, and nothing after: it shows, or fetches,
///   what it lacks up to there, and lets the room go once it has it.
///
/// ```swift
/// var room = RoomReception(joinedAt: RoomOffset(room: 3, epoch: 1, sequence: 10))
/// for action in room.receive(message, at: now, refetchAfter: .seconds(5), connected: true) { … }
/// ```
public struct RoomReception: Equatable, Sendable {
    /// What the client must do.
    public enum Action: Equatable, Sendable {
        /// Show the message: it is next in the room's order.
        case show(RoomMessage)
        /// Drop the message: the client has it, or holds it back, already.
        case dropDuplicate
        /// Ask the room for every message after `offset`.
        case fetch(after: RoomOffset)
        /// Report that the messages after `after` up to `upTo` are missing for good.
        case reportGap(after: Int, upTo: Int)
        /// The gap seen at `since` is closed: everything held back has been shown.
        case recovered(since: SimulationInstant)
        /// The client has everything the room owed it as a member: it lets the room go.
        case letGo
    }

    /// What a leaving client does when a check on its unfinished leave comes round.
    public enum LeaveStep: Equatable, Sendable {
        /// The room has not answered: ask to leave again (the request or its answer was lost;
        /// the room answers a repeated leave with what it owed the first time).
        case askAgain
        /// The room answered, and messages it owes are still missing: ask for those after `after`.
        case fetch(after: RoomOffset)
        /// Stop waiting: what the client knows it lacks is reported missing, and the room let go.
        case stopWaiting
    }

    /// The checks a leave gets, one per ack timeout, before the client stops waiting: the last
    /// one stops.
    public static let leaveCheckLimit = 4

    /// The room.
    public let room: Int
    /// The room's last sequence when the client joined: earlier messages are not the client's.
    public let joinedAfter: Int
    /// The room's epoch as the client last learned it.
    public private(set) var epoch: UInt64
    /// The last sequence the client has shown (or reported missing), in order.
    public private(set) var last: Int
    /// When the client began waiting for missing messages, if it is waiting.
    public private(set) var fetchingSince: SimulationInstant?
    /// The last sequence the room owes the client, once it said the client is no longer a member.
    public private(set) var owedUpTo: Int?
    /// Checks made on the client's unfinished leave.
    public private(set) var leaveChecks = 0
    private var heldBack: [Int: RoomMessage] = [:]

    /// The reception of a client that joined the room at `offset`.
    public init(joinedAt offset: RoomOffset) {
        room = offset.room
        joinedAfter = offset.sequence
        epoch = offset.epoch
        last = offset.sequence
    }

    /// Where the client stands: what it presents to recover after reconnecting.
    public var offset: RoomOffset { RoomOffset(room: room, epoch: epoch, sequence: last) }

    /// Messages held back now, waiting for the ones before them.
    public var heldBackCount: Int { heldBack.count }

    /// A message of the room arrives at `now`. Without a connection (`connected` false) the
    /// client cannot ask for what is missing yet.
    public mutating func receive(_ message: RoomMessage, at now: SimulationInstant, refetchAfter: Duration,
                                 connected: Bool) -> ActionList<Action> {
        // A message from before the join was already on its way when the node subscribed; one
        // after the leave is not the client's either.
        guard message.sequence > joinedAfter, message.sequence <= owedUpTo ?? .max else { return ActionList() }
        guard message.sequence > last, heldBack[message.sequence] == nil else { return ActionList(.dropDuplicate) }
        if message.sequence == last + 1 {
            // The common case: next in order, nothing held back.
            last = message.sequence
            var actions = ActionList(Action.show(message))
            if !heldBack.isEmpty || fetchingSince != nil || owedUpTo != nil { release(into: &actions) }
            return actions
        }
        heldBack[message.sequence] = message
        let stale = fetchingSince.map { $0.duration(to: now) >= refetchAfter } ?? true
        guard stale, connected else { return ActionList() }
        // A gap: ask for what is missing, and again if no answer came in time.
        fetchingSince = now
        return ActionList(.fetch(after: offset))
    }

    /// The room announced at `now` that its last message is `lastSequence`: if the client has
    /// less, the last messages were lost on the way with nothing after them to show the gap, and
    /// it asks for them. Announcements come seconds apart, so each one asks again: the last
    /// request or its answer may have been lost too.
    public mutating func announced(lastSequence: Int, at now: SimulationInstant, connected: Bool) -> ActionList<Action> {
        let owed = Swift.min(lastSequence, owedUpTo ?? .max)
        guard owed > last, connected else { return ActionList() }
        if fetchingSince == nil { fetchingSince = now }
        return ActionList(.fetch(after: offset))
    }

    /// The client reconnected and its session resumed: the room resends what was missed, and
    /// live messages that overtake it wait for it.
    public mutating func resumed(at now: SimulationInstant) {
        fetchingSince = now
    }

    /// The room said the client is no longer a member: it accepted `lastSequence` messages
    /// while it was. The client shows what it holds up to there, asks for what it lacks, and
    /// lets the room go once it has everything it is owed.
    public mutating func left(lastSequence: Int, connected: Bool) -> ActionList<Action> {
        owedUpTo = lastSequence
        heldBack = heldBack.filter { $0.key <= lastSequence }
        var actions = ActionList<Action>()
        release(into: &actions)
        if last < lastSequence, connected { actions.append(.fetch(after: offset)) }
        return actions
    }

    /// A check on the client's unfinished leave comes round (one per ack timeout): it asks to
    /// leave again while the room has not answered, asks for what the room owes while it lacks
    /// some, and stops waiting at the ``leaveCheckLimit``-th check or without a connection.
    public mutating func checkLeave(connected: Bool) -> LeaveStep {
        leaveChecks += 1
        guard connected, leaveChecks < Self.leaveCheckLimit else { return .stopWaiting }
        guard let owedUpTo else { return .askAgain }
        return last < owedUpTo ? .fetch(after: offset) : .stopWaiting
    }

    /// The client stops waiting for what the room owed it (it ends its session, or the room's
    /// answers do not come): what it lacks is reported missing, and it lets the room go. Nothing
    /// happens unless the room said the client left.
    public mutating func giveUpLeaving() -> ActionList<Action> {
        guard let owedUpTo else { return ActionList() }
        var actions = ActionList<Action>()
        reportGap(upTo: owedUpTo, into: &actions)
        release(into: &actions)
        return actions
    }

    /// The room answered that it cannot give what the client missed: its history now starts a
    /// new `epoch` and ends at `lastSequence`. What never came is reported missing, what was
    /// held back is shown.
    public mutating func notRecovered(epoch: UInt64, lastSequence: Int) -> ActionList<Action> {
        var actions = ActionList<Action>()
        reportGap(upTo: Swift.min(lastSequence, owedUpTo ?? .max), into: &actions)
        self.epoch = epoch
        release(into: &actions)
        return actions
    }

    /// The client joined the room again without its session, at `offset`: the messages between
    /// where it stood and the room's position now are reported missing.
    public mutating func rejoined(at offset: RoomOffset) -> ActionList<Action> {
        var actions = ActionList<Action>()
        // Sequence numbers go on across epochs, so the gap is the same whatever the epoch.
        if offset.sequence > last { reportGap(upTo: offset.sequence, into: &actions) }
        epoch = offset.epoch
        last = Swift.max(last, offset.sequence)
        release(into: &actions)
        return actions
    }

    /// Shows held-back messages that are next in order; a gap closed ends the wait, and a client
    /// that left lets the room go once it has everything it is owed.
    private mutating func release(into actions: inout ActionList<Action>) {
        while let next = heldBack.removeValue(forKey: last + 1) {
            last = next.sequence
            actions.append(.show(next))
        }
        if heldBack.isEmpty, let since = fetchingSince {
            fetchingSince = nil
            actions.append(.recovered(since: since))
        }
        if let owedUpTo, last >= owedUpTo { actions.append(.letGo) }
    }

    /// The messages up to `upTo` that never came are reported missing, in runs; those held back
    /// are shown in order.
    private mutating func reportGap(upTo: Int, into actions: inout ActionList<Action>) {
        var gapStart: Int?
        var sequence = last + 1
        while sequence <= upTo {
            if let message = heldBack.removeValue(forKey: sequence) {
                if let start = gapStart {
                    actions.append(.reportGap(after: start - 1, upTo: sequence - 1))
                    gapStart = nil
                }
                last = message.sequence
                actions.append(.show(message))
            } else if gapStart == nil {
                gapStart = sequence
            }
            sequence += 1
        }
        if let start = gapStart { actions.append(.reportGap(after: start - 1, upTo: upTo)) }
        last = Swift.max(last, upTo)
    }
}
