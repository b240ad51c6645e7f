import Testing
@testable import SimCheckers
import SimEvents
import SimRuntime

@Suite("Receipt markers as told")
struct SentMarkersTests {
    @Test func eachRecipientKeepsWhatItWasToldAsATableOfEveryPairWould() {
        struct Pair: Hashable {
            var recipient: Int, reader: Int, room: Int, kind: ReceiptKind
        }
        var markers = SentMarkers()
        var reference: [Pair: Int] = [:]
        var random = RandomStream(seed: 5, stream: "sent-markers")
        for _ in 0..<20_000 {
            let pair = Pair(recipient: Int(random.next(below: 40)), reader: Int(random.next(below: 6)),
                            room: Int(random.next(below: 3)), kind: random.next(below: 2) == 0 ? .delivered : .read)
            let upTo = Int(random.next(below: 50)) - 5
            let told = markers.tell(recipient: pair.recipient, reader: pair.reader, room: pair.room, kind: pair.kind, upTo: upTo)
            #expect(told == reference[pair])
            reference[pair] = Swift.max(reference[pair] ?? 0, upTo)
        }
    }

    @Test func theFirstMarkerIsNeverBehindAndAMarkerNeverMovesBack() {
        var markers = SentMarkers()
        #expect(markers.tell(recipient: 1, reader: 2, room: 0, kind: .read, upTo: -3) == nil)
        #expect(markers.tell(recipient: 1, reader: 2, room: 0, kind: .read, upTo: 4) == 0)
        #expect(markers.tell(recipient: 1, reader: 2, room: 0, kind: .read, upTo: 2) == 4)
        #expect(markers.tell(recipient: 1, reader: 2, room: 0, kind: .read, upTo: 9) == 4)
        #expect(markers.tell(recipient: 1, reader: 2, room: 0, kind: .delivered, upTo: 9) == nil)
        #expect(markers.tell(recipient: 3, reader: 2, room: 0, kind: .read, upTo: 1) == nil)
    }
}
