import Testing
import Scenarios
import SimRuntime
import SimEvents
import SimModel
import SimCheckers
import SimMetrics
import SimReports

@Suite("Chat scenario")
struct ChatScenarioTests {
    private func small(clients: Int = 120, rooms: Int = 4) -> ChatScenario {
        ChatScenario(name: "test", summary: "", clients: clients, duration: .seconds(10), rooms: rooms,
                     roomsPerClient: 2, thinkTime: .exponential(mean: 2))
    }

    private func run(_ scenario: ChatScenario, seed: UInt64, interleavingSeed: UInt64? = nil) async throws -> RunResult {
        try await ScenarioRunner(scenario: scenario, seed: seed, interleavingSeed: interleavingSeed).runOnOwnThread()
    }

    @Test func aCleanRunDeliversEverythingInOrder() async throws {
        let result = try await run(small(), seed: 3)
        let messages = result.summary.messages
        #expect(messages.accepted > 500)
        #expect(messages.sent == messages.accepted)
        #expect(messages.expectedDeliveries > messages.accepted)
        #expect(messages.delivered == messages.expectedDeliveries)
        #expect(messages.lost == 0 && messages.duplicates == 0)
        #expect(result.summary.invariants.allSatisfy { $0.status == .pass })
        #expect(result.summary.invariants.count == 18)
    }

    @Test func theSameSeedReplaysTheSameRun() async throws {
        let first = try await run(small(), seed: 5).summary
        let second = try await run(small(), seed: 5).summary
        #expect(first.messages == second.messages && first.invariants == second.invariants)
        #expect(first.latency == second.latency)
        #expect(first.traceHash == second.traceHash && first.traceEvents == second.traceEvents)
    }

    @Test func theInterleavingAloneChangesTheRun() async throws {
        // Same random draws, different choices among simultaneous posts: the rooms' orders differ.
        let first = try await run(small(), seed: 5, interleavingSeed: 100).summary
        let second = try await run(small(), seed: 5, interleavingSeed: 101).summary
        #expect(first.traceHash != second.traceHash)
    }

    @Test(arguments: [("clients", 0), ("rooms", 0), ("rooms_per_client", 9), ("rooms_per_client", 0), ("message_bytes", 0)])
    func invalidCountsAreRefusedWithTheirKey(key: String, value: Int) {
        var scenario = small()
        switch key {
        case "clients": scenario.clients = value
        case "rooms": scenario.rooms = value
        case "message_bytes": scenario.messageBytes = value
        default: scenario.roomsPerClient = value
        }
        do {
            try scenario.validate()
            Issue.record("\(key) = \(value) was accepted")
        } catch {
            #expect(error.location == key)
        }
    }

    @Test func aMalformedScenarioThresholdIsRefusedWithItsIndex() {
        var scenario = small()
        scenario.thresholds = ["delivery_ratio>=0.999", "message_delivery.p99<100"]
        do {
            try scenario.validate()
            Issue.record("a threshold without a unit was accepted")
        } catch {
            #expect(error.location == "thresholds[1]")
        }
    }

    @Test func impossibleDistributionsAreRefused() {
        var scenario = small()
        scenario.system.network.clientLink.latency = .uniform(min: 0.5, max: 0.1)
        do {
            try scenario.validate()
            Issue.record("an inverted uniform distribution was accepted")
        } catch {
            #expect(error.location == "system.network.client_link.latency")
        }
    }

    @Test func everyBuiltInScenarioIsValidAndNamedUniquely() throws {
        let names = ScenarioCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.contains(ScenarioCatalog.defaultName))
        for scenario in ScenarioCatalog.all { try scenario.validate() }
    }

    /// Runs the built-in scenario `name` with `clients` clients.
    private func outcome(of name: String, clients: Int, seed: UInt64 = 1) async throws -> RunResult {
        var scenario = try #require(ScenarioCatalog.named(name))
        scenario.clients = clients
        return try await run(scenario, seed: seed)
    }

    @Test func theB2BPortalLosesMessagesToClientsThatNeverReconnectAndSaysSo() async throws {
        let summary = try await outcome(of: "b2b-portal", clients: 300).summary
        // At-most-once: the loss is counted, not a violated guarantee; delivery_ratio breaches.
        #expect(summary.messages.lost > 0)
        #expect(summary.violations.isEmpty)
        #expect(summary.thresholds.contains { $0.metric == "delivery_ratio" && !$0.passed })
    }

    @Test func theMarketplaceLosesWhatUsersSendWhileOffline() async throws {
        let result = try await outcome(of: "marketplace", clients: 400)
        #expect(result.timeSeries.total("dropped_offline") > 0)
        #expect(result.summary.messages.sent > result.summary.messages.accepted)
        #expect(result.summary.violations.isEmpty)
    }

    @Test func aCrashedNodesClientsReportWhatTheyMissedAndNothingIsLostSilently() async throws {
        let summary = try await outcome(of: "node-crash", clients: 300).summary
        #expect(summary.messages.reportedLost > 0)
        #expect(summary.messages.lost == 0 && summary.violations.isEmpty)
    }

    /// 5 agents taking 2 chats each and 30 customers arriving over 10 s; returns the customers
    /// still waiting at the end and how many got an agent.
    private func desk(sessionLength: Distribution?) async throws -> (waiting: Int64?, served: UInt64) {
        var scenario = ChatScenario(name: "desk", summary: "", clients: 35, duration: .seconds(120), rooms: 1,
                                    roomsPerClient: 1, thinkTime: .exponential(mean: 5), sessionLength: sessionLength,
                                    agents: AgentRouting(share: 5.0 / 35, capacity: 2, priorityShare: 0.2),
                                    rampUp: .seconds(10))
        scenario.system.network.clientLink = LinkProfile(latency: .constant(0.01))
        let result = try await run(scenario, seed: 3)
        #expect(result.summary.violations.isEmpty, "\(result.summary.violations)")
        return (result.timeSeries.last("customers_waiting"), result.summary.latency["queue_wait"]?.count ?? 0)
    }

    @Test func customersBeyondTheAgentsCapacityWaitUntilAConversationEnds() async throws {
        // Chats that never end: ten customers are served, twenty wait for the whole run.
        let forever = try await desk(sessionLength: nil)
        #expect(forever.waiting == 20 && forever.served == 10)
        // Chats of 20 s: agents free up and every customer is served in the end.
        let short = try await desk(sessionLength: .constant(20))
        #expect(short.waiting == 0 && short.served == 30)
    }

    /// 200 clients sending 150 messages a second between them into a store that writes at most
    /// 100 a second (one connection, 10 ms a write): per second, messages sent and the median
    /// delivery latency in milliseconds.
    private func overloaded(_ load: LoadModel) async throws -> [(sent: Int64, medianMs: Double)] {
        var scenario = ChatScenario(name: "overload", summary: "", clients: 200, duration: .seconds(20), rooms: 20,
                                    roomsPerClient: 1, thinkTime: .constant(200.0 / 150), load: load)
        scenario.system.store.poolSize = 1
        scenario.system.store.writeLatency = .constant(0.010)
        scenario.system.gateway.rateLimit = .slidingWindow(limit: 1_000, window: .seconds(60))
        let series = try await run(scenario, seed: 4).timeSeries
        let sent = try #require(series.series.firstIndex(of: "messages_sent"))
        let delivery = try #require(series.latencies.firstIndex(of: "message_delivery"))
        return series.intervals.map { interval in
            (interval.values[sent], Double(interval.latencies[delivery]?.nanoseconds(atPercentile: 50) ?? 0) / 1e6)
        }
    }

    @Test func anOpenLoadPastCapacityShowsGrowingLatencyAtAnUnchangedSendRate() async throws {
        let seconds = try await overloaded(.open(stages: [LoadStage(duration: .seconds(1), target: 150),
                                                          LoadStage(duration: .seconds(19), target: 150)]))
        // The send rate holds at about 150 a second from start to end...
        let early = seconds[2..<5].map(\.sent).reduce(0, +)
        let late = seconds[16..<19].map(\.sent).reduce(0, +)
        #expect((360...540).contains(early) && (360...540).contains(late), "\(early) then \(late) sent")
        // ...while the store's queue, and so the latency, grows without bound.
        #expect(seconds[18].medianMs > 4 * seconds[4].medianMs, "\(seconds.map(\.medianMs))")
        #expect(seconds[18].medianMs > 1_000)
    }

    @Test func profilesMixByWeightAndShowInTheirOwnLatency() async throws {
        var scenario = ChatScenario(name: "mix", summary: "", clients: 300, duration: .seconds(60), rooms: 30,
                                    roomsPerClient: 1, thinkTime: .exponential(mean: 5))
        scenario.profiles = [
            ClientProfile(name: "broadband", weight: 6, link: LinkProfile(latency: .constant(0.01))),
            ClientProfile(name: "mobile", weight: 3, thinkTimeScale: 2, link: LinkProfile(latency: .constant(0.08))),
            ClientProfile(name: "flaky", weight: 1, link: LinkProfile(latency: .constant(0.01)),
                          networkDrops: .init(every: .seconds(15), lasting: .seconds(5))),
        ]
        let summary = try await run(scenario, seed: 9).summary
        let latency = summary.latency
        let broadband = try #require(latency["message_delivery[profile=broadband]"])
        let mobile = try #require(latency["message_delivery[profile=mobile]"])
        let flaky = try #require(latency["message_delivery[profile=flaky]"])
        // Mobile recipients wait for their slower downlink (80 ms against 10 ms).
        #expect(mobile.p50Ms > broadband.p50Ms + 50)
        // About six broadband recipients for every three mobile and one flaky.
        #expect(broadband.count > mobile.count && mobile.count > flaky.count)
        // Flaky clients lose their network and fetch the messages they missed; the presence changes
        // they missed nothing resends, and the checker says so.
        #expect((latency["gap_recovery"]?.count ?? 0) > 0)
        #expect(summary.violations.count == 1 && summary.violations[0].hasPrefix("presence_within_bound"),
                "\(summary.violations)")
        #expect(summary.invariants.first { $0.name == "presence_within_bound" }?.firstViolation?.contains("never learned") == true)
    }

    @Test func sessionsEndAndTheirClientsLeaveWithoutAnythingOwedGoingMissing() async throws {
        var scenario = ChatScenario(name: "sessions", summary: "", clients: 200, duration: .seconds(60), rooms: 20,
                                    roomsPerClient: 2, thinkTime: .exponential(mean: 3), rampUp: .seconds(30))
        scenario.sessionLength = .uniform(min: 5, max: 30)
        scenario.system.delivery.guarantee = .atLeastOnce  // silent loss would be a violation
        let result = try await run(scenario, seed: 6)
        // Everyone has left by the end: sessions last at most 30 s from arrivals within 30 s.
        #expect(result.timeSeries.last("connected_clients") == 0)
        #expect(result.summary.messages.delivered > 0)
        #expect(result.summary.violations.isEmpty, "\(result.summary.violations)")
    }

    /// Two settings no built-in uses once reported `per_sender_fifo` and `no_silent_loss`: the
    /// client pipelined its messages, so a retry could land after a later message, and a leave
    /// lost on the way was never asked again. Now a room gets one message of a sender at a time
    /// and a leave is asked until answered; what remains is presence, which nothing resends over
    /// a lossy link: a genuine finding.
    @Test(arguments: [DeliveryGuarantee.atLeastOnce, .effectivelyOnce])
    func retriesRateLimitsAndLossyLeavesKeepSenderOrderAndLoseNothingSilently(guarantee: DeliveryGuarantee) async throws {
        var scenario = ChatScenario(name: "lossy", summary: "", clients: 200, duration: .seconds(30), rooms: 100,
                                    roomsPerClient: 3, thinkTime: .exponential(mean: 2), rampUp: .seconds(10))
        scenario.sessionLength = .uniform(min: 5, max: 20)
        scenario.system.delivery.guarantee = guarantee
        scenario.system.network.clientLink.lossRate = 0.01
        scenario.system.gateway.rateLimit = .slidingWindow(limit: 3, window: .seconds(10))
        let result = try await run(scenario, seed: 1)
        let summary = result.summary
        // The limit and the loss were felt: messages were refused and sent again.
        #expect(result.timeSeries.total("errors") > 100)
        #expect(summary.messages.accepted > 500)
        let broken = Set(summary.invariants.filter { $0.status == .fail }.map(\.name))
        #expect(broken.isSubset(of: ["presence_within_bound"]), "\(summary.violations)")
    }

    /// Editors in few documents edit often enough to collide; lossy links and a network drop
    /// lose frames, so edits are retried, fetched back and documents asked for again.
    private func editing(_ guarantee: DeliveryGuarantee, untransformed: Bool = false) -> ChatScenario {
        var scenario = ChatScenario(name: "editing", summary: "", clients: 60, duration: .seconds(30), rooms: 4,
                                    roomsPerClient: 2, thinkTime: .exponential(mean: 10), viewerShare: 0.3,
                                    rampUp: .seconds(5))
        scenario.habits = ClientHabits(keepsDocuments: true, editsPerMinute: 30)
        scenario.system.delivery.guarantee = guarantee
        scenario.system.network.clientLink.lossRate = 0.01
        scenario.system.faults.editsUntransformed = untransformed
        scenario.faults = [ScheduledFault(at: .seconds(12), .crashNode(node: 0))]
        return scenario
    }

    @Test(arguments: [DeliveryGuarantee.atLeastOnce, .effectivelyOnce])
    func concurrentEditsConvergeOnEveryReplicaDespiteLossAndReconnects(guarantee: DeliveryGuarantee) async throws {
        let summary = try await run(editing(guarantee), seed: 4).summary
        let convergence = try #require(summary.invariants.first { $0.name == "replicas_converge" })
        #expect(convergence.status == .pass, "\(convergence.firstViolation ?? "")")
        #expect(summary.messages.accepted > 500)
        let broken = Set(summary.invariants.filter { $0.status == .fail }.map(\.name))
        #expect(broken.isSubset(of: ["presence_within_bound"]), "\(summary.violations)")
    }

    @Test func aRoomThatDoesNotTransformEditsLeavesReplicasDiverged() async throws {
        let summary = try await run(editing(.atLeastOnce, untransformed: true), seed: 4).summary
        let convergence = try #require(summary.invariants.first { $0.name == "replicas_converge" })
        #expect(convergence.status == .fail)
        #expect(convergence.firstViolation?.contains("replica of room-") == true)
    }

    @Test func poissonSessionsSettleAtTheirRateTimesTheirLength() async throws {
        // 10 sessions a second, 20 s each: about 200 clients online once the first have left.
        var scenario = ChatScenario(name: "sessions", summary: "", clients: 1_000, duration: .seconds(60), rooms: 50,
                                    roomsPerClient: 1, thinkTime: .exponential(mean: 10))
        scenario.sessionsPerSecond = 10
        scenario.sessionLength = .constant(20)
        let result = try await run(scenario, seed: 2)
        let connected = try #require(result.timeSeries.series.firstIndex(of: "connected_clients"))
        let steady = result.timeSeries.intervals[30..<55].map { $0.values[connected] }
        #expect(steady.allSatisfy { (140...260).contains($0) }, "\(steady)")
        // About 600 of the 1,000 clients arrive within the minute (one connect each); the rest never do.
        let connects = result.summary.latency["stage.connect"]?.count ?? 0
        #expect((520...680).contains(connects), "\(connects) connects")
    }
}

extension TimeSeries {
    /// The sum of the series `name` over every interval (a counter's total).
    func total(_ name: String) -> Int64 {
        guard let index = series.firstIndex(of: name) else { return 0 }
        return intervals.reduce(0) { $0 + $1.values[index] }
    }

    /// The series' value in the last interval (a gauge's final value), or nil without it.
    func last(_ name: String) -> Int64? {
        series.firstIndex(of: name).flatMap { index in intervals.last?.values[index] }
    }
}
