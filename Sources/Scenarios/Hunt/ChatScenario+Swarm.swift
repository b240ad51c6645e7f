import SimRuntime
import SimModel

extension ChatScenario {
    /// The scenario as seed `seed` draws it under its ``swarm`` configuration: faults added at
    /// random moments of the load, and the clients, think time, store and network latencies
    /// scaled within their ranges. The seed alone decides the draw, from a random stream of its
    /// own, so `--swarm --seed N` reproduces the same scenario, and the run, everywhere.
    ///
    /// Faults that do not apply to the system are not drawn: bus outages and partitions need
    /// more than one node. The scenario's own faults stay.
    public func swarmed(seed: UInt64) -> ChatScenario {
        var random = RandomStream(seed: seed, stream: "swarm")
        func factor(_ range: ScaleRange) -> Double { range.min + (range.max - range.min) * random.nextUnitInterval() }
        var drawn = self
        drawn.clients = Swift.max(1, Int((Double(clients) * factor(swarm.clients)).rounded()))
        drawn.thinkTime = thinkTime.scaled(by: factor(swarm.thinkTime))
        let store = factor(swarm.storeLatency)
        drawn.system.store.readLatency = system.store.readLatency.scaled(by: store)
        drawn.system.store.writeLatency = system.store.writeLatency.scaled(by: store)
        drawn.system.network.clientLink.latency = system.network.clientLink.latency.scaled(by: factor(swarm.networkLatency))
        drawn = drawn.sized()

        let nodes = drawn.system.gateway.nodes
        let kinds = swarm.faults.filter { kind in
            switch kind {
            case .busDown, .partitionNode: nodes > 1
            case .dropConnections, .dropShare, .crashNode, .storeDown: true
            }
        }
        guard !kinds.isEmpty, swarm.mostFaults > 0 else { return drawn }
        let count = Int(random.next(below: UInt64(swarm.mostFaults + 1)))
        // Faults strike while the load runs, after the clients have arrived where there is time.
        let earliest = Swift.min(rampUp, duration / 2).wholeNanoseconds
        let window = Swift.max(1, duration.wholeNanoseconds - earliest)
        let shortest: Int64 = 100_000_000
        let longest = Swift.max(shortest, swarm.longestFault.wholeNanoseconds)
        for _ in 0..<count {
            let kind = kinds[Int(random.next(below: UInt64(kinds.count)))]
            let at = Duration.nanoseconds(earliest + Int64(random.nextUnitInterval() * Double(window)))
            let length = Duration.nanoseconds(shortest + Int64(random.nextUnitInterval() * Double(longest - shortest)))
            let node = Int(random.next(below: UInt64(nodes)))
            let action: ScheduledFault.Action = switch kind {
            case .dropConnections: .dropConnections(node: node)
            case .crashNode: .crashNode(node: node)
            case .dropShare: .dropShare(0.05 + 0.45 * random.nextUnitInterval())
            case .busDown: .busDown(for: length)
            case .storeDown: .storeDown(for: length)
            case .partitionNode: .partitionNode(node: node, for: length)
            }
            drawn.faults.append(ScheduledFault(at: at, action))
        }
        return drawn
    }
}
