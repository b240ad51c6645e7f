import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Room log")
struct RoomLogTests {
    private func instant(_ seconds: Int) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds) * 1_000_000_000) }

    private func log(_ count: Int, policy: RoomHistoryPolicy = RoomHistoryPolicy()) -> RoomLog {
        var log = RoomLog(policy: policy)
        for index in 0..<count { _ = log.append(sender: index % 7, clientMessage: UInt64(index), bytes: 100, at: .start) }
        return log
    }

    @Test func sequencesStartAtOneWithoutGaps() {
        let log = log(120)
        #expect(log.messages.map(\.sequence) == Array(1...120))
        #expect(log.lastSequence == 120)
    }

    @Test(arguments: [0, 1, 49, 50, 51, 173, 1_000])
    func walkingThePagesYieldsEveryKeptMessageOnceInOrder(count: Int) {
        var log = log(count)
        var walked: [Int] = []
        var cursor: Int? = nil
        var pages = 0
        repeat {
            let page = log.page(before: cursor, at: .start)
            #expect(page.messages.count <= 50)
            if page.olderCursor != nil { #expect(page.messages.count == 50) }
            walked = page.messages.map(\.sequence) + walked
            cursor = page.olderCursor
            pages += 1
        } while cursor != nil
        #expect(walked == Array(stride(from: 1, through: count, by: 1)))
        #expect(pages == max(1, (count + 49) / 50))
    }

    @Test func historyIsBoundedBySizeAndAge() {
        var bySize = log(30, policy: RoomHistoryPolicy(maxMessages: 10))
        #expect(bySize.messages.map(\.sequence) == Array(21...30))
        #expect(bySize.page(at: .start).olderCursor == nil)

        var byAge = RoomLog(policy: RoomHistoryPolicy(maxAge: .seconds(60)))
        for second in 0..<100 { _ = byAge.append(sender: 1, clientMessage: UInt64(second), bytes: 10, at: instant(second)) }
        #expect(byAge.messages.first?.sequence == 40)  // sent at 39 s, the oldest within 60 s of 99 s
        byAge.trim(at: instant(200))
        #expect(byAge.messages.isEmpty)
    }

    @Test func recoveryReturnsExactlyTheMissedMessages() {
        var log = log(100)
        #expect(log.recover(after: 100, epoch: 1, at: .start) == .recovered([]))
        guard case .recovered(let missed) = log.recover(after: 73, epoch: 1, at: .start) else {
            Issue.record("recovery refused"); return
        }
        #expect(missed.map(\.sequence) == Array(74...100))
        #expect(missed == Array(log.messages.suffix(27)))
    }

    @Test func recoverySaysWhenItCannot() {
        var trimmed = log(50, policy: RoomHistoryPolicy(maxMessages: 10))
        #expect(trimmed.recover(after: 39, epoch: 1, at: .start) == .notRecovered(.historyTrimmed))
        guard case .recovered(let missed) = trimmed.recover(after: 40, epoch: 1, at: .start) else {
            Issue.record("recovery from the oldest kept message refused"); return
        }
        #expect(missed.count == 10)

        var capped = log(500, policy: RoomHistoryPolicy(recoveryLimit: 300))
        #expect(capped.recover(after: 199, epoch: 1, at: .start) == .notRecovered(.tooManyMissed))
        #expect(capped.recover(after: 200, epoch: 1, at: .start) != .notRecovered(.tooManyMissed))

        var lost = log(10)
        lost.loseHistory(at: .start)
        #expect(lost.epoch == 2)
        #expect(lost.recover(after: 5, epoch: 1, at: .start) == .notRecovered(.epochChanged))
        let next = lost.append(sender: 1, clientMessage: 99, bytes: 10, at: .start)
        #expect(next.sequence == 11)
        guard case .recovered(let afterLoss) = lost.recover(after: 10, epoch: 2, at: .start) else {
            Issue.record("recovery within the new epoch refused"); return
        }
        #expect(afterLoss.map(\.sequence) == [11])
    }

    @Test func invalidPoliciesNameTheirKey() {
        do {
            try RoomHistoryPolicy(pageSize: 0).validate(at: "rooms.history")
            Issue.record("page size 0 accepted")
        } catch {
            #expect(error.location == "rooms.history.page_size")
        }
    }
}
