import Foundation
import Testing
import Scenarios
import SimCheckers
import SimEvents
import SimModel
import SimRuntime

/// Mutation testing of the checkers: real traces, recorded from runs that exercise every
/// guarantee, mutated one change at a time. Every mutation that breaks a guarantee must be
/// found by the guarantee it breaks (and only by those its change can touch); every harmless one
/// must pass. The kill rate is printed.
@Suite("Checker mutations", .serialized)
struct MutationTests {
    typealias Trace = [(time: SimulationInstant, event: TraceEvent)]

    /// What a mutation is expected to do.
    enum Expectation: Equatable {
        /// It breaks one of these guarantees, and breaks no other.
        case violates(Set<String>)
        /// It breaks nothing.
        case harmless
    }

    struct Mutation {
        var name: String
        var expectation: Expectation
        var trace: Trace
    }

    /// A run with receipts, typing, notifications (short deadlines, mark-all), presence in small
    /// rooms, a tight rate limit, sessions that end, shared documents edited concurrently and
    /// admins who change roles, remove members and delete documents, under `guarantee`.
    static func record(_ guarantee: DeliveryGuarantee) async throws -> Trace {
        var scenario = ChatScenario(name: "mutation", summary: "", clients: 40, duration: .seconds(40), rooms: 6,
                                    roomsPerClient: 2, thinkTime: .exponential(mean: 2),
                                    notifications: NotificationLoad(perMinute: 240, kinds: [.newMessage, .system]),
                                    sessionLength: .uniform(min: 15, max: 40), rampUp: .seconds(5))
        scenario.habits.typesBeforeSending = true
        scenario.habits.sendsReceipts = true
        scenario.habits.readsNotifications = true
        scenario.habits.marksAllRead = true
        scenario.habits.keepsDocuments = true
        scenario.habits.editsPerMinute = 20
        scenario.habits.adminActionsPerMinute = 6
        scenario.adminShare = 0.15
        scenario.system.delivery.guarantee = guarantee
        scenario.system.gateway.rateLimit = .slidingWindow(limit: 12, window: .seconds(10))
        scenario.system.notifications.retry = RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(200),
                                                          maxBackoff: .milliseconds(500), attemptTimeout: .seconds(1))
        let folder = NSTemporaryDirectory() + "mutation-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try await ScenarioRunner(scenario: scenario, seed: 3, traceFile: folder + "/trace.jsonl").runOnOwnThread()
        var trace: Trace = []
        try TraceReader.read(path: folder + "/trace.jsonl") { time, event in trace.append((time, event)) }
        return trace
    }

    /// The guarantees `trace` violates.
    static func violated(_ trace: Trace) -> Set<String> {
        var suite = GuaranteeSuite()
        for (time, event) in trace { suite.observe(event, at: time) }
        return Set(suite.findings(at: trace.last?.time ?? .start).filter { !$0.held }.map(\.name))
    }

    @Test func everyViolatingMutationIsFoundByItsGuaranteeAndNoHarmlessOneIsFlagged() async throws {
        var mutations: [Mutation] = []
        for guarantee in [DeliveryGuarantee.atLeastOnce, .effectivelyOnce] {
            let trace = try await Self.record(guarantee)
            #expect(Self.violated(trace).isEmpty, "the recorded \(guarantee) run is clean")
            mutations += Mutator(trace: trace, guarantee: guarantee).all
        }
        var killed = 0
        var violating = 0
        var guaranteesHit = Set<String>()
        var byClass: [String: (made: Int, right: Int)] = [:]
        for mutation in mutations {
            let found = Self.violated(mutation.trace)
            let right: Bool
            switch mutation.expectation {
            case .violates(let allowed):
                violating += 1
                right = !found.isEmpty && found.isSubset(of: allowed)
                if right { killed += 1; guaranteesHit.formUnion(found) }
                #expect(right, "\(mutation.name): found \(found.sorted()), expected some of \(allowed.sorted())")
            case .harmless:
                right = found.isEmpty
                #expect(right, "\(mutation.name) is harmless, but \(found.sorted()) was reported")
            }
            let kind = String(mutation.name.prefix { $0 != "#" })
            byClass[kind, default: (0, 0)].made += 1
            if right { byClass[kind, default: (0, 0)].right += 1 }
        }
        let harmless = mutations.count - violating
        print("mutation testing: \(killed) of \(violating) violating mutations killed by the right guarantee "
              + "(\(guaranteesHit.count) guarantees), \(harmless) harmless mutations, "
              + "\(byClass.filter { $0.key.hasPrefix("harmless") }.values.reduce(0) { $0 + $1.made - $1.right }) false alarms")
        for (kind, counts) in byClass.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(counts.right)/\(counts.made)") }
        #expect(violating >= 100 && harmless >= 30)
        #expect(guaranteesHit.count >= 16, "\(guaranteesHit.sorted())")
    }
}

/// Makes the mutations of one trace: each class at up to four sites spread over the trace,
/// chosen where the change is known to break (or known not to break) a guarantee.
struct Mutator {
    typealias Trace = MutationTests.Trace
    let trace: Trace
    let guarantee: DeliveryGuarantee
    let promises: CheckParameters
    let end: Int64

    init(trace: Trace, guarantee: DeliveryGuarantee) {
        self.trace = trace
        self.guarantee = guarantee
        guard case .checkParameters(let promises) = trace[0].event else { preconditionFailure("promises first") }
        self.promises = promises
        end = trace.last!.time.nanoseconds
    }

    /// Up to four of `indices`, spread out.
    private func spread(_ indices: [Int], count: Int = 4) -> [Int] {
        guard indices.count > count else { return indices }
        return (1...count).map { indices[$0 * indices.count / (count + 1)] }
    }

    private func sites(_ test: (Int, TraceEvent) -> Bool) -> [Int] {
        spread(trace.indices.filter { test($0, trace[$0].event) })
    }

    private func replacing(_ index: Int, with event: TraceEvent) -> Trace {
        var copy = trace
        copy[index].event = event
        return copy
    }

    private func removing(_ index: Int) -> Trace {
        var copy = trace
        copy.remove(at: index)
        return copy
    }

    private func inserting(_ event: TraceEvent, after index: Int, copies: Int = 1) -> Trace {
        var copy = trace
        copy.insert(contentsOf: Array(repeating: (trace[index].time, event), count: copies), at: index + 1)
        return copy
    }

    /// Whether the delivery at `site` is of a message accepted within the promised delivery
    /// grace before the end: without it, the message is in flight, not lost.
    private func inFlight(_ site: Int) -> Bool {
        guard case .messageDelivered(let delivered) = trace[site].event, let grace = promises.deliveryGrace else { return false }
        let accepted = trace.first { entry in
            if case .messageAccepted(let a) = entry.event { a.room == delivered.room && a.sequence == delivered.sequence } else { false }
        }
        return accepted.map { end - $0.time.nanoseconds <= grace } ?? false
    }

    private func mutation(_ name: String, _ site: Int, _ expectation: MutationTests.Expectation,
                          _ trace: Trace) -> MutationTests.Mutation {
        MutationTests.Mutation(name: "\(name)#\(guarantee.rawValue)@\(site)", expectation: expectation, trace: trace)
    }

    var all: [MutationTests.Mutation] {
        delivery + senders + receipts + signals + notifications + collaboration + harmless
    }

    // MARK: Delivery

    private var delivery: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        let delivered = sites { _, event in if case .messageDelivered = event { true } else { false } }
        let lossy: MutationTests.Expectation = guarantee == .atMostOnce ? .harmless
            : .violates(["no_silent_loss", "per_room_order"])
        for site in delivered {
            made.append(mutation("delete a delivery", site, inFlight(site) ? .harmless : lossy, removing(site)))
            made.append(mutation("deliver twice", site, .violates(["no_duplicate_delivery"]),
                                 inserting(trace[site].event, after: site)))
            guard case .messageDelivered(var changed) = trace[site].event else { continue }
            changed.sequence = lastAccepted(room: changed.room, before: site) + 5
            made.append(mutation("deliver a sequence never accepted", site,
                                 .violates(["delivery_follows_acceptance", "no_silent_loss", "per_room_order"]),
                                 replacing(site, with: changed.event)))
        }
        // Two deliveries of one member's consecutive messages, swapped, where both were accepted
        // before the first of them (so that only the order is broken).
        for site in sites({ index, event in
            guard let next = nextDelivery(after: index), case .messageDelivered(let second) = trace[next].event else { return false }
            return lastAccepted(room: second.room, before: index) >= second.sequence
        }) {
            guard let next = nextDelivery(after: site), case .messageDelivered(let first) = trace[site].event,
                  case .messageDelivered(let second) = trace[next].event else { continue }
            var swapped = replacing(site, with: second.event)
            swapped[next].event = first.event
            made.append(mutation("swap two deliveries", site, .violates(["per_room_order"]), swapped))
        }
        // The last message a room accepted, deleted, with deliveries of it after.
        for room in Set(trace.compactMap { if case .messageAccepted(let a) = $0.event { a.room } else { nil } }).sorted().prefix(3) {
            guard let site = trace.indices.last(where: { if case .messageAccepted(let a) = trace[$0].event { a.room == room } else { false } }),
                  case .messageAccepted(let accepted) = trace[site].event,
                  trace[(site + 1)...].contains(where: { if case .messageDelivered(let d) = $0.event { d.room == room && d.sequence == accepted.sequence } else { false } })
            else { continue }
            made.append(mutation("delete an acceptance", site, .violates(["delivery_follows_acceptance"]), removing(site)))
        }
        // A member's join, deleted: what it received it was never owed.
        for site in sites({ index, event in
            if case .memberJoined(let joined) = event { hasDelivery(user: joined.user, room: joined.room, after: index) } else { false }
        }) {
            made.append(mutation("delete a join", site, .violates(["delivery_only_to_members", "read_implies_delivered"]),
                                 removing(site)))
        }
        // Leaving: a delivery made after the leave took effect, deleted (it was owed); and a
        // message accepted after the leave, delivered.
        for site in sites({ index, event in
            if case .messageDelivered(let d) = event { left(user: d.user, room: d.room, before: index) } else { false }
        }) {
            made.append(mutation("delete a delivery owed to a leaver", site, inFlight(site) ? .harmless : lossy,
                                 removing(site)))
        }
        for site in sites({ index, event in
            if case .memberLeft = event { true } else { false }
        }) {
            guard case .memberLeft(let left) = trace[site].event,
                  let later = firstAcceptance(in: left.room, after: site),
                  case .messageAccepted(let accepted) = trace[later].event, !rejoined(user: left.user, room: left.room, after: site)
            else { continue }
            made.append(mutation("deliver to a member who left", site, .violates(["delivery_only_to_members"]),
                                 inserting(MessageDelivered(user: left.user, room: left.room, sequence: accepted.sequence).event,
                                           after: later)))
        }
        return made
    }

    private func firstAcceptance(in room: Int, after index: Int) -> Int? {
        trace.indices.first { later in
            guard later > index, case .messageAccepted(let accepted) = trace[later].event else { return false }
            return accepted.room == room
        }
    }

    /// The index of the same member's delivery of the next sequence in the same room, if that is
    /// its next event in the room.
    private func nextDelivery(after index: Int) -> Int? {
        guard case .messageDelivered(let first) = trace[index].event else { return nil }
        for later in (index + 1)..<trace.count {
            switch trace[later].event {
            case .messageDelivered(let d) where d.user == first.user && d.room == first.room:
                return d.sequence == first.sequence + 1 ? later : nil
            case .gapReported(let g) where g.user == first.user && g.room == first.room:
                return nil
            default: continue
            }
        }
        return nil
    }

    private func lastAccepted(room: Int, before index: Int) -> Int {
        trace[..<index].reduce(0) { last, entry in
            if case .messageAccepted(let a) = entry.event, a.room == room { Swift.max(last, a.sequence) } else { last }
        }
    }

    private func hasDelivery(user: Int, room: Int, after index: Int) -> Bool {
        trace[(index + 1)...].contains { if case .messageDelivered(let d) = $0.event { d.user == user && d.room == room } else { false } }
    }

    private func left(user: Int, room: Int, before index: Int) -> Bool {
        trace[..<index].contains { if case .memberLeft(let l) = $0.event { l.user == user && l.room == room } else { false } }
    }

    private func rejoined(user: Int, room: Int, after index: Int) -> Bool {
        trace[(index + 1)...].contains { if case .memberJoined(let j) = $0.event { j.user == user && j.room == room } else { false } }
    }

    // MARK: Senders and the rate limit

    private var senders: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        // A sender's two consecutive messages in a room, accepted with their ids swapped.
        for site in sites({ index, event in nextAcceptance(after: index) != nil }) {
            guard let next = nextAcceptance(after: site), case .messageAccepted(var first) = trace[site].event,
                  case .messageAccepted(var second) = trace[next].event else { continue }
            swap(&first.clientMessage, &second.clientMessage)
            var swapped = replacing(site, with: first.event)
            swapped[next].event = second.event
            made.append(mutation("accept a sender's messages out of order", site, .violates(["per_sender_fifo"]), swapped))
            if guarantee == .effectivelyOnce {
                var again = trace[next]
                guard case .messageAccepted(var repeated) = again.event, case .messageAccepted(let original) = trace[site].event
                else { continue }
                repeated.clientMessage = original.clientMessage
                again.event = repeated.event
                var duplicated = trace
                duplicated[next] = again
                made.append(mutation("accept a message twice", site, .violates(["no_duplicate_within_dedup_window"]),
                                     duplicated))
            }
        }
        for site in sites({ _, event in if case .requestAdmitted = event { true } else { false } }) {
            made.append(mutation("admit more than the limit", site, .violates(["rate_limit_respected"]),
                                 inserting(trace[site].event, after: site, copies: promises.rateLimit)))
        }
        return made
    }

    private func nextAcceptance(after index: Int) -> Int? {
        guard case .messageAccepted(let first) = trace[index].event else { return nil }
        return trace.indices.first { later in
            guard later > index, case .messageAccepted(let a) = trace[later].event else { return false }
            return a.user == first.user && a.room == first.room && a.clientMessage != first.clientMessage
        }
    }

    // MARK: Receipts

    private var receipts: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        for site in sites({ _, event in if case .receiptSent = event { true } else { false } }) {
            guard case .receiptSent(let receipt) = trace[site].event else { continue }
            made.append(mutation("send a receipt twice", site, .violates(["receipts_monotone"]),
                                 inserting(receipt.event, after: site)))
            var own = receipt
            own.recipient = receipt.reader
            made.append(mutation("send a reader its own receipt", site,
                                 .violates(["no_receipt_for_own_message", "receipts_monotone"]), replacing(site, with: own.event)))
            var inflated = receipt
            inflated.upTo = lastAccepted(room: receipt.room, before: site) + 1
            made.append(mutation("claim more than was received", site,
                                 .violates(["read_implies_delivered", "receipts_monotone"]), replacing(site, with: inflated.event)))
        }
        return made
    }

    // MARK: Typing and presence

    private var signals: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        // A stop deleted where nothing renews the indicator and the trace goes on past its expiry.
        for site in sites({ index, event in
            guard case .typingStopped(let stop) = event else { return false }
            let signal = lastSignal(room: stop.room, user: stop.user, before: index) ?? 0
            return signal + promises.typingExpiry < end
                && !signalled(room: stop.room, user: stop.user, from: index, through: trace[index].time.nanoseconds + promises.typingExpiry)
        }) {
            made.append(mutation("never stop an indicator", site, .violates(["typing_expires"]), removing(site)))
        }
        for site in sites({ index, event in owedPresence(at: index) }) {
            guard case .presenceSeen(let seen) = trace[site].event else { continue }
            made.append(mutation("never tell a member of a presence change", site, .violates(["presence_within_bound"]),
                                 removing(site)))
            var wrong = seen
            wrong.online.toggle()
            made.append(mutation("tell a member the wrong presence", site, .violates(["presence_within_bound"]),
                                 replacing(site, with: wrong.event)))
        }
        return made
    }

    private func lastSignal(room: Int, user: Int, before index: Int) -> Int64? {
        trace[..<index].last { entry in
            switch entry.event {
            case .typingStarted(let t): t.room == room && t.user == user
            case .typingRenewed(let t): t.room == room && t.user == user
            default: false
            }
        }?.time.nanoseconds
    }

    private func signalled(room: Int, user: Int, from index: Int, through limit: Int64) -> Bool {
        trace[index...].prefix { $0.time.nanoseconds <= limit }.contains { entry in
            switch entry.event {
            case .typingStarted(let t): t.room == room && t.user == user
            case .typingRenewed(let t): t.room == room && t.user == user
            default: false
            }
        }
    }

    /// Whether the presence change seen at `index` was owed to its observer: a member, present
    /// when it happened and until its bound, the change not superseded, the trace going on past
    /// the bound, and seen once.
    private func owedPresence(at index: Int) -> Bool {
        guard case .presenceSeen(let seen) = trace[index].event, let limit = promises.presenceRoomLimit else { return false }
        let changedAt = seen.changedAt.nanoseconds
        let deadline = changedAt + promises.presenceBound
        guard deadline < end else { return false }
        var member = false
        var present = false
        var members = Set<Int>()
        for entry in trace where entry.time.nanoseconds <= changedAt {
            switch entry.event {
            case .memberJoined(let j) where j.room == seen.room:
                members.insert(j.user)
                if j.user == seen.observer { member = true }
            case .memberLeft(let l) where l.room == seen.room:
                members.remove(l.user)
                if l.user == seen.observer { member = false }
            case .presenceChanged(let p) where p.room == seen.room && p.user == seen.observer:
                present = p.online
            default: break
            }
        }
        guard member, present, members.count <= limit else { return false }
        var seenCount = 0
        for entry in trace where entry.time.nanoseconds > changedAt && entry.time.nanoseconds <= deadline {
            switch entry.event {
            case .presenceChanged(let p) where p.room == seen.room && (p.user == seen.user || p.user == seen.observer):
                return false
            case .memberLeft(let l) where l.room == seen.room && l.user == seen.observer:
                return false
            case .memberJoined(let j) where j.room == seen.room:
                if members.count + 1 > limit { return false }
            default: break
            }
        }
        for entry in trace {
            if case .presenceSeen(let other) = entry.event, other == seen { seenCount += 1 }
        }
        return seenCount == 1
    }

    // MARK: Notifications

    private var notifications: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        let rule: MutationTests.Expectation = .violates(["notification_ends_within_retry_limit"])
        for site in sites({ _, event in if case .notificationAttempted = event { true } else { false } }) {
            guard case .notificationAttempted(let attempt) = trace[site].event else { continue }
            made.append(mutation("attempt once more", site, rule, inserting(attempt.event, after: site)))
            var relabelled = attempt
            relabelled.attempt += 1
            made.append(mutation("label an attempt wrongly", site, rule, replacing(site, with: relabelled.event)))
        }
        for site in sites({ index, event in
            guard case .notificationEnded(let ended) = event else { return false }
            return createdAt(ended.id, ended.user, before: index).map { $0 + promises.notificationDeadline < end } ?? false
        }) {
            made.append(mutation("never end a notification", site, rule, removing(site)))
        }
        for site in sites({ _, event in if case .badgeChanged = event { true } else { false } }) {
            guard case .badgeChanged(var badge) = trace[site].event else { continue }
            badge.badge += 1
            made.append(mutation("show a wrong badge", site, .violates(["badge_equals_unread"]), replacing(site, with: badge.event)))
        }
        for site in sites({ index, event in
            if case .notificationRead(let read) = event { badgeChange(of: read.user, after: index) } else { false }
        }) {
            made.append(mutation("lose a read", site, .violates(["badge_equals_unread"]), removing(site)))
        }
        for site in sites({ _, event in if case .notificationRead(let read) = event { read.cutoff != nil } else { false } }) {
            guard case .notificationRead(var read) = trace[site].event,
                  let created = createdAt(read.id, read.user, before: site) else { continue }
            read.cutoff = SimulationInstant(nanoseconds: created - 1)
            made.append(mutation("mark read past the cutoff", site, .violates(["mark_all_respects_cutoff"]),
                                 replacing(site, with: read.event)))
        }
        return made
    }

    private func createdAt(_ id: UInt64, _ user: Int, before index: Int) -> Int64? {
        trace[..<index].last { if case .notificationCreated(let c) = $0.event { c.id == id && c.user == user } else { false } }?
            .time.nanoseconds
    }

    private func badgeChange(of user: Int, after index: Int) -> Bool {
        trace[(index + 1)...].contains { if case .badgeChanged(let b) = $0.event { b.user == user } else { false } }
    }

    // MARK: Harmless changes

    // MARK: Collaboration

    private var collaboration: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        let converge = MutationTests.Expectation.violates(["replicas_converge"])
        let audit = MutationTests.Expectation.violates(["audit_exactly_once_in_order"])
        for site in sites({ _, event in if case .replicaSettled = event { true } else { false } }) {
            guard case .replicaSettled(var settled) = trace[site].event else { continue }
            settled.digest ^= 1
            made.append(mutation("settle a replica on other content", site, converge, replacing(site, with: settled.event)))
        }
        for site in sites({ _, event in if case .documentRevised = event { true } else { false } }) {
            guard case .documentRevised(var revised) = trace[site].event else { continue }
            var lying = revised
            lying.digest ^= 1
            made.append(mutation("claim a document its edits do not make", site, converge, replacing(site, with: lying.event)))
            revised.position += 1
            made.append(mutation("apply an edit one place further", site, converge, replacing(site, with: revised.event)))
        }
        // A settling followed by another of the same replica, forgotten: nothing is lost.
        for site in sites({ index, event in
            guard case .replicaSettled(let settled) = event else { return false }
            return settles(user: settled.user, room: settled.room, after: index)
        }) {
            made.append(mutation("harmless: forget a settling that is not the last", site, .harmless, removing(site)))
        }
        let recorded = sites { _, event in
            guard case .auditRecorded(let record) = event else { return false }
            return end - record.performedAt.nanoseconds > (promises.deliveryGrace ?? 0)
        }
        for site in recorded {
            guard case .auditRecorded(var record) = trace[site].event else { continue }
            made.append(mutation("lose an audit record", site, audit, removing(site)))
            made.append(mutation("record an action twice", site, audit, inserting(record.event, after: site)))
            var wrongTime = record
            wrongTime.performedAt = wrongTime.performedAt.advanced(by: .milliseconds(1))
            made.append(mutation("record the wrong time", site, audit, replacing(site, with: wrongTime.event)))
            record.actor += 1
            made.append(mutation("record the wrong actor", site, audit, replacing(site, with: record.event)))
        }
        for site in sites({ _, event in if case .privilegedAction = event { true } else { false } }) {
            guard case .privilegedAction(let action) = trace[site].event, recordedLater(action, after: site) else { continue }
            made.append(mutation("record an action never taken", site, audit, removing(site)))
        }
        // Two records of one room, swapped: out of order.
        for site in sites({ index, event in
            guard case .auditRecorded(let first) = event else { return false }
            return nextRecord(ofRoom: first.room, after: index) != nil
        }) {
            guard case .auditRecorded(let first) = trace[site].event, let next = nextRecord(ofRoom: first.room, after: site)
            else { continue }
            var swapped = trace
            let (a, b) = (swapped[site].event, swapped[next].event)
            swapped[site].event = b
            swapped[next].event = a
            made.append(mutation("record two actions out of order", site, audit, swapped))
        }
        return made
    }

    /// Whether `user`'s replica of `room` settles after `index`.
    private func settles(user: Int, room: Int, after index: Int) -> Bool {
        trace[(index + 1)...].contains { entry in
            if case .replicaSettled(let s) = entry.event { s.user == user && s.room == room } else { false }
        }
    }

    /// Whether the audit log records `action` after `index`.
    private func recordedLater(_ action: PrivilegedActionTaken, after index: Int) -> Bool {
        trace[(index + 1)...].contains { entry in
            if case .auditRecorded(let r) = entry.event { r.room == action.room && r.number == action.number } else { false }
        }
    }

    /// The index of the next audit record of `room` after `index`.
    private func nextRecord(ofRoom room: Int, after index: Int) -> Int? {
        trace.indices.dropFirst(index + 1).first { candidate in
            if case .auditRecorded(let r) = trace[candidate].event { r.room == room } else { false }
        }
    }

    private var harmless: [MutationTests.Mutation] {
        var made: [MutationTests.Mutation] = []
        // A send the convergence checker does not need: its replica settles after it, or its
        // sender keeps no replica of the room.
        for site in sites({ index, event in
            guard case .messageSent(let sent) = event else { return false }
            return settles(user: sent.user, room: sent.room, after: index) || !settles(user: sent.user, room: sent.room, after: 0)
        }) {
            made.append(mutation("harmless: forget a send", site, .harmless, removing(site)))
            made.append(mutation("harmless: count a send twice", site, .harmless, inserting(trace[site].event, after: site)))
        }
        for site in sites({ _, event in if case .requestAdmitted = event { true } else { false } }) {
            made.append(mutation("harmless: admit one request fewer", site, .harmless, removing(site)))
        }
        for site in sites({ _, event in if case .badgeChanged = event { true } else { false } }) {
            made.append(mutation("harmless: show a badge one time fewer", site, .harmless, removing(site)))
        }
        for site in sites({ index, event in
            guard case .notificationEnded(let ended) = event else { return false }
            return createdAt(ended.id, ended.user, before: index).map { $0 + promises.notificationDeadline >= end } ?? false
        }) {
            made.append(mutation("harmless: end a notification after the trace", site, .harmless, removing(site)))
        }
        // Two deliveries to different members at the same instant, swapped.
        for site in sites({ index, event in
            guard index + 1 < trace.count, case .messageDelivered(let a) = event, case .messageDelivered(let b) = trace[index + 1].event
            else { return false }
            return trace[index].time == trace[index + 1].time && a.user != b.user
        }) {
            var swapped = trace
            swapped.swapAt(site, site + 1)
            made.append(mutation("harmless: swap simultaneous deliveries", site, .harmless, swapped))
        }
        // Every time a second later, times the events carry included.
        var shifted = trace
        for index in shifted.indices {
            shifted[index].time = shifted[index].time.advanced(by: .seconds(1))
            switch shifted[index].event {
            case .presenceSeen(var seen):
                seen.changedAt = seen.changedAt.advanced(by: .seconds(1))
                shifted[index].event = seen.event
            case .notificationRead(var read):
                read.cutoff = read.cutoff?.advanced(by: .seconds(1))
                shifted[index].event = read.event
            case .auditRecorded(var record):
                record.performedAt = record.performedAt.advanced(by: .seconds(1))
                shifted[index].event = record.event
            default: break
            }
        }
        made.append(mutation("harmless: shift the whole trace", 0, .harmless, shifted))
        return made
    }
}
