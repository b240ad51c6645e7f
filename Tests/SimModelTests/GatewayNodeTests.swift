import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimTesting

@Suite("Gateway node")
struct GatewayNodeTests {
    private func message(_ sequence: Int) -> ServerFrame {
        .message(room: 1, RoomMessage(sequence: sequence, sender: 9, clientMessage: 0, acceptedAt: .start, bytes: 500))
    }

    private func node(_ engine: Engine, policy: SlowConsumerPolicy = .disconnect) -> GatewayNode<RecordingPeer> {
        var configuration = GatewayConfiguration()
        configuration.outboxByteCap = 4_000
        configuration.slowConsumer = policy
        var capacity = CapacityConfiguration()
        capacity.connect.serviceTime = .constant(0.002)
        return GatewayNode(engine: engine, telemetry: RunProbe().telemetry, id: 0, configuration: configuration, capacity: capacity,
                           clientLink: LinkProfile(latency: .constant(0.01)))
    }

    @Test func onlyValidUnexpiredTokensConnect() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let results = try await engine.runOnOwnThread { engine in
            let gateway = node(engine)
            let peer = RecordingPeer(engine: engine)
            let hour = SimulationInstant(nanoseconds: 3_600_000_000_000)
            return [
                await gateway.connect(token: AccessToken(user: 1, expiresAt: hour), peer: peer),
                await gateway.connect(token: AccessToken(user: 2, expiresAt: .start), peer: peer),
                await gateway.connect(token: AccessToken(user: 3, expiresAt: hour, isSignatureValid: false), peer: peer),
            ]
        }
        #expect(results == [.connected(connection: 0, resumed: false), .rejected(.expired), .rejected(.invalidSignature)])
    }

    @Test func sessionChurnReusesConnectionSlots() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let (capacity, open, stale) = try await engine.runOnOwnThread { engine -> (Int, Int, Bool) in
            let gateway = node(engine)
            let peer = RecordingPeer(engine: engine)
            let token = { (user: Int) in AccessToken(user: user, expiresAt: SimulationInstant(nanoseconds: .max)) }
            // Two users stay; five hundred sessions come and go beside them.
            for user in [1, 2] { _ = await gateway.connect(token: token(user), peer: peer) }
            var first: Int?
            for session in 0..<500 {
                guard case .connected(let connection, _) = await gateway.connect(token: token(100 + session), peer: peer)
                else { return (0, 0, false) }
                first = first ?? connection
                await gateway.disconnect(connection)
            }
            // The first session's id no longer reaches anything, though its slot is in use again.
            await gateway.ping(first!, from: peer)
            let stale = await peer.closedBecause == [.heartbeatTimeout]
            return (await gateway.connectionCapacity, await gateway.connectionCount, stale)
        }
        #expect(capacity == 3 && open == 2 && stale)
    }

    @Test func the61stRequestInAMinuteIsToldWhenToRetry() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let decisions = try await engine.runOnOwnThread { engine -> [RateLimitDecision?] in
            let gateway = node(engine)
            let peer = RecordingPeer(engine: engine)
            let token = AccessToken(user: 1, expiresAt: SimulationInstant(nanoseconds: .max))
            guard case .connected(let connection, _) = await gateway.connect(token: token, peer: peer) else { return [] }
            var decisions: [RateLimitDecision?] = []
            for _ in 0..<61 {
                decisions.append(await gateway.admit(connection))
                try? await engine.clock.sleep(for: .milliseconds(500))
            }
            return decisions
        }
        #expect(decisions.prefix(60).allSatisfy { $0 == .admitted })
        // The first request was at 2 ms (after authentication), the 61st at 30.002 s.
        #expect(decisions.last == .limited(retryAfter: .seconds(30)))
    }

    /// Sends 20 frames of 500 bytes at once to a peer reading 1,000 bytes per second through a
    /// 4,000-byte queue, and returns what the peer got and what the node counted.
    private func flood(_ policy: SlowConsumerPolicy) async throws -> ([ServerFrame], [CloseReason], Int, Int) {
        let engine = Engine(mode: .sim, seed: 1)
        return try await engine.runOnOwnThread { engine -> ([ServerFrame], [CloseReason], Int, Int) in
            let gateway = node(engine, policy: policy)
            let peer = RecordingPeer(engine: engine)
            let token = AccessToken(user: 1, expiresAt: SimulationInstant(nanoseconds: .max))
            guard case .connected(let connection, _) = await gateway.connect(token: token, peer: peer, readBytesPerSecond: 1_000)
            else { return ([], [], 0, 0) }
            for sequence in 1...20 { await gateway.send(message(sequence), bytes: 500, to: connection) }
            try? await engine.clock.sleep(for: .seconds(30))
            return (await peer.frames, await peer.closedBecause, await gateway.droppedFrames, await gateway.connectionCount)
        }
    }

    @Test func aSlowConsumerIsDisconnectedUnderTheDisconnectPolicy() async throws {
        let (frames, closed, dropped, open) = try await flood(.disconnect)
        #expect(closed == [.slowConsumer])
        #expect(open == 0 && dropped == 0)
        #expect(frames == [message(1)])  // the frame already on the wire still arrives
    }

    @Test func aSlowConsumerLosesTheOverflowUnderTheDropPolicy() async throws {
        let (frames, closed, dropped, open) = try await flood(.drop)
        // One frame on the socket and eight (4,000 bytes) queued; the other eleven are dropped.
        #expect(frames == (1...9).map(message))
        #expect(dropped == 11)
        #expect(closed.isEmpty && open == 1)
    }

    @Test func aClientThatFallsSilentIsFoundDeadByHeartbeat() async throws {
        let engine = Engine(mode: .sim, seed: 1)
        let (onlineAt74, onlineAt76, lastSeen, closed) = try await engine.runOnOwnThread {
            engine -> (Bool, Bool, SimulationInstant?, [CloseReason: Int]) in
            let gateway = node(engine)  // heartbeat every 25 s, timeout 20 s
            let peer = RecordingPeer(engine: engine)
            let token = AccessToken(user: 5, expiresAt: SimulationInstant(nanoseconds: .max))
            guard case .connected(let connection, _) = await gateway.connect(token: token, peer: peer) else {
                return (false, true, nil, [:])
            }
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 30_000_000_000))
            await gateway.heard(from: connection)  // the last sign of life, then the client vanishes
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 74_000_000_000))
            let at74 = await gateway.isOnline(5)
            try? await engine.clock.sleep(until: SimulationInstant(nanoseconds: 76_000_000_000))
            return (at74, await gateway.isOnline(5), await gateway.lastSeen(5), await gateway.closed)
        }
        // The connection opened after 2 ms of authentication, so sweeps run at 25.002, 50.002 and
        // 75.002 s; silent since 30 s, it has passed the 45 s limit at the 75.002 s sweep.
        #expect(onlineAt74)
        #expect(!onlineAt76)
        #expect(lastSeen == SimulationInstant(nanoseconds: 30_000_000_000))
        #expect(closed == [.heartbeatTimeout: 1])
    }
}
