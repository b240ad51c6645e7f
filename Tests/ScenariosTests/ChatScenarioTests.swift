import Testing
import Scenarios
import SimEngine

@Suite("Chat scenario")
struct ChatScenarioTests {
    private func small(clients: Int = 120, rooms: Int = 4) -> ChatScenario {
        ChatScenario(name: "test", summary: "", clients: clients, duration: .seconds(10), rooms: rooms,
                     roomsPerClient: 2, thinkTime: .exponential(mean: 2),
                     link: LinkProfile(latency: .lognormal(median: 0.02, sigma: 0.5)))
    }

    private func run(_ scenario: ChatScenario, seed: UInt64, interleavingSeed: UInt64? = nil)
        async throws -> (ScenarioOutcome, TraceHasher) {
        let engine = Engine(mode: .sim, seed: seed, interleavingSeed: interleavingSeed)
        let outcome = try await engine.runOnOwnThread { engine in await scenario.run(in: engine) }
        return (outcome, engine.trace.hash)
    }

    @Test func aCleanRunDeliversEverythingInOrder() async throws {
        let (outcome, _) = try await run(small(), seed: 3)
        let delivery = outcome.delivery
        #expect(delivery.accepted > 500)
        #expect(delivery.sent == delivery.accepted)
        #expect(delivery.owed > delivery.accepted)
        #expect(delivery.delivered == delivery.owed)
        #expect(delivery.lost == 0 && delivery.duplicates == 0 && delivery.orderViolations == 0)
        #expect(outcome.violations.isEmpty)
        #expect(outcome.verdict == .pass)
    }

    @Test func theSameSeedReplaysTheSameRun() async throws {
        let (first, firstHash) = try await run(small(), seed: 5)
        let (second, secondHash) = try await run(small(), seed: 5)
        #expect(first == second)
        #expect(firstHash == secondHash)
    }

    @Test func theInterleavingAloneChangesTheRun() async throws {
        // Same random draws, different choices among simultaneous posts: the rooms' orders differ.
        let (_, first) = try await run(small(), seed: 5, interleavingSeed: 100)
        let (_, second) = try await run(small(), seed: 5, interleavingSeed: 101)
        #expect(first != second)
    }

    @Test func theTracesCheckerReportsAMessageReceivedOutOfOrder() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let (report, history) = try await engine.runOnOwnThread { engine in
            let client = Client(engine: engine, id: 7)
            let room = Room(engine: engine, id: 3, linkProfile: LinkProfile(latency: .constant(0.01)))
            await client.join(room)
            _ = await room.post(from: 7, clientMessage: 1, bytes: 100, intendedAt: .start)
            _ = await room.post(from: 7, clientMessage: 2, bytes: 100, intendedAt: .start)
            // Deliver both messages again, the second first: out of order, and duplicates.
            engine.send(to: client, after: .seconds(1)) { $0.receive(room: 3, sequence: 2, intendedAt: .start) }
            engine.send(to: client, after: .seconds(2)) { $0.receive(room: 3, sequence: 1, intendedAt: .start) }
            try? await engine.clock.sleep(for: .seconds(5))
            return (engine.trace.deliveryReport, Array(await room.history.messages))
        }
        #expect(report.accepted == 2 && report.owed == 2)
        #expect(report.delivered == 4 && report.duplicates == 2 && report.lost == 0)
        #expect(report.orderViolations == 2)
        #expect(history.map(\.sequence) == [1, 2] && history.map(\.clientMessage) == [1, 2])
        #expect(report.firstOrderViolation == "client-7 received seq 2 of room-3 at t+1.0 seconds but expected seq 3")
    }

    @Test func theTracesCheckerReportsMessagesNeverDelivered() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let report = try await engine.runOnOwnThread { engine in
            let client = Client(engine: engine, id: 1)
            // Every frame on this room's links is lost.
            let room = Room(engine: engine, id: 0, linkProfile: LinkProfile(latency: .constant(0.01), lossRate: 1))
            await client.join(room)
            for message in 1...3 { _ = await room.post(from: 1, clientMessage: UInt64(message), bytes: 100, intendedAt: .start) }
            try? await engine.clock.sleep(for: .seconds(1))
            return engine.trace.deliveryReport
        }
        #expect(report.owed == 3 && report.delivered == 0 && report.lost == 3)
        #expect(ScenarioOutcome(clients: 1, delivery: report).verdict == .fail)
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
        scenario.link.latency = .uniform(min: 0.5, max: 0.1)
        do {
            try scenario.validate()
            Issue.record("an inverted uniform distribution was accepted")
        } catch {
            #expect(error.location == "link.latency")
        }
    }

    @Test func everyBuiltInScenarioIsValidAndNamedUniquely() throws {
        let names = ScenarioCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.contains(ScenarioCatalog.defaultName))
        for scenario in ScenarioCatalog.all { try scenario.validate() }
    }
}
