public import DequeModule
public import SimRuntime
public import SimEvents

/// A room's ordered history: the single writer's sequence numbers, the messages it keeps,
/// pagination and connection-state recovery. A value type with no clock or I/O; the room actor
/// passes in the time.
///
/// ```swift
/// var log = RoomLog(policy: RoomHistoryPolicy())
/// let message = log.append(sender: 7, clientMessage: 42, bytes: 120, at: now)
/// switch log.recover(after: lastSeen, epoch: clientEpoch, at: now) { ... }
/// ```
///
/// Sequence numbers start at 1 and have no gaps. The epoch identifies one unbroken history:
/// it changes when history is lost (``loseHistory(at:)``), so an offset from an older epoch can
/// never be mistaken for a position in the new one.
///
/// - Complexity: appending is amortised O(1); a page or a recovery is O(k) in the messages it
///   returns plus O(log n) to find where it starts.
public struct RoomLog: Sendable {
    /// The retention and paging policy.
    public let policy: RoomHistoryPolicy
    /// The current epoch, from 1.
    public private(set) var epoch: UInt64 = 1
    /// The sequence number the next message will get.
    public private(set) var nextSequence = 1
    private var kept = Deque<RoomMessage>()

    public init(policy: RoomHistoryPolicy) {
        self.policy = policy
    }

    /// The messages kept now, oldest first.
    public var messages: Deque<RoomMessage> { kept }

    /// The last sequence number given, or 0 before the first message.
    public var lastSequence: Int { nextSequence - 1 }

    /// Sequences the next message and keeps it.
    public mutating func append(sender: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant? = nil,
                                roomSize: Int = 0, edit: DocumentEdit? = nil, at time: SimulationInstant) -> RoomMessage {
        let message = RoomMessage(sequence: nextSequence, sender: sender, clientMessage: clientMessage,
                                  sentAt: sentAt, acceptedAt: time, bytes: bytes, roomSize: roomSize, edit: edit)
        nextSequence += 1
        kept.append(message)
        trim(at: time)
        return message
    }

    /// Drops messages beyond the size limit or older than the age limit at `time`.
    public mutating func trim(at time: SimulationInstant) {
        while kept.count > policy.maxMessages { kept.removeFirst() }
        let oldestAllowed = time.advanced(by: .zero - policy.maxAge)
        while let first = kept.first, first.acceptedAt < oldestAllowed { kept.removeFirst() }
    }

    /// Loses every kept message (a store failure): the epoch changes; sequence numbers go on.
    public mutating func loseHistory(at time: SimulationInstant) {
        kept.removeAll()
        epoch += 1
    }

    /// The page of up to `pageSize` messages older than `cursor` (all newer pages first: nil
    /// means the newest page).
    public mutating func page(before cursor: Int? = nil, at time: SimulationInstant) -> HistoryPage {
        trim(at: time)
        let end = cursor.map { firstIndex(withSequenceAtLeast: $0) } ?? kept.count
        let start = Swift.max(0, end - policy.pageSize)
        let messages = Array(kept[start..<end])
        return HistoryPage(messages: messages, olderCursor: start > 0 ? messages.first?.sequence : nil)
    }

    /// What a client that last saw `offset` in `epoch` missed, or why it cannot be given.
    public mutating func recover(after offset: Int, epoch clientEpoch: UInt64, at time: SimulationInstant) -> RoomRecovery {
        trim(at: time)
        guard clientEpoch == epoch else { return .notRecovered(.epochChanged) }
        let missed = lastSequence - offset
        if missed <= 0 { return .recovered([]) }
        guard missed <= policy.recoveryLimit else { return .notRecovered(.tooManyMissed) }
        guard let oldest = kept.first, oldest.sequence <= offset + 1 else { return .notRecovered(.historyTrimmed) }
        let start = firstIndex(withSequenceAtLeast: offset + 1)
        return .recovered(Array(kept[start...]))
    }

    /// The senders to tell about a receipt of `reader` for the messages after `from` up to
    /// `upTo`: everyone who sent one of them except the reader, since nobody gets a receipt for
    /// their own message. Ascending; only kept messages count.
    public func senders(notifiedOf reader: Int, after from: Int, upTo: Int) -> [Int] {
        let start = firstIndex(withSequenceAtLeast: from + 1)
        var senders = Set<Int>()
        for index in start..<kept.count where kept[index].sequence <= upTo && kept[index].sender != reader {
            senders.insert(kept[index].sender)
        }
        return senders.sorted()
    }

    /// The edits of the messages after `base`, in order: what an edit made on the document at
    /// `base` must be transformed against. Nil when some of those messages are no longer kept.
    public func edits(after base: Int) -> [DocumentEdit]? {
        guard base < lastSequence else { return [] }
        guard let oldest = kept.first, oldest.sequence <= base + 1 else { return nil }
        let start = firstIndex(withSequenceAtLeast: base + 1)
        return kept[start...].compactMap(\.edit)
    }

    /// The index of the first kept message whose sequence is at least `sequence` (binary search:
    /// kept sequences are increasing).
    private func firstIndex(withSequenceAtLeast sequence: Int) -> Int {
        var low = 0
        var high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if kept[middle].sequence < sequence { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
