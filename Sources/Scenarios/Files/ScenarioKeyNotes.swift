/// What each key of a scenario file means and in what unit, as `simrun explain` writes it
/// beside the key:
///
/// ```yaml
/// clients: 2000  # synthetic clients
/// system:
///   store:
///     pool_size: 10  # store connections: requests written or read at once
/// ```
///
/// ``annotate(_:)`` adds the notes to a file as comments, which read back as nothing: the
/// annotated file runs to the same trace as the scenario.
public enum ScenarioKeyNotes {
    /// The note of each key, by its dotted path (`system.store.pool_size`; `faults[].at` for a
    /// key of a list's items; `*` for any provider, stage or link).
    static let notes: [String: String] = [
        "kind": "the kind of scenario: chat",
        "name": "the name reports give the scenario",
        "summary": "one line on what it models",
        "clients": "synthetic clients (agents included, with a support desk)",
        "duration": "how long clients generate load (90s, 5m, 1h)",
        "ramp_up": "clients arrive evenly over this time from the start",
        "drain": "after the load, how long in-flight work may land before the verdict",
        "rooms": "rooms (conversations, channels, documents)",
        "rooms_per_client": "rooms each client joins, drawn at random",
        "think_time": "seconds between a client's messages, a distribution",
        "message_bytes": "bytes per message",
        "habits": "what clients do besides posting",
        "habits.types_before_sending": "send typing signals while composing",
        "habits.compose_time": "how long composing takes (typing signals meanwhile)",
        "habits.sends_receipts": "send delivery and read receipts",
        "habits.reads_notifications": "read notifications after read_delay",
        "habits.marks_all_read": "mark all notifications read at once instead of one by one",
        "habits.read_delay": "how long after it arrives a notification is read",
        "habits.cursor_updates_per_second": "live cursor updates per second per client (0: none)",
        "habits.keeps_documents": "keep a replica of each room's shared document and edit it",
        "habits.edits_per_minute": "document edits per minute per editor",
        "habits.admin_actions_per_minute": "role changes, removals and deletions per minute per admin",
        "notifications": "domain notifications the system sends besides chat",
        "notifications.per_minute": "notifications per minute in all",
        "notifications.kinds": "the kinds sent, drawn evenly",
        "admin_share": "share of clients who are admins (0 to 1)",
        "viewer_share": "share of clients who may only read (0 to 1)",
        "faults": "failures injected at given times",
        "faults[].at": "when, from the start of the run",
        "faults[].kind": "drop_connections, drop_share, crash_node, bus_down, store_down or partition_node",
        "faults[].node": "the node it hits (from 0)",
        "faults[].share": "share of all connections dropped (0 to 1)",
        "faults[].for": "how long it lasts",
        "profiles": "client profiles mixed by weight: think-time scale, network, reconnect habits",
        "profiles[].name": "the profile's name in reports (message_delivery[profile=NAME])",
        "profiles[].weight": "its share of the clients, relative to the other profiles' weights",
        "profiles[].think_time_scale": "multiplies think_time",
        "profiles[].link": "its own client network link",
        "profiles[].reconnect": "its own reconnect policy",
        "load": "closed (each client posts after its think time) or open (a rate the clients share)",
        "load.model": "closed or open",
        "load.stages": "open load: messages per second over time, each stage ramping to its rate",
        "load.stages[].duration": "how long the stage lasts",
        "load.stages[].rate": "messages per second at the stage's end",
        "session_length": "how long a client stays before leaving, seconds, a distribution (support desk)",
        "sessions_per_second": "customers arriving per second, Poisson (instead of over the ramp-up)",
        "agents": "a support desk: agents take customers' conversations",
        "agents.share": "share of clients who are agents (0 to 1)",
        "agents.capacity": "conversations an agent takes at once",
        "agents.priority_share": "share of customers served first (0 to 1)",
        "sizing": "sizes the system from clients (scale): a value per so many clients",
        "sizing.clients_per_node": "clients per gateway node",
        "sizing.clients_per_room": "clients per room",
        "sizing.clients_per_store_connection": "clients per store connection",
        "sizing.clients_per_connect_server": "clients per server of each node's connect stage",
        "sizing.notifications_per_client_minute": "notifications per client per minute",
        "thresholds": "SLOs the run must meet (METRIC OP VALUE); a breach exits 1",
        "swarm": "what --swarm may draw per seed: faults, their number and length, scaled parameters",
        "swarm.faults": "the fault kinds a seed may draw",
        "swarm.most_faults": "at most this many faults a seed",
        "swarm.longest_fault": "the longest a drawn fault lasts",
        "swarm.clients": "scales clients by a factor drawn between min and max",
        "swarm.think_time": "scales think_time by a factor drawn between min and max",
        "swarm.store_latency": "scales the store's latencies by a factor drawn between min and max",
        "swarm.network_latency": "scales the clients' network latency by a factor drawn between min and max",
        "system": "the modelled server side",
        "system.gateway": "the WebSocket gateway nodes",
        "system.gateway.nodes": "gateway nodes; users are pinned to node user % nodes, rooms to room % nodes",
        "system.gateway.heartbeat_interval": "how often clients ping",
        "system.gateway.heartbeat_timeout": "silence after which a node drops a connection",
        "system.gateway.outbox_byte_cap": "bytes queued to one connection before it counts as slow",
        "system.gateway.slow_consumer": "what a node does to a slow connection: disconnect or drop",
        "system.gateway.rate_limit": "how many messages a user may post per window",
        "system.gateway.rate_limit.kind": "sliding_window or token_bucket",
        "system.gateway.rate_limit.limit": "sliding window: messages per window",
        "system.gateway.rate_limit.window": "sliding window: the window",
        "system.gateway.rate_limit.capacity": "token bucket: tokens it holds",
        "system.gateway.rate_limit.refill_per_second": "token bucket: tokens added per second",
        "system.gateway.session_keep": "how long a node keeps a disconnected user's session for a resume",
        "system.rooms": "each room's message log",
        "system.rooms.max_messages": "messages a room keeps for history and recovery",
        "system.rooms.max_age": "how long a room keeps a message",
        "system.rooms.page_size": "messages per history page",
        "system.rooms.recovery_limit": "most messages recovered after a gap; beyond, reported missing",
        "system.delivery": "the delivery guarantee and what it takes",
        "system.delivery.guarantee": "at_most_once, at_least_once or effectively_once",
        "system.delivery.ack_timeout": "how long a client waits for an acknowledgement before it retries",
        "system.delivery.dedup_window": "how long a room remembers a client message id to drop retries",
        "system.signals": "typing, presence and receipts",
        "system.signals.presence_delay": "delay before members hear that someone came or went",
        "system.signals.typing_debounce": "least time between two typing signals of one user",
        "system.signals.typing_expiry": "typing shown this long after the last signal",
        "system.signals.receipt_batch": "receipts gathered this long before they are sent",
        "system.signals.presence_room_limit": "rooms larger than this get no presence fan-out",
        "system.signals.presence_bound": "presence must reach members within this (a guarantee)",
        "system.notifications": "notifications: channels, retries, providers",
        "system.notifications.channels": "channels tried in order for each notification",
        "system.notifications.channels_by_kind": "channels per notification kind, where they differ",
        "system.notifications.channels_by_kind.*": "channels tried in order for this kind",
        "system.notifications.retry": "how a failed delivery is retried",
        "system.notifications.retry.max_attempts": "attempts per channel",
        "system.notifications.retry.initial_backoff": "wait before the first retry",
        "system.notifications.retry.backoff_multiplier": "each retry waits this many times longer",
        "system.notifications.retry.max_backoff": "the longest wait between retries",
        "system.notifications.retry.attempt_timeout": "an attempt unanswered this long fails",
        "system.notifications.page_size": "notifications per page of the inbox",
        "system.notifications.providers": "each channel's provider",
        "system.notifications.providers.*": "the provider of this channel",
        "system.notifications.providers.*.latency": "seconds a provider takes to answer, a distribution",
        "system.notifications.providers.*.failure_rate": "share of attempts that fail (0 to 1)",
        "system.notifications.providers.*.concurrency": "requests in flight at once (0: unlimited)",
        "system.network": "the links' latency and loss",
        "system.network.*": "a link: clients to nodes, or node to node",
        "system.network.*.latency": "seconds one way, a distribution",
        "system.network.*.loss_rate": "share of frames lost (0 to 1)",
        "system.store": "the message store behind the rooms",
        "system.store.pool_size": "store connections: requests written or read at once",
        "system.store.read_latency": "seconds a read takes once it has a connection, a distribution",
        "system.store.write_latency": "seconds a write takes once it has a connection, a distribution",
        "system.store.failure_rate": "share of requests that fail (0 to 1)",
        "system.bus": "the bus between nodes (with more than one node)",
        "system.bus.kind": "pub_sub (what is published while a node cannot be reached is lost to it) or stream (a log: delivered once it can)",
        "system.capacity": "each node's pipeline stages: servers and service time",
        "system.capacity.*": "a stage of each node: connect (handshake and auth), parse, fanout",
        "system.capacity.*.servers": "requests the stage serves at once",
        "system.capacity.*.service_time": "seconds one request takes once served, a distribution",
        "system.clients": "how clients behave towards the system",
        "system.clients.reconnect": "reconnecting after a drop",
        "system.clients.reconnect.enabled": "whether clients reconnect and resume",
        "system.clients.reconnect.initial_delay": "first wait before reconnecting",
        "system.clients.reconnect.max_delay": "the longest wait, doubling from the first",
        "system.clients.reconnect.jitter": "share of each wait drawn at random (0 to 1)",
        "system.clients.send_attempts": "attempts per message before the client gives up",
        "system.clients.offline_queue": "keep what users send while offline and send it on reconnect",
        "system.faults": "deliberate bugs, for testing the checkers",
        "system.faults.receipts_to_reader": "send read receipts to their reader",
        "system.faults.edits_untransformed": "apply concurrent edits without transforming them",
        "system.faults.audit_subject_as_actor": "record an admin action's subject as its actor",
        "system.faults.retry_written_twice": "accept a retry that arrives while its first attempt is being written",
    ]

    /// What the fields of a distribution mean, under any key whose value is one.
    static let distributionFields: [String: String] = [
        "kind": "constant, uniform, exponential, normal, lognormal or empirical",
        "value": "seconds, every time",
        "mean": "seconds, the mean",
        "standard_deviation": "seconds, the standard deviation",
        "median": "seconds, the median",
        "sigma": "the spread of the logarithm",
        "min": "seconds, the least value",
        "max": "seconds, the greatest value",
        "values": "seconds, drawn from evenly",
    ]

    /// The note of the key at `path`, if it has one.
    public static func note(for path: String) -> String? {
        if let note = notes[path] { return note }
        let components = path.split(separator: ".").map(String.init)
        // Any provider, stage, link or notification kind: the component after its parent is a name.
        for parent in ["system.notifications.providers", "system.capacity", "system.network", "system.notifications.channels_by_kind"]
        where path.hasPrefix(parent + ".") {
            let depth = parent.split(separator: ".").count
            var general = components
            general[depth] = "*"
            if let note = notes[general.joined(separator: ".")] { return note }
        }
        // A field of a distribution or a range: note by its last component.
        guard components.count > 1, let field = components.last else { return nil }
        let parent = components.dropLast().joined(separator: ".")
        if parent.hasPrefix("swarm."), field == "min" || field == "max" {
            return field == "min" ? "the smallest factor" : "the largest factor"
        }
        return note(for: parent) != nil ? distributionFields[field] : nil
    }

    /// `yaml` (as `simrun explain` writes it) with each key's note beside it as a comment: at
    /// the end of its line, or on a line of its own above it when its value runs on.
    public static func annotate(_ yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var stack: [(indent: Int, name: String, hasValue: Bool)] = []
        var output: [String] = []
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            // A plain scalar that runs on over the lines below its key.
            if let top = stack.last, top.hasValue, indent > top.indent {
                output.append(line)
                continue
            }
            let isItem = body.hasPrefix("- ")
            let content = isItem ? body.dropFirst(2) : body
            guard let colon = content.range(of: ":"), Self.isKey(content[..<colon.lowerBound]),
                  content[colon.upperBound...].isEmpty || content[colon.upperBound...].hasPrefix(" ") else {
                output.append(line)
                continue
            }
            let key = String(content[..<colon.lowerBound])
            let value = content[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            if isItem {
                while let top = stack.last, top.indent > indent { stack.removeLast() }
                stack.append((indent + 1, "[]", false))
                stack.append((indent + 2, key, !value.isEmpty))
            } else {
                while let top = stack.last, top.indent >= indent { stack.removeLast() }
                stack.append((indent, key, !value.isEmpty))
            }
            let path = stack.map(\.name).joined(separator: ".").replacingOccurrences(of: ".[].", with: "[].")
            guard let note = note(for: path) else {
                output.append(line)
                continue
            }
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            let runsOn = !value.isEmpty && next.prefix { $0 == " " }.count > indent + (isItem ? 2 : 0)
                && !next.trimmingCharacters(in: .whitespaces).hasPrefix("- ")
            if runsOn || value.hasPrefix("|") || value.hasPrefix(">") {
                output.append(String(repeating: " ", count: indent + (isItem ? 2 : 0)) + "# " + note)
                output.append(line)
            } else {
                output.append(line + "  # " + note)
            }
        }
        return output.joined(separator: "\n")
    }

    private static func isKey(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
