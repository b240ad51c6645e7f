import Foundation
import Testing
import SimEvents
import SimRuntime
import SimTesting

/// One of each kind of event, promises first, with every field away from its placeholder, so
/// that a field the writer or reader dropped would show.
let everyKindOfEvent: [any TraceEventPayload] = [
    CheckParameters(guarantee: .effectivelyOnce, dedupWindow: 120_000_000_000, rateLimit: 60, rateWindow: 60_000_000_000,
                    typingExpiry: 5_000_000_000, presenceBound: 5_000_000_000, notificationAttempts: 3,
                    notificationDeadline: 360_000_000_000),
    MemberJoined(user: 1, room: 2),
    MemberLeft(user: 1, room: 2),
    MessageSent(user: 3, room: 2, clientMessage: UInt64(3) << 32 | 7),
    MessageAccepted(room: 2, sequence: 9, user: 3, clientMessage: .max),
    MessageDelivered(user: 1, room: 2, sequence: 9),
    GapReported(user: 1, room: 2, after: 4, upTo: 8),
    RequestAdmitted(user: 3),
    ReceiptSent(reader: 1, room: 2, kind: .read, upTo: 9, recipient: 3),
    TypingStarted(room: 2, user: 1),
    TypingRenewed(room: 2, user: 1),
    TypingStopped(room: 2, user: 1),
    PresenceChanged(room: 2, user: 1, online: true),
    PresenceSeen(observer: 3, room: 2, user: 1, online: true, changedAt: SimulationInstant(nanoseconds: 17)),
    NotificationCreated(id: 11, user: 1),
    NotificationAttempted(id: 11, user: 1, channel: .email, attempt: 2),
    NotificationEnded(id: 11, user: 1, delivered: true, channel: .push),
    NotificationEnded(id: 12, user: 1, delivered: false, channel: nil),
    NotificationRead(id: 11, user: 1, cutoff: SimulationInstant(nanoseconds: 5)),
    NotificationRead(id: 12, user: 1, cutoff: nil),
    BadgeChanged(user: 1, badge: 4),
    DocumentRevised(room: 2, sequence: 7, user: 1, edit: .insert(at: 3, element: 42), length: 4, digest: 0xfeed_beef),
    DocumentRevised(room: 2, sequence: 8, user: 1, edit: .delete(at: 0), length: 3, digest: 1),
    DocumentRevised(room: 2, sequence: 9, user: 1, edit: .none, length: 3, digest: 1),
    ReplicaSettled(user: 3, room: 2, sequence: 9, length: 3, digest: UInt64.max),
    PrivilegedActionTaken(room: 2, number: 1, action: .roleChange, actor: 1, subject: 3),
    PrivilegedActionTaken(room: 2, number: 2, action: .deletion, actor: 1, subject: nil),
    AuditRecorded(room: 2, number: 1, action: .removal, actor: 1, subject: 3, performedAt: SimulationInstant(nanoseconds: 9)),
]

@Suite("Trace format")
struct TraceFormatTests {
    private var everyEvent: TraceBuilder {
        var trace = TraceBuilder()
        for (index, payload) in everyKindOfEvent.enumerated() { trace.at(seconds: Double(index), payload) }
        return trace
    }

    @Test func everyKindOfEventIsDefinedOnceWithItsOwnNameAndTag() {
        let types = TraceEvent.payloadTypes
        #expect(types.count == 23)
        #expect(Set(types.map { $0.name }).count == types.count)
        #expect(Set(types.map { $0.tag }).count == types.count)
        // The tags the hash has always used; a retired number is never reused.
        #expect(types.map { $0.tag } == [4, 6, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
        #expect(Set(everyKindOfEvent.map { $0.event.name }) == Set(TraceSchema.eventNames))
    }

    @Test func everyEventWrittenIsReadBackTheSame() throws {
        let trace = everyEvent
        let read = try TraceReader.events(in: trace.fileText)
        #expect(read.map(\.1) == trace.events.map(\.event))
        #expect(read.map(\.0) == trace.events.map(\.time))
    }

    @Test func schemaTwoWritesNamesBooleansAndNull() {
        let line = { (payload: any TraceEventPayload) in TraceFileWriter.line(for: payload.event, at: .start) }
        #expect(line(ReceiptSent(reader: 1, room: 2, kind: .read, upTo: 9, recipient: 3))
                == #"{"t_ns":0,"event":"receipt_sent","reader":1,"room":2,"kind":"read","up_to":9,"recipient":3}"#)
        #expect(line(NotificationEnded(id: 12, user: 1, delivered: false, channel: nil))
                == #"{"t_ns":0,"event":"notification_ended","id":12,"user":1,"delivered":false,"channel":null}"#)
        #expect(line(PresenceChanged(room: 2, user: 1, online: true))
                == #"{"t_ns":0,"event":"presence_changed","room":2,"user":1,"online":true}"#)
        #expect(line(MessageAccepted(room: 2, sequence: 9, user: 3, clientMessage: .max))
                == #"{"t_ns":0,"event":"message_accepted","room":2,"seq":9,"user":3,"client_message":-1}"#)
    }

    @Test func schemaOneIntegerCodesReadAsTheirTypedValues() throws {
        let text = """
            {"t_ns":0,"event":"check_parameters","guarantee":2,"dedup_window_ns":1,"rate_limit":60,"rate_window_ns":2,\
            "typing_expiry_ns":3,"presence_bound_ns":4,"notification_attempts":3,"notification_deadline_ns":5}
            {"t_ns":1,"event":"receipt_sent","reader":1,"room":2,"kind":1,"up_to":9,"recipient":3}
            {"t_ns":2,"event":"notification_ended","id":12,"user":1,"delivered":0,"channel":-1}
            {"t_ns":3,"event":"notification_attempted","id":12,"user":1,"channel":2,"attempt":1}
            {"t_ns":4,"event":"notification_read","id":12,"user":1,"cutoff":-1}
            {"t_ns":5,"event":"presence_seen","observer":3,"room":2,"user":1,"online":0,"changed_at":4}
            """
        let events = try TraceReader.events(in: text, options: TraceReader.Options(allowUnsealed: true)).map(\.1)
        #expect(events == [
            CheckParameters(guarantee: .effectivelyOnce, dedupWindow: 1, rateLimit: 60, rateWindow: 2, typingExpiry: 3,
                            presenceBound: 4, notificationAttempts: 3, notificationDeadline: 5).event,
            ReceiptSent(reader: 1, room: 2, kind: .read, upTo: 9, recipient: 3).event,
            NotificationEnded(id: 12, user: 1, delivered: false, channel: nil).event,
            NotificationAttempted(id: 12, user: 1, channel: .push, attempt: 1).event,
            NotificationRead(id: 12, user: 1, cutoff: nil).event,
            PresenceSeen(observer: 3, room: 2, user: 1, online: false, changedAt: SimulationInstant(nanoseconds: 4)).event,
        ])
    }

    @Test func theHashFoldsTheTimeTheTagAndEveryFieldCodeInOrder() {
        // As schema version 1's hash did: time, tag, then each field's integer code.
        var expected = TraceHasher()
        for word: Int64 in [1_000, 9, 1, 2, 1, 9, 3] { expected.combine(UInt64(bitPattern: word)) }
        var hasher = TraceHasher()
        hasher.combine(ReceiptSent(reader: 1, room: 2, kind: .read, upTo: 9, recipient: 3).event,
                       at: SimulationInstant(nanoseconds: 1_000))
        #expect(hasher == expected)
    }

    @Test func theTraceHashDependsOnEveryWordAndItsOrder() {
        func digest(_ words: [UInt64]) -> UInt64 {
            var hasher = TraceHasher()
            for word in words { hasher.combine(word) }
            return hasher.value
        }
        #expect(digest([1, 2, 3]) == digest([1, 2, 3]))
        #expect(digest([1, 2, 3]) != digest([1, 3, 2]))
        #expect(digest([1, 2, 3]) != digest([1, 2, 4]))
        #expect(digest([0]) != digest([0, 0]))
        var hasher = TraceHasher()
        hasher.combine(1)
        #expect(hasher.hexDigest.count == 16)
    }

    /// The problem reading `text` reports, with its line, or nil if it reads.
    private func problem(reading text: String, allowUnsealed: Bool = false) -> String? {
        do {
            _ = try TraceReader.events(in: text, options: TraceReader.Options(allowUnsealed: allowUnsealed))
            return nil
        } catch {
            return "\(error.line): \(error.problem)"
        }
    }

    @Test func aSealedTraceThatWasEditedCutOrExtendedIsRefused() throws {
        let lines = everyEvent.fileText.split(separator: "\n").map(String.init)
        #expect(problem(reading: lines.joined(separator: "\n")) == nil)
        // Cut before its closing line: incomplete.
        let cut = lines.dropLast(4).joined(separator: "\n")
        #expect(problem(reading: cut)?.contains("incomplete trace: 25 events and no closing line") == true)
        // One event edited: the hash no longer adds up.
        var edited = lines
        edited[5] = edited[5].replacingOccurrences(of: "\"seq\":9", with: "\"seq\":8")
        #expect(problem(reading: edited.joined(separator: "\n"))?.contains("it was edited or cut") == true)
        // One event removed: neither does the count.
        var removed = lines
        removed.remove(at: 3)
        #expect(problem(reading: removed.joined(separator: "\n"))?.contains("gives 28 events") == true)
        // Anything after the closing line.
        let extended = (lines + [lines[1]]).joined(separator: "\n")
        #expect(problem(reading: extended) == "\(lines.count + 1): comes after the trace's closing line; the file was "
                + "edited or two traces were joined")
    }

    @Test(arguments: [
        (#"{"t_ns":0,"event":"joined","user":1}"#, "2: unknown event 'joined'. Did you mean 'member_joined'?"),
        (#"{"t_ns":0,"event":"member_joined","user":1}"#, "2: event 'member_joined' lacks 'room'"),
        (#"{"t_ns":0,"event":"member_joined","user":1,"room":2,"extra":3}"#,
         "2: event 'member_joined' has no field 'extra'; its fields are user, room"),
        (#"{"t_ns":0,"event":"member_joined","user":1,"room":2,"room":3}"#, "2: gives \"room\" twice"),
        (#"{"t_ns":0,"event":"member_joined","user":1,"room":2}x"#, "2: text after the object's closing brace (column 53)"),
        (#"{"t_ns":0,"event":"receipt_sent","reader":1,"room":2,"kind":7,"up_to":1,"recipient":3}"#,
         "2: event 'receipt_sent': 'kind' is 7, but it takes one of `delivered` (0), `read` (1)"),
        (#"{"t_ns":0,"event":"member_joined","user":99999999999999999999,"room":2}"#, "2: number too large at column 42"),
        (#"{"event":"member_joined","user":1,"room":2}"#, "2: no \"t_ns\""),
        (#"{"t_ns":0,"event":"member_joined","user":"one","room":2}"#, "2: event 'member_joined': 'user' is \"one\""),
    ])
    func aMalformedLineIsRefusedWithItsLineAndWhatIsWrong(text: String, message: String) {
        let found = problem(reading: Self.promisesOfSchemaOne + "\n" + text, allowUnsealed: true)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "accepted")")
    }

    /// A header line, the promises and one event, at whole seconds.
    private static let header = #"{"trace":"simrun","schema":2,"scenario":"test","seed":7}"#
    private static let promises = TraceFileWriter.line(for: CheckParameters().event, at: .start)
    private static let promisesOfSchemaOne = #"{"t_ns":0,"event":"check_parameters","guarantee":1,"dedup_window_ns":0,"#
        + #""rate_limit":0,"rate_window_ns":1,"typing_expiry_ns":1,"presence_bound_ns":1,"notification_attempts":1,"#
        + #""notification_deadline_ns":1}"#
    private static let joined = TraceFileWriter.line(for: MemberJoined(user: 1, room: 2).event, at: SimulationInstant(nanoseconds: 5))

    @Test(arguments: [
        ([], false, "0: the file is empty: it holds no trace"),
        ([#"{"trace":"simrun","schema":3}"#], false, "1: is a trace of schema version 3; this simrun reads versions 1 to 2"),
        ([#"{"trace":"other","schema":2}"#], false, "1: is not a simrun trace header"),
        ([promises, joined], false, "1: is not a header: a trace written by simrun begins with"),
        ([header, promises, header, joined], false, "3: is a header, but a trace has one header, on its first line (line 1)"),
        ([promisesOfSchemaOne, header, joined], true, "2: is a header, but a trace has one header, on its first line (line 1)"),
        ([header, joined], false, "2: is the first event, 'member_joined'; a trace's first event is check_parameters"),
        ([header, promises, joined, TraceFileWriter.line(for: CheckParameters().event, at: SimulationInstant(nanoseconds: 9))],
         false, "4: gives check_parameters again; a trace gives its promises once"),
        ([header, promises, joined, TraceFileWriter.line(for: MemberJoined(user: 3, room: 2).event, at: .start)], false,
         "4: goes back in time: t_ns 0 after 5 on the event before"),
        ([header, promises, joined], false, "3: incomplete trace: 2 events and no closing line; the run was interrupted"),
        ([header], false, "1: the trace holds no events, not even its promises"),
        ([header, promises, #"{"t_ns":1,"event":"badge_changed","user":1,"badge":"# + String(repeating: "1", count: 4_100) + "}"],
         true, "3: is 4"),
    ] as [([String], Bool, String)])
    func aFileThatIsNotATraceToJudgeIsRefused(lines: [String], allowUnsealed: Bool, message: String) {
        let found = problem(reading: lines.joined(separator: "\n"), allowUnsealed: allowUnsealed)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "accepted")")
    }

    @Test func theHeaderSaysWhichRunTheTraceIsOf() throws {
        let text = [Self.header, Self.promises, Self.joined].joined(separator: "\n")
        let events = try TraceReader.events(in: text, options: TraceReader.Options(allowUnsealed: true))
        #expect(events.count == 2)
        #expect(TraceHeader(scenario: "a \"quoted\" name", seed: 7, simrun: "1.0").line(schema: 2)
                == #"{"trace":"simrun","schema":2,"simrun":"1.0","scenario":"a _quoted_ name","seed":7}"#)
    }

    @Test func schemaTwoRefusesIntegerCodesForNamedValues() {
        let text = [Self.header, Self.promises, #"{"t_ns":0,"event":"presence_changed","room":2,"user":1,"online":1}"#]
            .joined(separator: "\n")
        #expect(problem(reading: text)?.hasPrefix("3: event 'presence_changed': 'online' is 1, but it takes `true` or `false`")
                == true)
    }

    @Test func aFolderOrAMissingFileIsRefused() {
        for path in [NSTemporaryDirectory(), "/nonexistent/trace.jsonl"] {
            do {
                try TraceReader.read(path: path) { _, _ in }
                Issue.record("\(path) was read")
            } catch {
                #expect(error.line == 0)
            }
        }
    }

    @Test func theDocumentationInReportsIsGeneratedFromTheDefinitions() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reports/trace-events.md")
        let committed = try String(contentsOf: page, encoding: .utf8)
        #expect(committed == TraceSchema.markdown(), "regenerate it: swift run simrun events > reports/trace-events.md")
        for name in TraceSchema.eventNames { #expect(committed.contains("### `\(name)`")) }
        let schema = try String(contentsOf: page.deletingLastPathComponent().appendingPathComponent("trace.schema.json"),
                                encoding: .utf8)
        #expect(schema == TraceSchema.jsonSchema(), "regenerate it: swift run simrun events --json-schema > reports/trace.schema.json")
        #expect(try JSONSerialization.jsonObject(with: Data(schema.utf8)) is [String: Any])
    }
}
