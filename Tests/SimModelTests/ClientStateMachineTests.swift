import Testing
import SimEvents
@testable import SimModel
import SimRuntime

/// A client's decisions, fed inputs directly and judged by the actions they return: no engine,
/// no actor, no clock.
@Suite("Client state machines")
struct ClientStateMachineTests {
    private static func at(_ seconds: Double) -> SimulationInstant {
        SimulationInstant(nanoseconds: Int64(seconds * 1e9))
    }

    private static func message(_ sequence: Int, from sender: Int = 2) -> RoomMessage {
        RoomMessage(sequence: sequence, sender: sender, clientMessage: UInt64(sequence), acceptedAt: .start, bytes: 10)
    }

    private typealias Reception = RoomReception.Action

    @Test func messagesInOrderAreShownAndRepeatsDropped() {
        var room = RoomReception(joinedAt: RoomOffset(room: 3, epoch: 1, sequence: 10))
        #expect(Array(room.receive(Self.message(9), at: .start, refetchAfter: .seconds(5), connected: true)).isEmpty)
        #expect(Array(room.receive(Self.message(11), at: .start, refetchAfter: .seconds(5), connected: true))
                == [.show(Self.message(11))])
        #expect(Array(room.receive(Self.message(11), at: .start, refetchAfter: .seconds(5), connected: true))
                == [.dropDuplicate])
        #expect(room.last == 11 && room.offset == RoomOffset(room: 3, epoch: 1, sequence: 11))
    }

    @Test func aMessageAheadIsHeldBackUntilTheGapFillsAndTheFetchIsRepeatedOnlyWhenStale() {
        var room = RoomReception(joinedAt: RoomOffset(room: 3, epoch: 1, sequence: 0))
        // 3 arrives first: held back, and the client asks for what follows 0.
        #expect(Array(room.receive(Self.message(3), at: Self.at(1), refetchAfter: .seconds(5), connected: true))
                == [.fetch(after: RoomOffset(room: 3, epoch: 1, sequence: 0))])
        // 4 within the ack timeout: held back, no second fetch; the held-back 3 is a duplicate.
        #expect(Array(room.receive(Self.message(4), at: Self.at(2), refetchAfter: .seconds(5), connected: true)).isEmpty)
        #expect(Array(room.receive(Self.message(3), at: Self.at(2), refetchAfter: .seconds(5), connected: true))
                == [.dropDuplicate])
        // 5 after the timeout: asked again.
        #expect(Array(room.receive(Self.message(5), at: Self.at(7), refetchAfter: .seconds(5), connected: true))
                == [.fetch(after: RoomOffset(room: 3, epoch: 1, sequence: 0))])
        #expect(room.heldBackCount == 3)
        // 1 and 2 come: everything is shown in order and the gap, seen at 7 s, is closed.
        #expect(Array(room.receive(Self.message(1), at: Self.at(8), refetchAfter: .seconds(5), connected: true))
                == [.show(Self.message(1))])
        #expect(Array(room.receive(Self.message(2), at: Self.at(8), refetchAfter: .seconds(5), connected: true))
                == [.show(Self.message(2)), .show(Self.message(3)), .show(Self.message(4)), .show(Self.message(5)),
                    .recovered(since: Self.at(7))])
        #expect(room.heldBackCount == 0 && room.fetchingSince == nil && room.last == 5)
    }

    @Test func withoutAConnectionAGapWaitsToBeFetched() {
        var room = RoomReception(joinedAt: RoomOffset(room: 0, epoch: 1, sequence: 0))
        #expect(Array(room.receive(Self.message(2), at: .start, refetchAfter: .seconds(5), connected: false)).isEmpty)
        #expect(room.fetchingSince == nil)
        #expect(Array(room.receive(Self.message(3), at: .start, refetchAfter: .seconds(5), connected: true))
                == [.fetch(after: RoomOffset(room: 0, epoch: 1, sequence: 0))])
    }

    @Test func whatCannotBeRecoveredIsReportedInRunsAndWhatWasHeldBackIsShown() {
        var room = RoomReception(joinedAt: RoomOffset(room: 0, epoch: 1, sequence: 0))
        for sequence in [3, 6] {
            _ = room.receive(Self.message(sequence), at: Self.at(1), refetchAfter: .seconds(5), connected: true)
        }
        // The room's history restarted (epoch 2) and ends at 8: 1–2, 4–5 and 7–8 never come.
        #expect(Array(room.notRecovered(epoch: 2, lastSequence: 8))
                == [.reportGap(after: 0, upTo: 2), .show(Self.message(3)), .reportGap(after: 3, upTo: 5),
                    .show(Self.message(6)), .reportGap(after: 6, upTo: 8), .recovered(since: Self.at(1))])
        #expect(room.last == 8 && room.epoch == 2)
    }

    @Test func rejoiningWithoutASessionReportsWhatWasMissed() {
        var room = RoomReception(joinedAt: RoomOffset(room: 0, epoch: 1, sequence: 4))
        #expect(Array(room.rejoined(at: RoomOffset(room: 0, epoch: 2, sequence: 9))) == [.reportGap(after: 4, upTo: 9)])
        #expect(room.offset == RoomOffset(room: 0, epoch: 2, sequence: 9))
        // Nothing missed: nothing reported.
        #expect(Array(room.rejoined(at: RoomOffset(room: 0, epoch: 2, sequence: 9))).isEmpty)
    }

    private let atLeastOnce = OutgoingMessages.Policy(guarantee: .atLeastOnce, attempts: 3, offlineQueue: true)

    @Test func aMessageIsSentUntilAcknowledgedUpToItsAttempts() {
        var outgoing = OutgoingMessages()
        let sent = Array(outgoing.post(7, to: 1, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce))
        guard case .send(7, let first, awaitsAck: true)? = sent.first, sent.count == 1 else {
            Issue.record("\(sent)")
            return
        }
        #expect(first.attempts == 1 && first.room == 1)
        // A timeout for an attempt already superseded does nothing.
        #expect(Array(outgoing.ackTimedOut(7, attempt: 0, connected: true, policy: atLeastOnce)).isEmpty)
        let second = Array(outgoing.ackTimedOut(7, attempt: 1, connected: true, policy: atLeastOnce))
        #expect(second.count == 1 && { if case .send(7, let m, true) = second[0] { m.attempts == 2 } else { false } }())
        let third = Array(outgoing.failed(7, connected: true, policy: atLeastOnce))
        #expect(third.count == 1 && { if case .send(7, let m, true) = third[0] { m.attempts == 3 } else { false } }())
        #expect(Array(outgoing.ackTimedOut(7, attempt: 3, connected: true, policy: atLeastOnce)) == [.giveUp(id: 7)])
        #expect(outgoing.count == 0)
    }

    @Test func anAckOrARefusalEndsTheMessage() {
        var outgoing = OutgoingMessages()
        _ = outgoing.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        _ = outgoing.post(2, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        outgoing.acknowledged(1)
        outgoing.refused(2)
        #expect(outgoing.count == 0)
        #expect(Array(outgoing.ackTimedOut(1, attempt: 1, connected: true, policy: atLeastOnce)).isEmpty)
        #expect(Array(outgoing.rateLimited(2, retryAfter: .seconds(30))).isEmpty)
    }

    @Test func atMostOnceSendsOnceAndForgets() {
        var outgoing = OutgoingMessages()
        let policy = OutgoingMessages.Policy(guarantee: .atMostOnce, attempts: 3, offlineQueue: true)
        let sent = Array(outgoing.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: policy))
        #expect(sent.count == 1 && { if case .send(1, _, awaitsAck: false) = sent[0] { true } else { false } }())
        #expect(outgoing.count == 0 && Array(outgoing.failed(1, connected: true, policy: policy)).isEmpty)
    }

    @Test func offlineMessagesWaitForTheConnectionInTheOrderSentOrAreLostWithoutAQueue() {
        var outgoing = OutgoingMessages()
        for id: UInt64 in [5, 3, 4] {
            #expect(Array(outgoing.post(id, to: 0, bytes: 10, sentAt: .start, connected: false, policy: atLeastOnce)).isEmpty)
        }
        let resent = Array(outgoing.connected(policy: atLeastOnce)).compactMap { action -> UInt64? in
            if case .send(let id, _, _) = action { id } else { nil }
        }
        #expect(resent == [3, 4, 5])
        let noQueue = OutgoingMessages.Policy(guarantee: .atLeastOnce, attempts: 3, offlineQueue: false)
        #expect(Array(outgoing.post(9, to: 0, bytes: 10, sentAt: .start, connected: false, policy: noQueue)) == [.dropOffline])
    }

    @Test func aRateLimitedMessageIsRetriedAfterWhatTheLimitSaid() {
        var outgoing = OutgoingMessages()
        _ = outgoing.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        #expect(Array(outgoing.rateLimited(1, retryAfter: .seconds(30))) == [.retry(id: 1, after: .seconds(30))])
    }

    @Test func receiptsMarkDeliveryAtOnceAndReadingOneBatchLater() {
        var markers = ReceiptMarkers(joinedAfter: 10)
        // Nothing new: nothing sent.
        #expect(markers.flush(shownUpTo: 10) == ReceiptMarkers.Batch(receipts: ActionList(), needsAnother: false))
        // Shown up to 14: delivered now, read in the next batch.
        let first = markers.flush(shownUpTo: 14)
        #expect(Array(first.receipts) == [.init(kind: .delivered, upTo: 14)] && first.needsAnother)
        let second = markers.flush(shownUpTo: 16)
        #expect(Array(second.receipts) == [.init(kind: .delivered, upTo: 16), .init(kind: .read, upTo: 14)])
        #expect(second.needsAnother)
        let third = markers.flush(shownUpTo: 16)
        #expect(Array(third.receipts) == [.init(kind: .read, upTo: 16)] && !third.needsAnother)
        #expect(markers.flush(shownUpTo: 16).receipts.isEmpty)
    }

    @Test func anActionListKeepsItsOrder() {
        var list = ActionList<Int>()
        #expect(list.isEmpty && Array(list).isEmpty)
        for value in 1...4 { list.append(value) }
        #expect(Array(list) == [1, 2, 3, 4])
        #expect(Array(ActionList(9)) == [9])
    }
}
