import SimModel

/// The built-in scenarios, by name: the default, one for each product spec in
/// `../shared/specs/`, and fault scenarios that put the system through real failures.
public enum ScenarioCatalog {
    /// The scenario a bare `simrun` runs.
    public static let defaultName = "quickstart"

    /// Every built-in scenario, in the order `simrun list` shows them.
    public static var all: [ChatScenario] {
        [quickstart, b2bPortal, marketplace, crmRealtime, supportDesk, collabWorkspace,
         reconnectStorm, busOutage, slowStore, hotRoom, nodeCrash, scale, raceDemo]
    }

    /// The scenario called `name`, if there is one.
    public static func named(_ name: String) -> ChatScenario? {
        all.first { $0.name == name }
    }

    /// Clients on broadband: 12 ms median each way.
    private static let broadband = LinkProfile(latency: .lognormal(median: 0.012, sigma: 0.5))

    private static func system(_ configure: (inout SystemConfiguration) -> Void) -> SystemConfiguration {
        var system = SystemConfiguration()
        configure(&system)
        return system
    }

    static var quickstart: ChatScenario {
        ChatScenario(
            name: "quickstart",
            summary: "2,000 clients arriving over 10 s, chatting in 400 rooms of about 15 with typing, receipts and "
                + "notifications for a minute; every guarantee holds",
            clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3, thinkTime: .exponential(mean: 5),
            system: system { $0.network.clientLink = broadband },
            habits: ClientHabits(typesBeforeSending: true, sendsReceipts: true, readsNotifications: true),
            notifications: NotificationLoad(perMinute: 600, kinds: [.orderUpdate, .paymentReminder, .newMessage]),
            rampUp: .seconds(10))
    }

    /// Quickstart's shape at any size: rooms, nodes, the store's pool, the connect stage and
    /// notifications follow `--clients`, sized so that the SLOs hold (one node per 2,000
    /// clients, one store connection per 200, rooms of about 15).
    static var scale: ChatScenario {
        var scenario = quickstart
        scenario.name = "scale"
        scenario.summary = "quickstart's shape sized from --clients (10,000 by default): rooms, nodes, store pool, "
            + "connect stage and notifications follow the client count"
        scenario.clients = 10_000
        scenario.sizing = ScenarioSizing(clientsPerRoom: 5, clientsPerNode: 2_000, clientsPerStoreConnection: 200,
                                         clientsPerConnectServer: 500, notificationsPerClientMinute: 0.3)
        return scenario.sized()
    }

    /// `b2b-portal.md`: clients and admins, a conversation per order inquiry, Socket.IO without
    /// auto-reconnect behind a 60-per-minute rate limit.
    static var b2bPortal: ChatScenario {
        ChatScenario(
            name: "b2b-portal",
            summary: "B2B clients and admins in order-inquiry conversations with typing, order, payment and system "
                + "notifications; a network blip at 30 s strands a fifth of the clients, who never reconnect",
            // The spec's known issue: no auto-reconnect, so messages to stranded clients are lost.
            clients: 1_000, duration: .seconds(60), rooms: 500, roomsPerClient: 1, thinkTime: .exponential(mean: 20),
            system: system { $0.clients.reconnect.enabled = false },
            habits: ClientHabits(typesBeforeSending: true, readsNotifications: true, marksAllRead: true),
            notifications: NotificationLoad(perMinute: 120, kinds: [.orderUpdate, .paymentReminder, .system]),
            adminShare: 0.05, faults: [ScheduledFault(at: .seconds(30), .dropShare(0.2))],
            rampUp: .seconds(10),
            // The spec's typical figures: delivery 50-100 ms, typing 30-50 ms, notification 40-80 ms.
            thresholds: ["message_delivery.p50<100ms", "typing.p50<50ms", "notification_realtime.p50<80ms",
                         "delivery_ratio>=0.999"])
    }

    /// `marketplace.md`: clients and professionals, a conversation per job, the ten notification
    /// types, one server without a bus, no offline queue.
    static var marketplace: ChatScenario {
        ChatScenario(
            name: "marketplace",
            summary: "clients and professionals in one conversation per job, read receipts, 2 s typing debounce, the ten "
                + "notification types, one server; a restart at 30 s loses what users send offline (no offline queue)",
            clients: 1_500, duration: .seconds(60), rooms: 750, roomsPerClient: 1, thinkTime: .exponential(mean: 10),
            system: system {
                $0.clients.offlineQueue = false
                $0.network.clientLink = broadband
            },
            habits: ClientHabits(typesBeforeSending: true, sendsReceipts: true, readsNotifications: true),
            notifications: NotificationLoad(perMinute: 300, kinds: NotificationKind.marketplace),
            adminShare: 0.02, faults: [ScheduledFault(at: .seconds(30), .dropConnections(node: 0))],
            rampUp: .seconds(10))
    }

    /// `crm-realtime.md`: dashboards and activity streams for 10,000 users across three nodes
    /// joined by a Redis-style pub/sub bus; notifications over realtime, email and push.
    static var crmRealtime: ChatScenario {
        ChatScenario(
            name: "crm-realtime",
            summary: "10,000 users, 100,000 messages a minute in activity streams across 3 nodes and a pub/sub bus, "
                + "notifications with retry and fallback; the bus goes down for 5 s at 30 s",
            clients: 10_000, duration: .seconds(60), rooms: 1_000, roomsPerClient: 1, thinkTime: .exponential(mean: 6),
            system: system {
                $0.gateway.nodes = 3
                $0.delivery.guarantee = .atLeastOnce
                $0.network.clientLink = broadband
                // A store sized for 100,000 messages a minute (the default pool would saturate).
                $0.store.poolSize = 40
                // Digests go by email; deal updates by push, then email.
                $0.notifications.channelsByKind = [.system: [.email], .orderUpdate: [.push, .email]]
            },
            notifications: NotificationLoad(perMinute: 2_000, kinds: [.system, .newMessage, .orderUpdate]),
            faults: [ScheduledFault(at: .seconds(30), .busDown(for: .seconds(5)))],
            rampUp: .seconds(10),
            thresholds: ["message_delivery.p50<50ms", "message_delivery.p99<100ms", "notification_email.p99<5s",
                         "delivery_ratio>=0.999"])
    }

    /// `support-desk.md`: customers arriving over time, routed to agents with a capacity;
    /// presence, typing, delivery status, reconnect with backoff, dedup.
    static var supportDesk: ChatScenario {
        ChatScenario(
            name: "support-desk",
            summary: "10,000 customers arriving over a minute for chats of about 40 s with 500 agents taking 10 at once: "
                + "the rest queue, priority customers first; first response and queue wait measured",
            clients: 10_500, duration: .seconds(120), rooms: 1, roomsPerClient: 1, thinkTime: .exponential(mean: 8),
            system: system {
                $0.delivery.guarantee = .effectivelyOnce
                $0.network.clientLink = broadband
            },
            habits: ClientHabits(typesBeforeSending: true, sendsReceipts: true),
            sessionLength: .lognormal(median: 40, sigma: 0.4),
            agents: AgentRouting(share: 500.0 / 10_500, capacity: 10, priorityShare: 0.1),
            rampUp: .seconds(60),
            thresholds: ["message_delivery.p50<50ms", "message_delivery.p99<100ms", "first_response.p90<60s",
                         "queue_wait.p90<30s", "delivery_ratio>=0.999"])
    }

    /// `collab-workspace.md`: documents as rooms with admins, editors and viewers; presence,
    /// high-rate live cursors, live notifications, rate limits.
    static var collabWorkspace: ChatScenario {
        ChatScenario(
            name: "collab-workspace",
            summary: "1,000 admins, editors and viewers in 200 shared documents with presence, live cursors at 5 a "
                + "second, concurrent edits every 4 s per editor that every replica must converge on, admins changing "
                + "roles, removing members and now and then deleting a document, each recorded in the audit log, and "
                + "live notifications; viewers may not edit",
            clients: 1_000, duration: .seconds(60), rooms: 200, roomsPerClient: 2, thinkTime: .exponential(mean: 15),
            system: system {
                $0.notifications.channels = [.realtime]
                $0.network.clientLink = broadband
            },
            habits: ClientHabits(readsNotifications: true, cursorUpdatesPerSecond: 5, keepsDocuments: true,
                                 editsPerMinute: 15, adminActionsPerMinute: 2),
            notifications: NotificationLoad(perMinute: 120, kinds: [.system]),
            adminShare: 0.05, viewerShare: 0.4, rampUp: .seconds(10),
            thresholds: ["message_delivery.p99<100ms", "cursor.p99<100ms", "delivery_ratio>=0.999"])
    }

    static var reconnectStorm: ChatScenario {
        ChatScenario(
            name: "reconnect-storm",
            summary: "a node drops all 2,000 connections at 30 s; clients come back within 1-5 s and recover their "
                + "sessions from the store",
            clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3, thinkTime: .exponential(mean: 5),
            system: system {
                $0.delivery.guarantee = .effectivelyOnce
                $0.network.clientLink = broadband
            },
            faults: [ScheduledFault(at: .seconds(30), .dropConnections(node: 0))],
            rampUp: .seconds(10),
            thresholds: ["message_delivery.p99<100ms", "reconnect.p99<10s", "delivery_ratio>=0.999"])
    }

    static var busOutage: ChatScenario {
        ChatScenario(
            name: "bus-outage",
            summary: "3 nodes on a pub/sub bus that goes down for 10 s at 30 s: remote members miss messages and fetch "
                + "them back through the gaps",
            clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3, thinkTime: .exponential(mean: 5),
            system: system {
                $0.gateway.nodes = 3
                $0.network.clientLink = broadband
            },
            faults: [ScheduledFault(at: .seconds(30), .busDown(for: .seconds(10)))],
            rampUp: .seconds(10))
    }

    static var slowStore: ChatScenario {
        ChatScenario(
            name: "slow-store",
            summary: "the quickstart's load on a store with 4 connections and 10 ms writes: the pool saturates and "
                + "every message waits for it",
            clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3, thinkTime: .exponential(mean: 5),
            system: system {
                $0.store.poolSize = 4
                $0.store.writeLatency = .lognormal(median: 0.010, sigma: 0.5)
                $0.network.clientLink = broadband
            },
            drain: .seconds(20), rampUp: .seconds(10))
    }

    static var hotRoom: ChatScenario {
        ChatScenario(
            name: "hot-room",
            summary: "a town hall: 10,000 members in one room, 1 % of them speaking; each message fans out to 10,000 "
                + "connections on one node",
            clients: 10_000, duration: .seconds(30), rooms: 1, roomsPerClient: 1, thinkTime: .exponential(mean: 10),
            viewerShare: 0.99, rampUp: .seconds(10))
    }

    static var nodeCrash: ChatScenario {
        ChatScenario(
            name: "node-crash",
            summary: "node 1 of 3 crashes at 30 s and loses its sessions: its clients rejoin and report what they "
                + "missed instead of showing a silent gap",
            clients: 2_000, duration: .seconds(60), rooms: 400, roomsPerClient: 3, thinkTime: .exponential(mean: 5),
            system: system {
                $0.gateway.nodes = 3
                $0.bus.kind = .stream
                $0.network.clientLink = broadband
            },
            faults: [ScheduledFault(at: .seconds(30), .crashNode(node: 1))],
            rampUp: .seconds(10))
    }

    /// A planted race for `simrun explore` to find: rooms that forget a post is being written
    /// (`faults.retry_written_twice`). A retry sent after the ack timeout, while the first
    /// attempt's write is still in flight, is written and accepted again, which breaks
    /// effectively-once. Only runs in which some write outlasts the ack timeout show it, so most
    /// seeds pass and a search finds the ones that fail.
    static var raceDemo: ChatScenario {
        ChatScenario(
            name: "race-demo",
            summary: "a planted race: under effectively-once, a retry that arrives while its first attempt is still "
                + "being written is accepted twice; only seeds where a write outlasts the ack timeout show it",
            clients: 40, duration: .seconds(20), rooms: 10, roomsPerClient: 2, thinkTime: .exponential(mean: 4),
            system: system {
                $0.delivery.guarantee = .effectivelyOnce
                $0.delivery.ackTimeout = .milliseconds(200)
                $0.store.poolSize = 8
                $0.store.writeLatency = .lognormal(median: 0.010, sigma: 0.9)
                $0.network.clientLink = broadband
                $0.faults.retryWrittenTwice = true
            },
            rampUp: .seconds(2),
            thresholds: ["message_delivery.p99<1s", "delivery_ratio>=0.999"])
    }
}
