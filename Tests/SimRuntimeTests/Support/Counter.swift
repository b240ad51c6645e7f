import SimRuntime


/// A model actor that records the order in which callers reach it.
actor Counter: ModelActor {
    nonisolated let executor: ActorExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private(set) var arrivals: [Int] = []

    init(engine: Engine, label: String = "counter") {
        executor = engine.makeExecutor(label: label)
    }

    func arrive(_ caller: Int) {
        arrivals.append(caller)
    }

    /// Appends `caller`, hops to `other`, then appends again: a stateful round trip.
    func roundTrip(_ caller: Int, via other: Counter) async {
        arrivals.append(caller)
        await other.arrive(caller)
        arrivals.append(-caller)
    }
}
