import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Receipts")
struct ReceiptLedgerTests {
    @Test(arguments: 1...10)
    func markersAreMonotoneAndReadImpliesDelivered(seed: UInt64) {
        var random = RandomStream(seed: seed, stream: "receipts")
        var ledger = ReceiptLedger()
        var previous = ReceiptLedger.Marker()
        for _ in 0..<500 {
            let kind: ReceiptKind = random.next(below: 2) == 0 ? .delivered : .read
            ledger.record(kind, user: 1, room: 1, upTo: Int(random.next(below: 100)))
            let marker = ledger.marker(user: 1, room: 1)
            #expect(marker.delivered >= previous.delivered && marker.read >= previous.read)
            #expect(marker.read <= marker.delivered)
            previous = marker
        }
    }

    @Test func aBatchCoalescesEachMarkerToItsLatestPosition() {
        var ledger = ReceiptLedger()
        ledger.record(.delivered, user: 2, room: 5, upTo: 3)
        ledger.record(.delivered, user: 2, room: 5, upTo: 7)
        ledger.record(.read, user: 2, room: 5, upTo: 4)
        ledger.record(.delivered, user: 1, room: 5, upTo: 2)
        let stale = ledger.record(.delivered, user: 2, room: 5, upTo: 6)
        #expect(!stale)
        let first = ledger.flush()
        #expect(first == [
            .init(kind: .delivered, user: 1, room: 5, from: 0, upTo: 2),
            .init(kind: .delivered, user: 2, room: 5, from: 0, upTo: 7),
            .init(kind: .read, user: 2, room: 5, from: 0, upTo: 4),
        ])
        let empty = ledger.flush()
        #expect(empty.isEmpty)
        ledger.record(.read, user: 2, room: 5, upTo: 9)
        let second = ledger.flush()
        #expect(second == [
            .init(kind: .delivered, user: 2, room: 5, from: 7, upTo: 9),
            .init(kind: .read, user: 2, room: 5, from: 4, upTo: 9),
        ])
    }

    @Test func nobodyIsToldOfAReceiptForTheirOwnMessage() {
        var log = RoomLog(policy: RoomHistoryPolicy())
        for sender in [1, 2, 1, 3, 2] { _ = log.append(sender: sender, clientMessage: 0, bytes: 10, at: .start) }
        #expect(log.senders(notifiedOf: 2, after: 0, upTo: 5) == [1, 3])
        #expect(log.senders(notifiedOf: 1, after: 2, upTo: 4) == [3])
        #expect(log.senders(notifiedOf: 3, after: 3, upTo: 4).isEmpty)
    }
}
