public import SimModel
public import SimRuntime

/// A client end that records what arrives, for tests that drive nodes directly.
public actor RecordingPeer: ConnectionPeer {
    public nonisolated let executor: ActorExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let engine: Engine
    public private(set) var frames: [ServerFrame] = []
    public private(set) var arrivals: [SimulationInstant] = []
    public private(set) var closedBecause: [CloseReason] = []

    public init(engine: Engine) {
        self.engine = engine
        executor = engine.makeExecutor(label: "peer")
    }

    public func receive(_ frame: ServerFrame) {
        frames.append(frame)
        arrivals.append(engine.now)
    }

    public func connectionClosed(_ reason: CloseReason) { closedBecause.append(reason) }
}
