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

    private static func sentIDs(_ actions: some Sequence<OutgoingMessages.Action>) -> [UInt64] {
        actions.compactMap { action -> UInt64? in if case .send(let id, _, _) = action { id } else { nil } }
    }

    @Test func anAckOrARefusalEndsTheMessageAndSendsTheOneWaitingBehindIt() {
        var outgoing = OutgoingMessages()
        #expect(Self.sentIDs(outgoing.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)) == [1])
        // A second message to the same room waits for the first one's ack.
        #expect(Self.sentIDs(outgoing.post(2, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)).isEmpty)
        #expect(Self.sentIDs(outgoing.post(3, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)).isEmpty)
        #expect(Self.sentIDs(outgoing.acknowledged(1, connected: true, policy: atLeastOnce)) == [2])
        #expect(Self.sentIDs(outgoing.refused(2, connected: true, policy: atLeastOnce)) == [3])
        #expect(Self.sentIDs(outgoing.acknowledged(3, connected: true, policy: atLeastOnce)).isEmpty)
        #expect(outgoing.count == 0)
        #expect(Array(outgoing.ackTimedOut(1, attempt: 1, connected: true, policy: atLeastOnce)).isEmpty)
        #expect(Array(outgoing.rateLimited(2, retryAfter: .seconds(30))).isEmpty)
    }

    @Test func aRetryIsNeverOvertakenByALaterMessageToItsRoomButOtherRoomsGoOn() {
        var outgoing = OutgoingMessages()
        _ = outgoing.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        _ = outgoing.post(2, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        // Another room is not held up.
        #expect(Self.sentIDs(outgoing.post(3, to: 5, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)) == [3])
        // Message 1 is rate limited, then retried twice: 2 does not go meanwhile.
        #expect(Array(outgoing.rateLimited(1, retryAfter: .seconds(10))) == [.retry(id: 1, after: .seconds(10))])
        #expect(Self.sentIDs(outgoing.retry(1, connected: true, policy: atLeastOnce)) == [1])
        #expect(Self.sentIDs(outgoing.ackTimedOut(1, attempt: 2, connected: true, policy: atLeastOnce)) == [1])
        // Its attempts spent, 1 is given up and 2 goes at once.
        let afterGivingUp = Array(outgoing.ackTimedOut(1, attempt: 3, connected: true, policy: atLeastOnce))
        #expect(afterGivingUp.first == .giveUp(id: 1))
        #expect(Self.sentIDs(afterGivingUp) == [2])
        // Given up while disconnected, the next waits for the connection.
        var offline = OutgoingMessages()
        _ = offline.post(1, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        _ = offline.post(2, to: 0, bytes: 10, sentAt: .start, connected: true, policy: atLeastOnce)
        #expect(Self.sentIDs(offline.acknowledged(1, connected: false, policy: atLeastOnce)).isEmpty)
        #expect(Self.sentIDs(offline.connected(policy: atLeastOnce)) == [2])
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
        for (id, room): (UInt64, Int) in [(3, 0), (4, 1), (5, 0)] {
            #expect(Array(outgoing.post(id, to: room, bytes: 10, sentAt: .start, connected: false, policy: atLeastOnce)).isEmpty)
        }
        // The first of each room goes, in sending order; 5 waits behind 3.
        #expect(Self.sentIDs(outgoing.connected(policy: atLeastOnce)) == [3, 4])
        #expect(Self.sentIDs(outgoing.acknowledged(3, connected: true, policy: atLeastOnce)) == [5])
        // At most once sends everything it kept, in order, and forgets it.
        var atMostOnce = OutgoingMessages()
        let once = OutgoingMessages.Policy(guarantee: .atMostOnce, attempts: 1, offlineQueue: true)
        for id: UInt64 in [7, 8] { _ = atMostOnce.post(id, to: 0, bytes: 10, sentAt: .start, connected: false, policy: once) }
        #expect(Self.sentIDs(atMostOnce.connected(policy: once)) == [7, 8])
        #expect(atMostOnce.count == 0)
        let noQueue = OutgoingMessages.Policy(guarantee: .atLeastOnce, attempts: 3, offlineQueue: false)
        #expect(Array(outgoing.post(9, to: 0, bytes: 10, sentAt: .start, connected: false, policy: noQueue)) == [.dropOffline])
    }

    @Test func anUnansweredLeaveIsAskedAgainThenWhatIsOwedFetchedThenGivenUp() {
        var room = RoomReception(joinedAt: RoomOffset(room: 2, epoch: 1, sequence: 0))
        _ = room.receive(Self.message(1), at: Self.at(1), refetchAfter: .seconds(5), connected: true)
        // No answer yet: ask again.
        #expect(room.checkLeave(connected: true) == .askAgain)
        // The room owes up to 3; the client has 1: fetch the rest.
        #expect(Array(room.left(lastSequence: 3, connected: true)) == [.fetch(after: RoomOffset(room: 2, epoch: 1, sequence: 1))])
        #expect(room.checkLeave(connected: true) == .fetch(after: RoomOffset(room: 2, epoch: 1, sequence: 1)))
        #expect(room.checkLeave(connected: true) == .fetch(after: RoomOffset(room: 2, epoch: 1, sequence: 1)))
        // The last check stops waiting, and what is lacking is reported.
        #expect(room.checkLeave(connected: true) == .stopWaiting)
        #expect(room.leaveChecks == RoomReception.leaveCheckLimit)
        #expect(Array(room.giveUpLeaving()) == [.reportGap(after: 1, upTo: 3), .letGo])
        // Without a connection the client stops at once.
        var offline = RoomReception(joinedAt: RoomOffset(room: 2, epoch: 1, sequence: 0))
        #expect(offline.checkLeave(connected: false) == .stopWaiting)
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
