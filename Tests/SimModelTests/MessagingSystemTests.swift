import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimTesting
import SimCheckers

/// Small simulations of the whole system: clients, gateway nodes, rooms, store and bus.
@Suite("Messaging system")
struct MessagingSystemTests {
    /// What one simulated run left behind.
    private struct Run: Sendable {
        var delivery: DeliveryReport
        var histories: [[RoomMessage]]
        var refused = 0
        var duplicatesDropped = 0
        var failedWrites = 0
        var busLost = 0
        var gatewayClosed: [CloseReason: Int] = [:]
        var busHandedOver = 0
        var connectedAtEnd = 0
        /// Observations per latency metric.
        var latencyCounts: [String: Int] = [:]
    }

    /// `clients` clients in `rooms` rooms (two each, or one with a single room), posting every
    /// 2 s on average for 20 s, then wait 90 s (long enough for a heartbeat timeout); `disturb`
    /// runs alongside.
    private func simulate(
        clients: Int = 30, rooms: Int = 3, seed: UInt64 = 1,
        roles: @escaping @Sendable (Int) -> RoomRole = { _ in .member },
        configure: (inout SystemConfiguration) -> Void = { _ in },
        disturb: @escaping @Sendable (MessagingSystem<Client>, [Client], Engine) async -> Void = { _, _, _ in }
    ) async throws -> Run {
        var configuration = SystemConfiguration()
        configure(&configuration)
        let settings = configuration
        let engine = Engine(mode: .sim, seed: seed)
        let probe = RunProbe(system: settings)
        return try await engine.runOnOwnThread { engine in
            let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry, configuration: settings,
                                                       rooms: rooms)
            let end = engine.now.advanced(by: .seconds(20))
            var actors: [Client] = []
            for id in 0..<clients {
                let client = Client(id: id, system: system)
                actors.append(client)
                await client.connect()
                for room in Set([id % rooms, (id + 1) % rooms]).sorted() { await client.join(room, as: roles(id)) }
                // A viewer's client tries to post once anyway.
                if roles(id) == .viewer { await client.post(to: id % rooms, bytes: 100, sentAt: engine.now) }
                await client.startConversation(until: end, thinkTime: .exponential(mean: 2), messageBytes: 200)
            }
            let clients = actors
            engine.spawn { await disturb(system, clients, engine) }
            try? await engine.clock.sleep(until: end.advanced(by: .seconds(90)))
            var run = Run(delivery: probe.delivery, histories: [])
            for room in system.rooms {
                run.histories.append(Array(await room.history.messages))
                run.refused += await room.refused
                run.duplicatesDropped += await room.duplicatesDropped
                run.failedWrites += await room.failedWrites
            }
            run.busLost = await system.bus?.lost ?? 0
            for node in system.nodes { run.gatewayClosed.merge(await node.closed, uniquingKeysWith: +) }
            run.busHandedOver = await system.bus?.handedOver ?? 0
            for client in actors where await client.isConnected { run.connectedAtEnd += 1 }
            run.latencyCounts = probe.latency.mapValues { Int($0.count) }
            return run
        }
    }

    /// Messages a room stored more than once (the same client message id under two sequences).
    private func storedTwice(_ run: Run) -> Int {
        run.histories.reduce(0) { total, history in total + history.count - Set(history.map(\.clientMessage)).count }
    }

    @Test func threeNodesDeliverEveryMessageOverTheBusInOrder() async throws {
        let run = try await simulate(configure: { $0.gateway.nodes = 3 })
        #expect(run.delivery.accepted > 200)
        // Latency by node adds up to the whole; every stage was timed.
        let byNode = (0..<3).compactMap { run.latencyCounts["message_delivery[node=\($0)]"] }
        #expect(byNode.count == 3 && byNode.reduce(0, +) == run.latencyCounts["message_delivery"])
        #expect(run.latencyCounts["message_delivery[room=small]"] == run.latencyCounts["message_delivery"])
        for stage in ["stage.connect", "stage.parse", "stage.store_write", "stage.fanout"] {
            #expect((run.latencyCounts[stage] ?? 0) > 0, "\(stage)")
        }
        #expect(run.delivery.delivered == run.delivery.owed)
        #expect(run.delivery.lost == 0 && run.delivery.duplicates == 0 && run.delivery.orderViolations == 0)
        #expect(run.busHandedOver > 0 && run.busLost == 0)
    }

    @Test func messagesAPubSubBusLosesAreFetchedBackByTheGapsTheyLeave() async throws {
        let run = try await simulate(configure: { $0.gateway.nodes = 3 }) { system, _, engine in
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 8_000_000_000))
            await system.bus?.setDown(true)
            try? await engine.clock.sleep(for: .seconds(3))
            await system.bus?.setDown(false)
        }
        #expect(run.busLost > 0)
        // Later messages reveal each gap; the client fetches the missing ones from the room.
        #expect(run.delivery.lost == 0 && run.delivery.reportedLost == 0 && run.delivery.orderViolations == 0)
        #expect(run.delivery.delivered == run.delivery.owed)
    }

    @Test func aViewersPostsAreRefusedAndNeverStored() async throws {
        let viewer = 4
        let run = try await simulate(roles: { $0 == viewer ? .viewer : .member })
        #expect(run.refused == 1)
        #expect(run.delivery.sent == run.delivery.accepted + 1)
        #expect(run.histories.allSatisfy { $0.allSatisfy { $0.sender != viewer } })
        #expect(run.delivery.lost == 0)
    }

    @Test(arguments: [DeliveryGuarantee.atLeastOnce, .effectivelyOnce])
    func retriesOverALossyNetworkDuplicateOnlyWithoutServerDedup(guarantee: DeliveryGuarantee) async throws {
        let run = try await simulate(configure: { configuration in
            configuration.delivery.guarantee = guarantee
            configuration.delivery.ackTimeout = .milliseconds(300)
            configuration.network.clientLink.lossRate = 0.1
        })
        #expect(run.delivery.orderViolations == 0)
        if guarantee == .effectivelyOnce {
            #expect(storedTwice(run) == 0)
            #expect(run.duplicatesDropped > 0)
        } else {
            #expect(storedTwice(run) > 0)
        }
    }

    @Test func failedWritesAreRetriedUnderAtLeastOnce() async throws {
        let run = try await simulate(configure: { configuration in
            configuration.delivery.guarantee = .atLeastOnce
            configuration.store.failureRate = 0.2
        })
        #expect(run.failedWrites > 0)
        // Every message was sent until stored: nothing sent is missing from the rooms.
        #expect(run.delivery.accepted >= run.delivery.sent)
        #expect(run.delivery.lost == 0 && run.delivery.orderViolations == 0)
    }

    private func restartNodeAt10s(_ system: MessagingSystem<Client>, _ clients: [Client], _ engine: Engine) async {
        try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 10_000_000_000))
        await system.nodes[0].dropAllConnections()
    }

    @Test func clientsThatReconnectWithinTheSessionRecoverEverything() async throws {
        let run = try await simulate(disturb: restartNodeAt10s)
        #expect(run.connectedAtEnd == 30)
        // The single node served every user: each reconnected once and recovered its two rooms.
        #expect(run.latencyCounts["reconnect"] == 30)
        #expect(run.latencyCounts["gap_recovery"] == 60)
        #expect(run.delivery.lost == 0 && run.delivery.reportedLost == 0 && run.delivery.orderViolations == 0)
        #expect(run.delivery.delivered == run.delivery.owed)
    }

    @Test func withoutASessionEveryMissedMessageIsReportedNeverSilent() async throws {
        let run = try await simulate(configure: { $0.gateway.sessionKeep = .zero }, disturb: restartNodeAt10s)
        #expect(run.connectedAtEnd == 30)
        #expect(run.delivery.reportedLost > 0)
        #expect(run.delivery.lost == 0 && run.delivery.orderViolations == 0)
    }

    @Test func clientsThatNeverReconnectStayGoneAndTheirMessagesAreLost() async throws {
        let run = try await simulate(configure: { configuration in
            configuration.gateway.nodes = 2
            configuration.clients.reconnect.enabled = false
        }, disturb: restartNodeAt10s)
        // Node 0 served the even users; the odd ones go on posting to rooms the others left.
        #expect(run.connectedAtEnd == 15)
        #expect(run.delivery.lost > 0 && run.delivery.reportedLost == 0)
    }

    /// Client 5 loses its network for `outage` from 8 s.
    private func networkOutage(_ outage: Duration) -> @Sendable (MessagingSystem<Client>, [Client], Engine) async -> Void {
        { _, clients, engine in
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 8_000_000_000))
            await clients[5].loseNetwork(for: outage)
        }
    }

    @Test func aShortNetworkLossIsRepairedByFetchingTheGap() async throws {
        let run = try await simulate(disturb: networkOutage(.seconds(10)))
        #expect(run.gatewayClosed.isEmpty)
        #expect(run.delivery.lost == 0 && run.delivery.reportedLost == 0 && run.delivery.orderViolations == 0)
    }

    @Test func aLongNetworkLossEndsInAReconnectThatRecoversTheSession() async throws {
        let run = try await simulate(disturb: networkOutage(.seconds(60)))
        // Silent for more than 45 s: the node closed the connection; the client came back.
        #expect(run.gatewayClosed == [.heartbeatTimeout: 1])
        #expect(run.connectedAtEnd == 30)
        #expect(run.delivery.lost == 0 && run.delivery.reportedLost == 0 && run.delivery.orderViolations == 0)
    }

    @Test func aClientThatVanishesIsFoundDeadByHeartbeatAndStaysGone() async throws {
        let run = try await simulate(disturb: { _, clients, engine in
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 8_000_000_000))
            await clients[5].vanish()
        })
        #expect(run.gatewayClosed == [.heartbeatTimeout: 1])
        #expect(run.connectedAtEnd == 29)
        #expect(run.delivery.lost > 0 && run.delivery.reportedLost == 0)
    }

    @Test func aStreamBusHandsOverWhatWaitedDuringAnOutage() async throws {
        let run = try await simulate(configure: { configuration in
            configuration.gateway.nodes = 3
            configuration.bus.kind = .stream
        }, disturb: { system, _, engine in
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 8_000_000_000))
            await system.bus?.setDown(true)
            try? await engine.clock.sleep(for: .seconds(3))
            await system.bus?.setDown(false)
        })
        #expect(run.busLost == 0 && run.busHandedOver > 0)
        #expect(run.delivery.delivered == run.delivery.owed && run.delivery.orderViolations == 0)
    }

    @Test func aRoomOfTenThousandMembersDeliversToEveryone() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        var configuration = SystemConfiguration()
        configuration.gateway.nodes = 2
        let settings = configuration
        let probe = RunProbe(system: settings)
        let report = try await engine.runOnOwnThread { engine in
            let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry, configuration: settings,
                                                       rooms: 1)
            var clients: [Client] = []
            for id in 0..<10_000 {
                let client = Client(id: id, system: system)
                await client.connect()
                await client.join(0)
                clients.append(client)
            }
            for speaker in clients.prefix(5) { await speaker.post(to: 0, bytes: 200, sentAt: engine.now) }
            try? await engine.clock.sleep(for: .seconds(10))
            return probe.delivery
        }
        #expect(report.accepted == 5 && report.owed == 50_000)
        #expect(report.delivered == 50_000 && report.lost == 0 && report.orderViolations == 0)
    }

    @Test func whatAClientSendsWhileDisconnectedGoesOutInOrderOnceItIsBack() async throws {
        let run = try await simulate(disturb: { system, clients, engine in
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 10_000_000_000))
            await system.nodes[0].dropAllConnections()
            try? await engine.clock.sleep(for: .milliseconds(100))  // the client knows it is offline
            #expect(await !clients[3].isConnected)
            for _ in 0..<3 { await clients[3].post(to: 0, bytes: 100, sentAt: engine.now) }
        })
        let offline = run.histories[0].filter { $0.sender == 3 && $0.sentAt >= SimulationInstant(nanoseconds: 10_100_000_000) }
        #expect(offline.count >= 3)
        #expect(offline.map(\.clientMessage) == offline.map(\.clientMessage).sorted())
        #expect(offline.prefix(3).allSatisfy { $0.acceptedAt > $0.sentAt.advanced(by: .milliseconds(500)) })
    }
}
