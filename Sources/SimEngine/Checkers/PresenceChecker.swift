public import SimEvents
public import SimRuntime
import SimSupport

/// Checks that presence converges: every member present in a room learns every change of
/// another member's presence there, in the right state, within the presence bound, unless a
/// later change of the same member supersedes it, the observer goes away or leaves first, or
/// the room is larger than the presence room limit. Each change a member learns of must be one
/// that happened, in the state it happened in. Deadlines are judged the moment the trace passes
/// them.
///
/// A trace that does not give the presence room limit (schema version 1) is judged by lateness
/// and state alone.
public struct PresenceChecker: GuaranteeChecker {
    /// A change some members have yet to learn of.
    private struct Change: Sendable {
        var time: Int64
        var online: Bool
        var observers: Set<Int>
    }

    private var parameters: CheckParameters?
    private var members = FlatTable<Int, Set<Int>>()
    private var present = FlatTable<Int, Set<Int>>()
    /// Per room, per user: the change its members have yet to learn of.
    private var pending = FlatTable<Int, FlatTable<Int, Change>>()
    /// The last few changes of each member's presence, to tell a change that happened from one
    /// that did not.
    private var history = FlatTable<RoomMemberKey, PresenceHistory>()
    private var deadlines = DeadlineQueue<(member: RoomMemberKey, time: Int64)>()
    private var finding = GuaranteeFinding(name: "presence_within_bound")
    /// Presence changes members learned of.
    public private(set) var seen = 0

    public init() {}

    public mutating func advance(to time: SimulationInstant, line: Int) {
        guard let earliest = deadlines.earliest, earliest < time.nanoseconds, let bound = parameters?.presenceBound else {
            return
        }
        for (member, changedAt) in deadlines.popDue(before: time.nanoseconds) {
            guard let room = pending.index(forKey: member.room), let change = pending[slot: room][member.user],
                  change.time == changedAt else { continue }
            pending[slot: room].removeValue(forKey: member.user)
            guard !tooLarge(member.room) else { continue }
            let owed = change.observers.intersection(present[member.room] ?? []).intersection(members[member.room] ?? [])
            for observer in owed.sorted() {
                finding.record("client-\(observer) never learned that client-\(member.user) went "
                               + "\(change.online ? "online" : "offline") in room-\(member.room) at "
                               + "\(SimulationInstant(nanoseconds: changedAt)), within the "
                               + "\(DurationText.seconds(nanoseconds: bound)) bound (the trace reached \(time))", line: line)
            }
        }
    }

    public mutating func observe(_ event: TraceEvent, at time: SimulationInstant, line: Int) {
        switch event {
        case .checkParameters(let parameters):
            self.parameters = parameters
        case .memberJoined(let joined):
            members[joined.room, default: []].insert(joined.user)
        case .memberLeft(let left):
            if let slot = members.index(forKey: left.room) { members[slot: slot].remove(left.user) }
            forget(observer: left.user, in: left.room)
        case .presenceChanged(let change):
            changed(change, at: time)
        case .presenceSeen(let presence):
            learned(presence, at: time, line: line)
        default:
            break
        }
    }

    private mutating func changed(_ change: PresenceChanged, at time: SimulationInstant) {
        let member = RoomMemberKey(room: change.room, user: change.user)
        if change.online {
            present[change.room, default: []].insert(change.user)
        } else {
            if let slot = present.index(forKey: change.room) { present[slot: slot].remove(change.user) }
            forget(observer: change.user, in: change.room)
        }
        history[member, default: PresenceHistory()].append(time: time.nanoseconds, online: change.online)
        // A later change supersedes one its observers have not learned of yet.
        if let room = pending.index(forKey: change.room) { pending[slot: room].removeValue(forKey: change.user) }
        guard let bound = parameters?.presenceBound, parameters?.presenceRoomLimit != nil, !tooLarge(change.room) else {
            return
        }
        let observers = (present[change.room] ?? []).intersection(members[change.room] ?? []).subtracting([change.user])
        guard !observers.isEmpty else { return }
        pending[change.room, default: FlatTable()][change.user] = Change(time: time.nanoseconds, online: change.online,
                                                                observers: observers)
        deadlines.add((member, time.nanoseconds), by: time.nanoseconds &+ bound)
    }

    private mutating func learned(_ presence: PresenceSeen, at time: SimulationInstant, line: Int) {
        seen += 1
        let changedAt = presence.changedAt.nanoseconds
        // Described only for a finding: most presence learned breaks nothing.
        func what() -> String {
            "client-\(presence.observer) learned at \(time) that client-\(presence.user) went "
                + "\(presence.online ? "online" : "offline") in room-\(presence.room) at \(presence.changedAt)"
        }
        if let bound = parameters?.presenceBound, time.nanoseconds - changedAt > bound {
            finding.record("\(what()): \(DurationText.seconds(nanoseconds: time.nanoseconds - changedAt)) later, beyond the "
                           + "\(DurationText.seconds(nanoseconds: bound)) bound", line: line)
        }
        // A change that happened, in the state it happened in; a change older than the few
        // remembered cannot be told apart and passes.
        if let past = history[RoomMemberKey(room: presence.room, user: presence.user)] {
            if let online = past.last(at: changedAt) {
                if online != presence.online {
                    finding.record("\(what()), but it went \(online ? "online" : "offline") then", line: line)
                }
            } else if let oldest = past.oldest, changedAt >= oldest {
                finding.record("\(what()), a change that never happened", line: line)
            }
        } else {
            finding.record("\(what()), a change that never happened", line: line)
        }
        // One observer fewer owes the change; changed in place, as the observers may be many.
        if let room = pending.index(forKey: presence.room), let user = pending[slot: room].index(forKey: presence.user),
           pending[slot: room][slot: user].time == changedAt {
            pending[slot: room][slot: user].observers.remove(presence.observer)
        }
    }

    /// `observer` is no longer there to learn of the room's changes.
    private mutating func forget(observer: Int, in room: Int) {
        guard let slot = pending.index(forKey: room) else { return }
        for user in pending[slot: slot].map(\.key) {
            if let change = pending[slot: slot].index(forKey: user) { pending[slot: slot][slot: change].observers.remove(observer) }
        }
    }

    /// Whether the room is larger than the presence room limit, and so tells nobody.
    private func tooLarge(_ room: Int) -> Bool {
        guard let limit = parameters?.presenceRoomLimit else { return true }
        return (members[room]?.count ?? 0) > limit
    }

    public func findings(at end: SimulationInstant) -> [GuaranteeFinding] {
        var finding = finding
        guard let bound = parameters?.presenceBound else { return [finding] }
        let overdue = pending.flatMap { room, changes in changes.map { (room: room, user: $0.key, change: $0.value) } }
            .filter { end.nanoseconds - $0.change.time > bound && !tooLarge($0.room) }
            .sorted { ($0.change.time, $0.room, $0.user) < ($1.change.time, $1.room, $1.user) }
        for (room, user, change) in overdue {
            let owed = change.observers.intersection(present[room] ?? []).intersection(members[room] ?? [])
            for observer in owed.sorted() {
                finding.record("client-\(observer) never learned that client-\(user) went \(change.online ? "online" : "offline") "
                               + "in room-\(room) at \(SimulationInstant(nanoseconds: change.time)), by the end (\(end))")
            }
        }
        return [finding]
    }
}
