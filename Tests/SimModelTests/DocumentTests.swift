import Testing
import SimEvents
import SimModel
import SimRuntime
import SimTesting

/// Shared documents: the transformation of concurrent edits, replicas, and the room as their
/// sequencer.
@Suite("Shared documents")
struct DocumentTests {
    /// Every edit on a document of `length` elements, inserting `element`.
    private static func edits(on length: Int, inserting element: UInt64) -> [DocumentEdit] {
        (0...length).map { DocumentEdit.insert(at: $0, element: element) } + (0..<length).map { DocumentEdit.delete(at: $0) }
            + [.none]
    }

    @Test func concurrentEditsAppliedInEitherOrderGiveTheSameDocument() {
        // Every pair of edits on documents of up to five elements, inserts of distinct and of
        // equal elements (one edit applied twice).
        for length in 0...5 {
            let start = DocumentContent(elements: (0..<UInt64(length)).map { 100 + $0 })
            for (first, second) in [(UInt64(1), UInt64(2)), (2, 1), (3, 3)] {
                for a in Self.edits(on: length, inserting: first) {
                    for b in Self.edits(on: length, inserting: second) {
                        var aThenB = start
                        aThenB.apply(a)
                        let bApplies = aThenB.apply(b.transformed(against: a))
                        #expect(bApplies)
                        var bThenA = start
                        bThenA.apply(b)
                        let aApplies = bThenA.apply(a.transformed(against: b))
                        #expect(aApplies)
                        #expect(aThenB == bThenA, "\(a) and \(b) on \(start.elements)")
                    }
                }
            }
        }
    }

    @Test func deletingWhatAnotherDeletedBecomesNothing() {
        #expect(DocumentEdit.delete(at: 2).transformed(against: .delete(at: 2)) == .none)
        #expect(DocumentEdit.delete(at: 4).transformed(against: .insert(at: 1, element: 9)) == .delete(at: 5))
        #expect(DocumentEdit.insert(at: 3, element: 1).transformed(against: .delete(at: 0)) == .insert(at: 2, element: 1))
        #expect(DocumentEdit.none.transformed(against: .delete(at: 0)) == .none)
    }

    @Test func aReplicaWithAnEditInFlightEndsWhereTheRoomsDocumentIs() {
        var replica = DocumentReplica()
        #expect(Array(replica.restore(DocumentContent(elements: [10, 20]), at: 4))
                == [.settled(at: 4, length: 2, digest: DocumentContent(elements: [10, 20]).digest)])
        // The user inserts 7 at the front; meanwhile the room accepted someone's delete of 20.
        let request = replica.begin(.insert(at: 0, element: 7), id: 7)
        #expect(request == EditRequest(.insert(at: 0, element: 7), base: 4))
        #expect(!replica.isReady)
        #expect(Array(replica.receive(5, edit: .delete(at: 1), own: nil)).isEmpty)
        #expect(replica.content.elements == [7, 10])
        // The room's copy of the own edit, transformed as the replica transformed it, settles it.
        var room = DocumentContent(elements: [10, 20])
        room.apply(.delete(at: 1))
        let own = DocumentEdit.insert(at: 0, element: 7).transformed(against: .delete(at: 1))
        room.apply(own)
        #expect(Array(replica.receive(6, edit: own, own: 7)) == [.settled(at: 6, length: 2, digest: room.digest)])
        #expect(replica.content == room && replica.isReady)
        // A chat message moves the sequence and settles nothing.
        #expect(Array(replica.receive(7, edit: nil, own: nil)).isEmpty && replica.sequence == 7)
    }

    @Test func anAbandonedEditIsUndone() {
        var replica = DocumentReplica()
        _ = replica.restore(DocumentContent(elements: [1, 2, 3]), at: 1)
        _ = replica.begin(.delete(at: 1), id: 9)
        _ = replica.receive(2, edit: .insert(at: 0, element: 5), own: nil)
        #expect(replica.content.elements == [5, 1, 3])
        let undone = Array(replica.abandon(9))
        #expect(replica.content.elements == [5, 1, 2, 3])
        #expect(undone == [.settled(at: 2, length: 4, digest: replica.content.digest)])
        // Another id changes nothing.
        #expect(Array(replica.abandon(9)).isEmpty)
    }

    @Test func aReplicaHoldsBackWhatArrivesBeforeTheDocumentAndAsksAgainAfterAGap() {
        var replica = DocumentReplica()
        #expect(!replica.isReady)
        #expect(Array(replica.receive(3, edit: .insert(at: 0, element: 3), own: nil)).isEmpty)
        #expect(Array(replica.receive(4, edit: .insert(at: 1, element: 4), own: nil)).isEmpty)
        // The document as of 3 already holds edit 3; edit 4 applies after it.
        let actions = Array(replica.restore(DocumentContent(elements: [3]), at: 3))
        #expect(replica.content.elements == [3, 4] && replica.sequence == 4)
        #expect(actions.count == 2)
        #expect(Array(replica.lost()) == [.requestDocument])
        #expect(Array(replica.lost()).isEmpty)
        #expect(replica.begin(.insert(at: 0, element: 1), id: 1) == nil)
    }

    @Test func theRoomTransformsConcurrentEditsAgainstWhatItAcceptedSince() async throws {
        let (frames, history) = try await RecordedSystem.run { system, connections, engine in
            // Users 1 and 2 both insert at the front of the empty document (revision 0).
            await system.node(forUser: 1).post(from: connections[1]!, room: 0, clientMessage: 11, bytes: 10, sentAt: engine.now,
                                               edit: EditRequest(.insert(at: 0, element: 11), base: 0))
            await system.node(forUser: 2).post(from: connections[2]!, room: 0, clientMessage: 22, bytes: 10, sentAt: engine.now,
                                               edit: EditRequest(.insert(at: 0, element: 22), base: 0))
            try? await engine.clock.sleep(for: .seconds(1))
            // User 3 saw revision 1 ([11]) and deletes 11; 22, accepted since, came after it.
            await system.node(forUser: 3).post(from: connections[3]!, room: 0, clientMessage: 33, bytes: 10, sentAt: engine.now,
                                               edit: EditRequest(.delete(at: 0), base: 1))
            try? await engine.clock.sleep(for: .seconds(1))
            await system.node(forUser: 3).document(connections[3]!, room: 0)
            try? await engine.clock.sleep(for: .seconds(1))
            return await system.rooms[0].history.messages.map(\.edit)
        }
        // 11 first (element order breaks the tie), 22 moved after it; 3's delete still hits 11.
        #expect(history == [.insert(at: 0, element: 11), .insert(at: 1, element: 22), .delete(at: 0)])
        let documents = frames[3]!.compactMap { frame -> [UInt64]? in
            if case .document(_, let sequence, let content) = frame, sequence == 3 { content.elements } else { nil }
        }
        #expect(documents == [[22]])
    }
}
