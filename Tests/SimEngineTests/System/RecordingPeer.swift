import SimEngine

/// A client end that records what arrives, for tests that drive nodes directly.
actor RecordingPeer: ConnectionPeer {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let engine: Engine
    private(set) var frames: [ServerFrame] = []
    private(set) var arrivals: [SimulationInstant] = []
    private(set) var closedBecause: [CloseReason] = []

    init(engine: Engine) {
        self.engine = engine
        executor = engine.makeExecutor(label: "peer")
    }

    func receive(_ frame: ServerFrame) {
        frames.append(frame)
        arrivals.append(engine.now)
    }

    func connectionClosed(_ reason: CloseReason) { closedBecause.append(reason) }
}
