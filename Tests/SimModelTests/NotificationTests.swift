import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Notification delivery")
struct NotificationDeliveryTests {
    private func at(_ seconds: Double) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds * 1e9)) }

    /// Drives a delivery against providers that answer each attempt with `answer(channel, attempt)`
    /// after one second (nil: never answers), and returns every action in order.
    private func drive(_ delivery: inout NotificationDelivery,
                       answer: (NotificationChannel, Int) -> Bool?) -> [NotificationDelivery.Action] {
        var log: [NotificationDelivery.Action] = []
        var pending = delivery.start(at: .start)
        var now = SimulationInstant.start
        while !pending.isEmpty {
            let action = pending.removeFirst()
            log.append(action)
            switch action {
            case .attempt(let channel, let attempt, let timeoutAt):
                if let succeeded = answer(channel, attempt) {
                    now = now.advanced(by: .seconds(1))
                    pending += delivery.answer(channel: channel, attempt: attempt, succeeded: succeeded, at: now)
                } else {
                    now = timeoutAt
                    pending += delivery.timeout(channel: channel, attempt: attempt, at: now)
                }
            case .scheduleRetry(let due):
                now = due
                pending += delivery.retryDue(at: now)
            case .finished:
                break
            }
        }
        return log
    }

    @Test func anEmailProviderThatAlwaysFailsFallsBackToPushWithinTheRetryLimit() {
        var delivery = NotificationDelivery(channels: [.email, .push], retry: RetryPolicy(maxAttempts: 3))
        let log = drive(&delivery) { channel, _ in channel == .push }
        let emailAttempts = log.filter { if case .attempt(.email, _, _) = $0 { true } else { false } }
        #expect(emailAttempts.count == 3)
        #expect(delivery.attempts == [3, 1])
        #expect(log.last == .finished(.delivered(.push)))
        #expect(delivery.state == .finished(.delivered(.push)))
    }

    @Test func backoffDoublesUpToItsCap() {
        var delivery = NotificationDelivery(
            channels: [.email],
            retry: RetryPolicy(maxAttempts: 5, initialBackoff: .seconds(1), maxBackoff: .seconds(3)))
        let log = drive(&delivery) { _, _ in false }
        let retries = log.compactMap { action -> SimulationInstant? in
            if case .scheduleRetry(let due) = action { due } else { nil }
        }
        // Each failure is answered 1 s after its attempt; then waits of 1, 2, 3, 3 s.
        #expect(retries == [at(2), at(5), at(9), at(13)])
        #expect(log.last == .finished(.failed))
        #expect(delivery.attempts == [5])
    }

    @Test func anUnansweredAttemptTimesOutAndFallsBack() {
        var delivery = NotificationDelivery(channels: [.realtime, .email],
                                            retry: RetryPolicy(maxAttempts: 1, attemptTimeout: .seconds(10)))
        let log = drive(&delivery) { channel, _ in channel == .realtime ? nil : true }
        // Realtime is never answered and times out at 10 s; email then starts at 10 s.
        let expected: [NotificationDelivery.Action] = [
            .attempt(channel: .realtime, attempt: 1, timeoutAt: at(10)),
            .attempt(channel: .email, attempt: 1, timeoutAt: at(20)),
            .finished(.delivered(.email)),
        ]
        #expect(log == expected)
    }

    @Test func deliveryIsIdempotentPerChannel() {
        var delivery = NotificationDelivery(channels: [.email, .push], retry: RetryPolicy())
        _ = delivery.start(at: .start)
        let first = delivery.answer(channel: .email, attempt: 1, succeeded: true, at: at(1))
        #expect(first == [.finished(.delivered(.email))])
        // A duplicate acknowledgement, a late failure or a timeout change nothing.
        let duplicate = delivery.answer(channel: .email, attempt: 1, succeeded: true, at: at(2))
        let lateFailure = delivery.answer(channel: .email, attempt: 1, succeeded: false, at: at(2))
        let lateTimeout = delivery.timeout(channel: .email, attempt: 1, at: at(10))
        #expect(duplicate.isEmpty && lateFailure.isEmpty && lateTimeout.isEmpty)
        #expect(delivery.state == .finished(.delivered(.email)))
    }

    @Test func aLateSuccessOfAnEarlierAttemptStillDelivers() {
        var delivery = NotificationDelivery(channels: [.email], retry: RetryPolicy(maxAttempts: 3))
        _ = delivery.start(at: .start)
        _ = delivery.timeout(channel: .email, attempt: 1, at: at(10))
        #expect(delivery.state == .backingOff(channel: .email, attempt: 2))
        let late = delivery.answer(channel: .email, attempt: 1, succeeded: true, at: at(10.5))
        #expect(late == [.finished(.delivered(.email))])
    }

    @Test func noChannelMeansFailure() {
        var delivery = NotificationDelivery(channels: [], retry: RetryPolicy())
        let actions = delivery.start(at: .start)
        #expect(actions == [.finished(.failed)])
    }
}

@Suite("Notification inbox")
struct NotificationInboxTests {
    private func at(_ seconds: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds) * 1_000_000_000) }

    @Test(arguments: 1...10)
    func theBadgeAlwaysEqualsTheUnreadCount(seed: UInt64) {
        var random = RandomStream(seed: seed, stream: "inbox")
        var inbox = NotificationInbox()
        for step in 0..<500 {
            let id = random.next(below: 60)
            switch random.next(below: 5) {
            case 0, 1: inbox.add(id: id, kind: .newMessage, at: at(step))
            case 2: inbox.markRead(id: id, at: at(step))
            case 3: inbox.markRead(ids: [id, id + 1, id + 2], at: at(step))
            default:
                if random.next(below: 10) == 0 { inbox.markAllRead(createdUpTo: at(step - 20), at: at(step)) }
                else { inbox.click(id: id, at: at(step)) }
            }
            #expect(inbox.unread == inbox.entries.filter { $0.readAt == nil }.count)
            #expect(inbox.unread >= 0)
        }
    }

    @Test func markAllRespectsItsCutoff() {
        var inbox = NotificationInbox()
        for second in 0..<10 { inbox.add(id: UInt64(second), kind: .orderUpdate, at: at(second)) }
        let marked = inbox.markAllRead(createdUpTo: at(5), at: at(20))
        #expect(marked == 6)
        #expect(inbox.unread == 4)
        #expect(inbox.entries.filter { $0.readAt != nil }.map(\.id) == Array(0...5))
        let again = inbox.markAllRead(createdUpTo: at(5), at: at(21))
        #expect(again == 0)
    }

    @Test func addingTheSameNotificationTwiceCountsOnce() {
        var inbox = NotificationInbox()
        let added = inbox.add(id: 1, kind: .paymentReminder, at: at(0))
        let addedAgain = inbox.add(id: 1, kind: .paymentReminder, at: at(1))
        #expect(added && !addedAgain)
        #expect(inbox.unread == 1)
        let read = inbox.markRead(id: 1, at: at(2))
        let readAgain = inbox.markRead(id: 1, at: at(3))
        #expect(read && !readAgain)
        #expect(inbox.unread == 0)
    }

    @Test func pagesHoldTwentyNewestFirst() {
        var inbox = NotificationInbox()
        for id in 0..<45 { inbox.add(id: UInt64(id), kind: .system, at: at(id)) }
        #expect(inbox.page(0).map(\.id) == (25..<45).reversed().map(UInt64.init))
        #expect(inbox.page(1).map(\.id) == (5..<25).reversed().map(UInt64.init))
        #expect(inbox.page(2).map(\.id) == (0..<5).reversed().map(UInt64.init))
        #expect(inbox.page(3).isEmpty)
    }

    @Test func aClickIsRecordedOnceAndMarksRead() {
        var inbox = NotificationInbox()
        inbox.add(id: 7, kind: .newQuote, at: at(0))
        let clicked = inbox.click(id: 7, at: at(3))
        let clickedAgain = inbox.click(id: 7, at: at(5))
        let missing = inbox.click(id: 8, at: at(5))
        #expect(clicked && clickedAgain && !missing)
        #expect(inbox.entries[0].clickedAt == at(3))
        #expect(inbox.entries[0].readAt == at(3))
        #expect(inbox.unread == 0)
    }

    @Test func theMarketplaceHasTenTypes() {
        #expect(Set(NotificationKind.marketplace).count == 10)
    }
}
