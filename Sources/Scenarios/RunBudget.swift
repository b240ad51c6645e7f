public import SimSupport

/// What a scenario will cost before it runs: the model events it implies per virtual second and
/// in all, and the memory it holds at its peak.
///
/// Each value may be in range while together they ask for the impossible: a constant think time
/// of a nanosecond for a thousand clients, a hundred cursor updates a second into rooms of
/// ten thousand. A run of such a scenario would take days or exhaust the machine's memory with
/// no progress to show. ``check(memoryAvailable:)`` refuses it before anything starts, naming
/// the parameter that costs most and the estimate, so that the user can lower it or insist.
///
/// The estimate is deliberately coarse: rates times the events one message, delivery, cursor
/// update or heartbeat costs the model, measured on the built-in scenarios (about 10 engine
/// events per delivery), and bytes per client, membership, room and retained message, measured
/// the same way. It is meant to tell a run of hours from one of centuries, not minutes from
/// seconds.
public struct RunBudget: Equatable, Sendable {
    /// Model events the model can process per wall second, at the least, on one core.
    public static let eventsPerWallSecond = 500_000.0
    /// The longest run the budget admits without `--insist`: a day of wall time.
    public static let longestWallSeconds = 86_400.0

    /// One cost of the run (a source of work, or a holder of memory) with the parameter that
    /// sets it.
    public struct Cost: Equatable, Sendable {
        /// The key path of the parameter that controls this cost, as a user would lower it.
        public var parameter: String
        /// What it is, in words, with its rate or size.
        public var description: String
        /// Model events per virtual second for a source of work; bytes for a holder of memory.
        public var amount: Double
    }

    /// What makes the work, largest first.
    public let sources: [Cost]
    /// The virtual seconds the run lasts, load and drain.
    public let virtualSeconds: Double
    /// Bytes held at the peak, by estimate.
    public let peakBytes: Double
    /// What holds most of those bytes: a parameter and a description.
    public let largestHolder: Cost

    /// Model events per virtual second, all sources together.
    public var eventsPerSecond: Double { sources.reduce(0) { $0 + $1.amount } }
    /// Model events over the whole run.
    public var events: Double { eventsPerSecond * virtualSeconds }
    /// The wall time the run would take at ``eventsPerWallSecond``.
    public var wallSeconds: Double { events / Self.eventsPerWallSecond }

    /// The budget of `scenario`.
    public init(for scenario: ChatScenario) {
        let clients = Double(scenario.clients)
        let system = scenario.system
        let roomSize: Double = scenario.agents == nil
            ? clients * Double(scenario.roomsPerClient) / Double(scenario.rooms)
            : 2
        // Profiles scale think time; what matters is the mean rate over the mix.
        let totalWeight = scenario.profiles.reduce(0) { $0 + $1.weight }
        let rateFactor = totalWeight > 0
            ? scenario.profiles.reduce(0) { $0 + $1.weight / $1.thinkTimeScale } / totalWeight
            : 1
        let posters = clients * (1 - scenario.viewerShare)
        let messages: Double
        let messageSource: String
        switch scenario.load {
        case .closed:
            messages = posters * rateFactor / Swift.max(scenario.thinkTime.mean, Double.leastNonzeroMagnitude)
            messageSource = "think_time"
            + " (\(Self.number(scenario.clients)) clients each posting every \(Self.seconds(scenario.thinkTime.mean)))"
        case .open(let stages):
            messages = stages.map(\.target).max() ?? 0
            messageSource = "load.stages (up to \(Self.rate(messages)) messages per second)"
        }
        let habits = scenario.habits
        var sources = [
            Cost(parameter: scenario.load == .closed ? "think_time" : "load.stages",
                   description: "\(messageSource), delivered to rooms of about \(Self.rate(roomSize)) members",
                   amount: Self.eventsPerMessage * messages * (1 + roomSize)),
            Cost(parameter: "habits.cursor_updates_per_second",
                   description: "cursor updates (\(Self.rate(habits.cursorUpdatesPerSecond)) per client per second into rooms of about \(Self.rate(roomSize)))",
                   amount: Self.eventsPerMessage * clients * habits.cursorUpdatesPerSecond * (1 + roomSize)),
            Cost(parameter: "habits.edits_per_minute",
                   description: "document edits (\(Self.rate(habits.editsPerMinute)) per client per minute)",
                   amount: Self.eventsPerMessage * clients * habits.editsPerMinute / 60 * (1 + roomSize)),
            Cost(parameter: "system.gateway.heartbeat_interval",
                   description: "heartbeats (every \(DurationText.format(system.gateway.heartbeatInterval)) from each of \(Self.number(scenario.clients)) clients)",
                   amount: 4 * clients / system.gateway.heartbeatInterval.inSeconds),
        ]
        if let notifications = scenario.notifications {
            sources.append(Cost(parameter: "notifications.per_minute",
                                  description: "notifications (\(Self.rate(notifications.perMinute)) per minute)",
                                  amount: 30 * notifications.perMinute / 60))
        }
        if let arrivals = scenario.sessionsPerSecond {
            sources.append(Cost(parameter: "sessions_per_second",
                                  description: "sessions (\(Self.rate(arrivals)) arriving per second)",
                                  amount: 50 * arrivals * Double(scenario.roomsPerClient)))
        }
        self.sources = sources.sorted { $0.amount > $1.amount }
        virtualSeconds = scenario.duration.inSeconds + scenario.drain.inSeconds

        let retained = Swift.min(messages * scenario.duration.inSeconds,
                                 Double(scenario.rooms) * Double(system.rooms.maxMessages))
        let holders = [
            Cost(parameter: "clients", description: "\(Self.number(scenario.clients)) clients",
                   amount: clients * (8_000 + 300 * Double(scenario.roomsPerClient))),
            Cost(parameter: "rooms", description: "\(Self.number(scenario.rooms)) rooms",
                   amount: Double(scenario.rooms) * 1_000),
            Cost(parameter: "system.rooms.max_messages",
                   description: "room history (\(Self.rate(retained)) messages kept)",
                   amount: retained * (150 + Double(scenario.messageBytes) / 4)),
        ]
        largestHolder = holders.max { $0.amount < $1.amount }!
        peakBytes = 64e6 + holders.reduce(0) { $0 + $1.amount }
    }

    /// Engine events one message costs per recipient, and once for its sender.
    static let eventsPerMessage = 10.0

    /// Throws unless the run fits a day of wall time and `memoryAvailable` bytes; the error
    /// names the parameter that costs most and the estimate.
    public func check(memoryAvailable: Double) throws(ConfigurationError) {
        if !(wallSeconds <= Self.longestWallSeconds) {
            let first = sources[0]
            throw ConfigurationError(
                location: first.parameter,
                problem: "the scenario implies about \(Self.rate(eventsPerSecond)) model events per virtual second, mostly "
                    + "\(first.description): \(Self.rate(events)) events in all, about \(Self.wallTime(wallSeconds)) "
                    + "of wall time at \(Self.rate(Self.eventsPerWallSecond)) events a second",
                remedy: "lower \(first.parameter) or the run's length, or pass --insist to run it anyway")
        }
        if !(peakBytes <= memoryAvailable) {
            throw ConfigurationError(
                location: largestHolder.parameter,
                problem: "the scenario needs about \(Self.bytes(peakBytes)) of memory, mostly for \(largestHolder.description), "
                    + "and this machine has \(Self.bytes(memoryAvailable))",
                remedy: "lower \(largestHolder.parameter), or pass --insist to run it anyway")
        }
    }

    private static func seconds(_ value: Double) -> String {
        value >= 0.001 && value < 1e6 ? "\(rate(value)) s" : "\(value) s"
    }

    private static func number(_ value: Int) -> String { rate(Double(value)) }

    /// A count or rate for people: `2.5`, `12,000`, `3.1e+14`.
    private static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value >= 1e12 {
            var mantissa = value
            var exponent = 0
            while mantissa >= 10 { mantissa /= 10; exponent += 1 }
            return "\((mantissa * 10).rounded() / 10)e\(exponent)"
        }
        if value >= 100 || value == value.rounded() {
            let whole = Int64(value.rounded())
            let digits = String(whole)
            var text = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
                text.append(digit)
            }
            return text
        }
        return "\((value * 100).rounded() / 100)"
    }

    private static func bytes(_ value: Double) -> String {
        value >= 1e9 ? "\((value / 1e8).rounded() / 10) GB" : "\(Int64((value / 1e6).rounded())) MB"
    }

    private static func wallTime(_ seconds: Double) -> String {
        switch seconds {
        case ..<(3 * 86_400.0): "\(Int64((seconds / 3_600).rounded())) hours"
        case ..<(3 * 365 * 86_400.0): "\(Int64((seconds / 86_400).rounded())) days"
        default: "\(rate(seconds / (365 * 86_400))) years"
        }
    }
}
