import SimEvents
import SimModel
import SimRuntime
import SimTesting

/// A small system whose clients are peers that record every frame, for tests that drive nodes
/// and rooms by hand.
enum RecordedSystem {
    typealias System = MessagingSystem<RecordingPeer>

    /// Users 1, 2 and 3 join room 0 and user 4 joins room 1, on constant 10 ms links and
    /// instantaneous stages, with a rate limit out of the way; `script` then runs with each user's connection.
    static func run<Value: Sendable>(
        _ script: @escaping @Sendable (System, [Int: Int], Engine) async -> Value
    ) async throws -> ([Int: [ServerFrame]], Value?) {
        var configuration = SystemConfiguration()
        configuration.network.clientLink = LinkProfile(latency: .constant(0.01))
        configuration.store.writeLatency = .constant(0)
        configuration.store.readLatency = .constant(0)
        configuration.capacity.connect.serviceTime = .constant(0)
        configuration.capacity.parse.serviceTime = .constant(0)
        configuration.capacity.fanout.serviceTime = .constant(0)
        configuration.gateway.rateLimit = .slidingWindow(limit: 1_000, window: .seconds(60))
        let settings = configuration
        let engine = Engine(mode: .sim, seed: 1)
        return try await engine.runOnOwnThread { engine in
            let system = await System(engine: engine, telemetry: RunProbe(system: settings).telemetry, configuration: settings,
                                      rooms: 2)
            var peers: [Int: RecordingPeer] = [:]
            var connections: [Int: Int] = [:]
            let token = { (user: Int) in AccessToken(user: user, expiresAt: SimulationInstant(nanoseconds: .max)) }
            for user in 1...4 {
                let peer = RecordingPeer(engine: engine)
                guard case .connected(let connection, _) = await system.node(forUser: user).connect(token: token(user), peer: peer)
                else { return ([:], nil) }
                _ = await system.node(forUser: user).join(connection, room: user == 4 ? 1 : 0, as: .member)
                peers[user] = peer
                connections[user] = connection
            }
            let value = await script(system, connections, engine)
            try? await engine.clock.sleep(for: .seconds(30))
            var frames: [Int: [ServerFrame]] = [:]
            for (user, peer) in peers { frames[user] = await peer.frames }
            return (frames, value)
        }
    }
}
