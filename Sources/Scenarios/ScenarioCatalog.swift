import SimEngine

/// The built-in scenarios, by name.
public enum ScenarioCatalog {
    /// The scenario a bare `simrun` runs.
    public static let defaultName = "quickstart"

    /// The default system with clients on broadband: 12 ms median each way.
    private static var broadband: SystemConfiguration {
        var system = SystemConfiguration()
        system.network.clientLink = LinkProfile(latency: .lognormal(median: 0.012, sigma: 0.5))
        return system
    }

    /// Every built-in scenario, in the order `simrun list` shows them.
    public static var all: [ChatScenario] {
        [
            ChatScenario(
                name: "quickstart",
                summary: "2,000 clients arriving over 10 s, chatting in 400 rooms of about 15 with typing, receipts and notifications for a minute; every guarantee holds",
                clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3,
                thinkTime: .exponential(mean: 5), system: broadband,
                habits: ClientHabits(typesBeforeSending: true, sendsReceipts: true, readsNotifications: true),
                notifications: NotificationLoad(perMinute: 600, kinds: [.orderUpdate, .paymentReminder, .newMessage]),
                rampUp: .seconds(10)),
            ChatScenario(
                name: "hot-room",
                summary: "1,000 clients joining one room at once: a million presence frames and a burst of greetings queue at the node's fan-out for seconds; p99 breaches 100 ms",
                clients: 1_000, duration: .seconds(30), rooms: 1, roomsPerClient: 1,
                thinkTime: .exponential(mean: 10)),
        ]
    }

    /// The scenario called `name`, if there is one.
    public static func named(_ name: String) -> ChatScenario? {
        all.first { $0.name == name }
    }
}
