import Testing
import SimCheckers
import SimEvents
import SimRuntime

/// Hand-written traces of privileged actions and their audit records.
@Suite("Audit trail")
struct AuditCheckerTests {
    private static func at(_ seconds: Double) -> SimulationInstant { SimulationInstant(nanoseconds: Int64(seconds * 1e9)) }

    private static func action(_ number: Int, _ kind: PrivilegedActionKind = .removal, by actor: Int = 1,
                               of subject: Int? = 2) -> PrivilegedActionTaken {
        PrivilegedActionTaken(room: 0, number: number, action: kind, actor: actor, subject: subject)
    }

    private static func record(_ number: Int, _ kind: PrivilegedActionKind = .removal, by actor: Int = 1, of subject: Int? = 2,
                               doneAt seconds: Double) -> AuditRecorded {
        AuditRecorded(room: 0, number: number, action: kind, actor: actor, subject: subject, performedAt: at(seconds))
    }

    /// A role change at 1 s, a removal at 2 s and a deletion at 3 s.
    private let actions: [(Double, any TraceEventPayload)] = [
        (1, action(1, .roleChange, of: 3)), (2, action(2)), (3, action(3, .deletion, of: nil)),
    ]

    private var records: [(Double, any TraceEventPayload)] {
        [(1.1, Self.record(1, .roleChange, of: 3, doneAt: 1)), (2.1, Self.record(2, doneAt: 2)),
         (3.1, Self.record(3, .deletion, of: nil, doneAt: 3))]
    }

    private func violated(_ events: [(Double, any TraceEventPayload)], endingAt end: Double? = nil) -> [String] {
        HandWrittenTrace.violated(events.sorted { $0.0 < $1.0 }, endingAt: end)
    }

    @Test func everyActionRecordedOnceInOrderWithWhoWhatAndWhenIsClean() {
        #expect(violated(actions + records).isEmpty)
        // Another room's records interleave freely.
        let other: [(Double, any TraceEventPayload)] = [
            (1.5, PrivilegedActionTaken(room: 9, number: 1, action: .removal, actor: 4, subject: 5)),
            (1.6, AuditRecorded(room: 9, number: 1, action: .removal, actor: 4, subject: 5, performedAt: Self.at(1.5))),
        ]
        #expect(violated(actions + records + other).isEmpty)
    }

    @Test func aRecordMissingTwiceOrOutOfOrderIsFound() {
        // The removal never recorded.
        #expect(violated(actions + records.filter { ($0.1 as? AuditRecorded)?.number != 2 }) == ["audit_exactly_once_in_order"])
        // The removal recorded twice.
        #expect(violated(actions + records + [(4, Self.record(2, doneAt: 2))]) == ["audit_exactly_once_in_order"])
        // The deletion recorded before the removal.
        let swapped: [(Double, any TraceEventPayload)] = [
            (1.1, Self.record(1, .roleChange, of: 3, doneAt: 1)), (3.1, Self.record(3, .deletion, of: nil, doneAt: 3)),
            (3.2, Self.record(2, doneAt: 2)),
        ]
        #expect(violated(actions + swapped) == ["audit_exactly_once_in_order"])
        // A record of an action not yet taken.
        #expect(violated([(0.5, Self.record(1, .roleChange, of: 3, doneAt: 1))] + actions + Array(records.dropFirst()))
                == ["audit_exactly_once_in_order"])
    }

    @Test func aRecordThatMisstatesTheActionIsFound() {
        let wrong: [AuditRecorded] = [
            Self.record(2, by: 2, doneAt: 2),                 // the subject as the actor
            Self.record(2, of: 4, doneAt: 2),                 // another subject
            Self.record(2, .roleChange, doneAt: 2),           // another action
            Self.record(2, doneAt: 2.05),                     // another time
        ]
        for record in wrong {
            let trace = actions + records.filter { ($0.1 as? AuditRecorded)?.number != 2 } + [(2.1, record)]
            let finding = HandWrittenTrace.findings(trace.sorted { $0.0 < $1.0 }).first { $0.name == "audit_exactly_once_in_order" }
            #expect(finding?.violations == 1, "\(record)")
            #expect(finding?.firstViolation?.contains("recorded action 2 of room-0") == true)
        }
    }

    @Test func anActionTakenWithinTheGraceBeforeTheEndMayStillBeOnItsWay() {
        var promises = HandWrittenTrace.promises
        promises.deliveryGrace = 5_000_000_000
        let late = actions + Array(records.prefix(2))
        #expect(HandWrittenTrace.violated(late.sorted { $0.0 < $1.0 }, promises: promises, endingAt: 6).isEmpty)
        #expect(HandWrittenTrace.violated(late.sorted { $0.0 < $1.0 }, promises: promises, endingAt: 9)
                == ["audit_exactly_once_in_order"])
    }
}
