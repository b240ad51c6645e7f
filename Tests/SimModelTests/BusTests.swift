import Testing
import SimEvents
@testable import SimModel
import SimRuntime

/// A node that records what the bus hands it.
private actor RecordingNode: BusSubscriber {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    nonisolated let busNode: Int
    private(set) var received: [String] = []

    init(engine: Engine, node: Int) {
        executor = engine.makeExecutor(label: "node-\(node)")
        busNode = node
    }

    func receiveFromBus(_ message: String, offset: Int) { received.append(message) }
}

@Suite("Bus between nodes")
struct BusTests {
    /// Publishes around an outage of the bus and a partition of node 2, and returns what each
    /// node received and how many hand-overs were lost.
    private func scenario(_ kind: BusKind) async throws -> (received: [[String]], lost: Int, retained: Int) {
        let engine = Engine(mode: .sim, seed: 3)
        return try await engine.runOnOwnThread { engine in
            let bus = Bus<String>(engine: engine, kind: kind, hop: LinkProfile(latency: .exponential(mean: 0.001)))
            let nodes = (0..<3).map { RecordingNode(engine: engine, node: $0) }
            for node in nodes { await bus.subscribe(node) }
            let pause = Duration.milliseconds(100)
            await bus.publish("a", from: 0)
            try? await engine.clock.sleep(for: pause)
            await bus.setDown(true)
            await bus.publish("b", from: 1)          // during the outage
            try? await engine.clock.sleep(for: pause)
            await bus.setDown(false)
            await bus.setPartitioned(2, true)
            await bus.publish("c", from: 0)          // node 2 cut off
            try? await engine.clock.sleep(for: pause)
            await bus.setPartitioned(2, false)
            await bus.publish("d", from: 2)
            try? await engine.clock.sleep(for: .seconds(1))
            var received: [[String]] = []
            for node in nodes { received.append(await node.received) }
            return (received, await bus.lost, await bus.retained)
        }
    }

    @Test func pubSubLosesWhatItCannotHandOver() async throws {
        let (received, lost, retained) = try await scenario(.pubSub)
        #expect(received == [["d"], ["a", "c", "d"], ["a"]])
        #expect(lost == 3)  // "b" for nodes 0 and 2, "c" for node 2
        #expect(retained == 0)
    }

    @Test func aStreamHandsEverythingOverInOrderOnceReachable() async throws {
        let (received, lost, retained) = try await scenario(.stream)
        #expect(received == [["b", "d"], ["a", "c", "d"], ["a", "b", "c"]])
        #expect(lost == 0)
        #expect(retained == 4)
    }

    @Test(arguments: [BusKind.pubSub, .stream])
    func aMessageForSomeNodesReachesThoseOnly(kind: BusKind) async throws {
        let engine = Engine(mode: .sim, seed: 3)
        let received = try await engine.runOnOwnThread { engine in
            let bus = Bus<String>(engine: engine, kind: kind, hop: LinkProfile(latency: .exponential(mean: 0.001)))
            let nodes = (0..<4).map { RecordingNode(engine: engine, node: $0) }
            for node in nodes { await bus.subscribe(node) }
            await bus.publish("a", from: 0, to: [0, 2])
            await bus.setPartitioned(3, true)
            await bus.publish("b", from: 1, to: [1, 3])     // node 3 cut off: a stream keeps it for it
            try? await engine.clock.sleep(for: .milliseconds(100))
            await bus.setPartitioned(3, false)
            await bus.publish("c", from: 2)                  // every node
            try? await engine.clock.sleep(for: .seconds(1))
            var received: [[String]] = []
            for node in nodes { received.append(await node.received) }
            return received
        }
        #expect(received == [["c"], ["c"], ["a"], kind == .stream ? ["b", "c"] : ["c"]])
    }
}
