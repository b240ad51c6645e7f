import SimSupport
public import SimRuntime
public import SimEvents

/// The notification service: creates notifications, keeps every user's inbox and badge, and
/// delivers each notification over the recipient's channels with retries and fallback.
///
/// Each (notification, recipient) delivery is a ``NotificationDelivery`` state machine; this
/// actor carries out its actions with engine timers: a provider answers after a latency drawn
/// from its profile, fails with its failure rate, and an unanswered attempt times out.
/// Realtime delivery fails while the recipient is offline; when it succeeds, the frame goes to
/// the recipient's connections through the sink the system connects. Each delivery's latency,
/// from creation to the provider's success, is recorded per channel (`notification_realtime`,
/// `notification_push`, `notification_email`).
public actor NotificationService: ModelActor {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private struct DeliveryKey: Hashable, Sendable {
        var notification: UInt64
        var user: Int
        var kind: NotificationKind
        var createdAt: SimulationInstant
    }

    private let engine: Engine
    private let telemetry: Telemetry
    private let configuration: NotificationConfiguration
    private var providerRandom: [NotificationChannel: RandomStream]
    /// The providers that serve a limited number of requests at once.
    private var providerStations: [NotificationChannel: Station<NotificationService>] = [:]
    private var inboxes: [Int: NotificationInbox] = [:]
    private var deliveries: [DeliveryKey: NotificationDelivery] = [:]
    /// Per user: channels by kind, and (under nil) for every other kind.
    private var preferences: [Int: [NotificationKind?: [NotificationChannel]]] = [:]
    private var presence: Set<Int> = []
    private let usersStartOnline: Bool
    private var realtimeSink: (@Sendable (Int, ServerFrame) -> Void)?
    private var store: Store?
    /// Delivery latency per channel, and the time at each provider with limited concurrency.
    private let deliveryLatency: [NotificationChannel: LatencyHandle]
    private let providerLatency: [NotificationChannel: LatencyHandle]
    private var nextID: UInt64 = 1
    /// What the service has done so far.
    public private(set) var tally = NotificationTally()

    /// Creates the service.
    ///
    /// - Parameter usersStartOnline: whether a user the service has not been told about is
    ///   online (a service on its own) or offline (a service that gateway nodes keep informed).
    public init(engine: Engine, telemetry: Telemetry, configuration: NotificationConfiguration, entity: UInt64 = 0,
                usersStartOnline: Bool = true) {
        self.usersStartOnline = usersStartOnline
        executor = engine.makeExecutor(label: "notifications-\(entity)")
        self.engine = engine
        self.telemetry = telemetry
        self.configuration = configuration
        deliveryLatency = Dictionary(uniqueKeysWithValues: NotificationChannel.allCases.map { channel in
            (channel, telemetry.handle(.notification(channel)))
        })
        providerLatency = Dictionary(uniqueKeysWithValues: NotificationChannel.allCases.map { channel in
            (channel, telemetry.handle(.stage(.provider(channel))))
        })
        providerRandom = Dictionary(uniqueKeysWithValues: NotificationChannel.allCases.map { channel in
            (channel, engine.random("notifications.provider.\(channel.rawValue)", entity: entity))
        })
        for channel in NotificationChannel.allCases {
            let profile = configuration.providers[channel] ?? ProviderProfile.defaults(for: channel)
            guard profile.concurrency > 0 else { continue }
            providerStations[channel] = Station(
                StationConfiguration(servers: profile.concurrency, serviceTime: profile.latency),
                random: engine.random("station.provider.\(channel.rawValue)", entity: entity), window: telemetry.stationWindow)
        }
    }

    /// Sets the channels `user` wants, in order, for notifications of `kind` (every kind without
    /// a preference of its own when nil); an empty list means none.
    public func setPreferences(of user: Int, for kind: NotificationKind? = nil, to channels: [NotificationChannel]) {
        preferences[user, default: [:]][kind] = channels
    }

    /// The channels a notification of `kind` for `user` tries, in order.
    public func channels(of user: Int, for kind: NotificationKind) -> [NotificationChannel] {
        preferences[user]?[kind] ?? preferences[user]?[nil] ?? configuration.channelsByKind[kind] ?? configuration.channels
    }

    /// Marks `user` online or offline, which decides whether realtime delivery can succeed.
    public func setOnline(_ user: Int, _ online: Bool) {
        // `presence` holds the users whose state differs from the starting one.
        if online == usersStartOnline { presence.remove(user) } else { presence.insert(user) }
    }

    /// Whether realtime delivery to `user` can succeed now.
    public func isOnline(_ user: Int) -> Bool { presence.contains(user) != usersStartOnline }

    /// Persists every notification in `store` before it reaches any inbox; a failed write means
    /// the notification was never created (counted in ``NotificationTally/unstored``).
    public func persist(in store: Store) {
        self.store = store
    }

    /// Where realtime notifications go once delivered: `sink(user, frame)` writes the frame to
    /// the user's connections.
    public func connectRealtime(_ sink: @escaping @Sendable (Int, ServerFrame) -> Void) {
        realtimeSink = sink
    }

    /// Creates a notification of `kind` for each of `users` (one user, or everyone for an
    /// announcement) and starts delivering it, once stored when the service persists; returns
    /// its id.
    @discardableResult
    public func notify(_ users: [Int], kind: NotificationKind) -> UInt64 {
        let id = nextID
        nextID += 1
        guard let store else {
            create(id, for: users, kind: kind)
            return id
        }
        store.write(for: self) { service, outcome in
            guard case .success = outcome else {
                service.tally.unstored += users.count
                return
            }
            service.create(id, for: users, kind: kind)
        }
        return id
    }

    private func create(_ id: UInt64, for users: [Int], kind: NotificationKind) {
        let now = engine.now
        for user in users {
            if inboxes[user, default: NotificationInbox(pageSize: configuration.pageSize)].add(id: id, kind: kind, at: now) {
                telemetry.record(NotificationCreated(id: id, user: user), at: now)
                recordBadge(of: user)
            }
            let key = DeliveryKey(notification: id, user: user, kind: kind, createdAt: now)
            var delivery = NotificationDelivery(channels: channels(of: user, for: kind),
                                                retry: configuration.retry)
            tally.created += 1
            let actions = delivery.start(at: now)
            keep(delivery, for: key)
            perform(actions, for: key)
        }
    }

    /// Deliveries not yet ended: zero once the service is quiet.
    public var pendingDeliveries: Int { deliveries.count }

    /// The unread badge of `user`.
    public func badge(of user: Int) -> Int { inboxes[user]?.unread ?? 0 }

    /// The inbox of `user`.
    public func inbox(of user: Int) -> NotificationInbox { inboxes[user] ?? NotificationInbox(pageSize: configuration.pageSize) }

    /// Marks one notification of `user` read.
    public func markRead(user: Int, id: UInt64) {
        markRead(user: user, ids: [id])
    }

    /// Marks the notifications `ids` of `user` read (a bulk action).
    public func markRead(user: Int, ids: [UInt64]) {
        let now = engine.now
        var changed = false
        for id in ids where inboxes[user]?.markRead(id: id, at: now) == true {
            telemetry.record(NotificationRead(id: id, user: user, cutoff: nil), at: now)
            changed = true
        }
        if changed { recordBadge(of: user) }
    }

    /// Marks every notification of `user` created at or before `cutoff` read.
    public func markAllRead(user: Int, createdUpTo cutoff: SimulationInstant) {
        guard let inbox = inboxes[user] else { return }
        let now = engine.now
        let reading = inbox.entries.filter { $0.readAt == nil && $0.createdAt <= cutoff }.map(\.id)
        inboxes[user]!.markAllRead(createdUpTo: cutoff, at: now)
        for id in reading { telemetry.record(NotificationRead(id: id, user: user, cutoff: cutoff), at: now) }
        if !reading.isEmpty { recordBadge(of: user) }
    }

    /// Records that `user` clicked notification `id`, which also marks it read.
    public func click(user: Int, id: UInt64) {
        let wasUnread = inboxes[user]?.entries.first { $0.id == id }?.readAt == nil
        guard inboxes[user]?.click(id: id, at: engine.now) == true else { return }
        if wasUnread {
            telemetry.record(NotificationRead(id: id, user: user, cutoff: nil), at: engine.now)
            recordBadge(of: user)
        }
    }

    private func recordBadge(of user: Int) {
        telemetry.record(BadgeChanged(user: user, badge: inboxes[user]?.unread ?? 0), at: engine.now)
    }

    private func perform(_ actions: [NotificationDelivery.Action], for key: DeliveryKey) {
        for action in actions {
            switch action {
            case .attempt(let channel, let attempt, let timeoutAt):
                telemetry.record(NotificationAttempted(id: key.notification, user: key.user, channel: channel,
                                                       attempt: attempt), at: engine.now)
                tally.attempts[channel, default: 0] += 1
                tally.mostAttemptsOnOneChannel = Swift.max(tally.mostAttemptsOnOneChannel, attempt)
                requestProvider(channel, attempt: attempt, for: key)
                engine.send(to: self, at: timeoutAt) { service in
                    service.update(key) { $0.timeout(channel: channel, attempt: attempt, at: $1) }
                }
            case .scheduleRetry(let due):
                engine.send(to: self, at: due) { service in
                    service.update(key) { $0.retryDue(at: $1) }
                }
            case .finished(.delivered(let channel)):
                telemetry.record(NotificationEnded(id: key.notification, user: key.user, delivered: true, channel: channel),
                                 at: engine.now)
                tally.deliveredBy[channel, default: 0] += 1
                let now = engine.now
                telemetry.record(deliveryLatency[channel]!, since: key.createdAt, now: now)
                if channel == .realtime {
                    realtimeSink?(key.user, .notification(id: key.notification, kind: key.kind, createdAt: key.createdAt))
                }
            case .finished(.failed):
                telemetry.record(NotificationEnded(id: key.notification, user: key.user, delivered: false, channel: nil),
                                 at: engine.now)
                tally.failed += 1
            }
        }
    }

    /// Asks `channel`'s provider to deliver; its answer comes back after the provider's latency.
    private func requestProvider(_ channel: NotificationChannel, attempt: Int, for key: DeliveryKey) {
        let profile = configuration.providers[channel] ?? ProviderProfile.defaults(for: channel)
        var random = providerRandom[channel]!
        let providerFails = random.nextUnitInterval() < profile.failureRate
        let succeeded = !providerFails && !(channel == .realtime && !isOnline(key.user))
        let answer: @Sendable (isolated NotificationService, StationVisit) -> Void = { service, visit in
            if service.providerStations[channel] != nil {
                service.telemetry.record(service.providerLatency[channel]!, nanoseconds: visit.sojourn.wholeNanoseconds,
                                         at: service.engine.now)
            }
            service.update(key) { $0.answer(channel: channel, attempt: attempt, succeeded: succeeded, at: $1) }
        }
        guard providerStations[channel] != nil else {
            let latency = profile.latency.sampleNanoseconds(using: &random)
            providerRandom[channel] = random
            engine.send(to: self, after: .nanoseconds(latency)) { answer($0, StationVisit(wait: .zero, service: .zero)) }
            return
        }
        providerRandom[channel] = random
        if let service = providerStations[channel]!.arrive(at: engine.now, completion: answer) {
            schedule(service, at: channel)
        }
    }

    /// Reports how loaded each provider's connections were over the stations' window, by channel.
    public func reportStations() {
        for (channel, station) in providerStations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            telemetry.report(station.load(named: "provider.\(channel.rawValue)", at: engine.now))
        }
    }

    /// Ends a provider request when its service is done, and starts the next one waiting.
    private func schedule(_ service: Station<NotificationService>.Service, at channel: NotificationChannel) {
        engine.send(to: self, at: service.finishesAt) { notifications in
            if let next = notifications.providerStations[channel]!.finish(at: notifications.engine.now) {
                notifications.schedule(next, at: channel)
            }
            service.completion(notifications, service.visit)
        }
    }

    /// Feeds an event to the delivery of `key` and carries out what it answers.
    private func update(_ key: DeliveryKey,
                        _ event: (inout NotificationDelivery, SimulationInstant) -> [NotificationDelivery.Action]) {
        guard var delivery = deliveries[key] else { return }
        let actions = event(&delivery, engine.now)
        keep(delivery, for: key)
        perform(actions, for: key)
    }

    /// Keeps a delivery that has not ended; forgets one that has.
    private func keep(_ delivery: NotificationDelivery, for key: DeliveryKey) {
        if case .finished = delivery.state {
            deliveries[key] = nil
        } else {
            deliveries[key] = delivery
        }
    }
}
