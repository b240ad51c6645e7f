import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimCheckers
import SimTesting

/// A client's receiving habits, fed frames directly: duplicates dropped, order restored, gaps
/// fetched.
@Suite("Client habits")
struct ClientHabitTests {
    @Test func aClientDropsDuplicatesAndDeliversHeldBackMessagesInOrder() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let probe = RunProbe(system: SystemConfiguration())
        let (report, dropped, fetched) = try await engine.runOnOwnThread { engine -> (DeliveryReport, Int, Int) in
            let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry,
                                                       configuration: SystemConfiguration(), rooms: 1)
            let client = Client(id: 1, system: system)
            await client.connect()
            await client.join(0)
            // As if the room had accepted three messages, which reach the client out of order,
            // one of them twice.
            for sequence in 1...3 {
                probe.telemetry.record(MessageAccepted(room: 0, sequence: sequence, user: 2, clientMessage: UInt64(sequence)),
                                       at: engine.now)
            }
            let now = engine.now
            for sequence in [1, 3, 1, 2] {
                let frame = ServerFrame.message(room: 0, RoomMessage(sequence: sequence, sender: 2,
                                                                     clientMessage: UInt64(sequence), acceptedAt: now, bytes: 10))
                engine.send(to: client, after: .milliseconds(1)) { $0.receive(frame) }
                try? await engine.clock.sleep(for: .milliseconds(2))
            }
            try? await engine.clock.sleep(for: .seconds(1))  // the fetch crosses the uplink to the room
            let stage = probe.latency["stage.store_read"]?.count ?? 0
            return (probe.delivery, await client.duplicatesDropped, Int(stage))
        }
        // 1, then 3 held back until 2 arrives; the second 1 dropped.
        #expect(report.delivered == 3 && report.orderViolations == 0 && report.duplicates == 0)
        #expect(dropped == 1)
        // The gap before 3 made the client ask its room for the missing message (a store read).
        #expect(fetched == 1)
    }

    @Test func aClientPagesBackThroughHistoryUntilTheOldestPage() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        var configuration = SystemConfiguration()
        configuration.gateway.rateLimit = .slidingWindow(limit: 1_000, window: .seconds(60))
        let probe = RunProbe(system: configuration)
        let pages = try await engine.runOnOwnThread { [configuration] engine -> Int64 in
            let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry, configuration: configuration,
                                                       rooms: 1)
            let context = ClientContext(system: system)
            let (writer, reader) = (Client(id: 1, context: context), Client(id: 2, context: context))
            for client in [writer, reader] {
                await client.connect()
                await client.join(0)
            }
            for _ in 0..<120 { await writer.post(to: 0, bytes: 10, sentAt: engine.now) }
            try? await engine.clock.sleep(for: .seconds(5))
            await reader.readHistory(of: 0, pages: 5)  // asks for five; there are three
            try? await engine.clock.sleep(for: .seconds(5))
            let series = probe.metrics.snapshot.timeSeries
            let index = series.series.firstIndex(of: "history_pages")!
            return series.intervals.reduce(0) { $0 + $1.values[index] }
        }
        #expect(pages == 3)  // 50, 50 and the oldest 20
    }
}
