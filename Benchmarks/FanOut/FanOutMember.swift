import SimRuntime

/// A room member that counts deliveries and checks that each room's sequence has no gap.
actor FanOutMember: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private(set) var received = 0
    private(set) var outOfOrder = 0
    private var lastSequence = 0

    init(engine: Engine, id: Int) {
        executor = engine.makeExecutor(label: "member-\(id)")
    }

    func receive(sequence: Int) {
        if sequence != lastSequence + 1 { outOfOrder += 1 }
        lastSequence = sequence
        received += 1
    }
}
