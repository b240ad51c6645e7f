import Testing
import SimCheckers
import SimEvents
import SimRuntime

/// Hand-written traces of shared documents: replicas that converge and replicas that do not.
@Suite("Shared documents")
struct SharedDocumentCheckerTests {
    /// The document after `edits`, from empty.
    private static func document(_ edits: DocumentEdit...) -> DocumentContent {
        var content = DocumentContent()
        for edit in edits { content.apply(edit) }
        return content
    }

    private static func revised(_ sequence: Int, by user: Int, _ edit: DocumentEdit, giving content: DocumentContent)
        -> DocumentRevised {
        DocumentRevised(room: 0, sequence: sequence, user: user, edit: edit, length: content.length, digest: content.digest)
    }

    private static func settled(_ user: Int, at sequence: Int, _ content: DocumentContent) -> ReplicaSettled {
        ReplicaSettled(user: user, room: 0, sequence: sequence, length: content.length, digest: content.digest)
    }

    private let first = document(.insert(at: 0, element: 7))
    private let second = document(.insert(at: 0, element: 7), .insert(at: 1, element: 9))

    /// Two members; 1 inserts 7 as seq 1, 2 inserts 9 after it as seq 2.
    private var edits: [(Double, any TraceEventPayload)] {
        [(0, MemberJoined(user: 1, room: 0)), (0, MemberJoined(user: 2, room: 0)),
         (0.1, Self.settled(1, at: 0, DocumentContent())), (0.1, Self.settled(2, at: 0, DocumentContent())),
         (1, Self.revised(1, by: 1, .insert(at: 0, element: 7), giving: first)),
         (2, Self.revised(2, by: 2, .insert(at: 1, element: 9), giving: second))]
    }

    @Test func replicasThatSettleOnTheDocumentAndReachItsLastRevisionConverge() {
        let trace = edits + [(1.1, Self.settled(1, at: 1, first)), (2.1, Self.settled(1, at: 2, second)),
                             (2.1, Self.settled(2, at: 2, second))]
        #expect(HandWrittenTrace.violated(trace).isEmpty)
        // A replica settled at a chat message after the last edit holds the last revision; one
        // that joined after the edits starts from the document.
        let later = trace + [(3, MemberJoined(user: 3, room: 0)), (3.1, Self.settled(3, at: 5, second))]
        #expect(HandWrittenTrace.violated(later).isEmpty)
    }

    @Test func aReplicaThatSettlesOnOtherContentDiverged() {
        // Member 2 applied 9 before 7: the same elements in another order.
        let swapped = Self.document(.insert(at: 0, element: 9), .insert(at: 1, element: 7))
        let trace = edits + [(2.1, Self.settled(1, at: 2, second)), (2.1, Self.settled(2, at: 2, swapped))]
        let findings = HandWrittenTrace.findings(trace)
        #expect(findings.filter { !$0.held }.map(\.name) == ["replicas_converge"])
        let first = findings.first { $0.name == "replicas_converge" }?.firstViolation ?? ""
        #expect(first.contains("client-2's replica of room-0 settled at seq 2"), "\(first)")
        // An edit lost on the way leaves the replica one element short.
        #expect(HandWrittenTrace.violated(edits + [(2.1, Self.settled(1, at: 2, second)),
                                                   (2.1, Self.settled(2, at: 2, Self.document(.insert(at: 0, element: 9))))])
                == ["replicas_converge"])
    }

    @Test func aReplicaThatNeverReachesTheLastRevisionIsFoundAtTheEnd() {
        let trace = edits + [(2.1, Self.settled(1, at: 2, second)), (1.1, Self.settled(2, at: 1, first))]
        #expect(HandWrittenTrace.violated(trace.sorted { $0.0 < $1.0 }) == ["replicas_converge"])
        // A member who left owes no convergence.
        let gone = trace.sorted { $0.0 < $1.0 } + [(3, MemberLeft(user: 2, room: 0))]
        #expect(HandWrittenTrace.violated(gone).isEmpty)
    }

    @Test func aRoomWhoseDocumentIsNotWhatItsEditsMakeIsFound() {
        // The room claims the digest of a document its edits do not make.
        var lying = Self.revised(2, by: 2, .insert(at: 1, element: 9), giving: second)
        lying.digest = Self.document(.insert(at: 0, element: 9)).digest
        let trace = Array(edits.dropLast()) + [(2, lying), (2.1, Self.settled(1, at: 2, second)),
                                               (2.1, Self.settled(2, at: 2, second))]
        #expect(HandWrittenTrace.violated(trace) == ["replicas_converge"])
        // An edit outside the document: deleting position 5 of a one-element document.
        let outside = Array(edits.dropLast()) + [(2, Self.revised(2, by: 2, .delete(at: 5), giving: first)),
                                                 (2.1, Self.settled(1, at: 2, first)), (2.1, Self.settled(2, at: 2, first))]
        #expect(HandWrittenTrace.violated(outside) == ["replicas_converge"])
    }
}
