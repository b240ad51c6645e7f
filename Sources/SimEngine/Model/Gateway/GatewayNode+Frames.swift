import SimRuntime

extension GatewayNode {
    /// Writes `frame` to every connection of `user` on this node.
    public func send(_ frame: ServerFrame, toUser user: Int) {
        for connection in connections(of: user) { send(frame, to: connection) }
    }

    /// Fans a room's message out to this node's connections in the room.
    ///
    /// Specialised for the model's clients: the bus reaches a node through a protocol, where the
    /// node's type is not known, and the generic fan-out then looked each connection's peer up
    /// through the type's metadata.
    @_specialize(where Peer == Client)
    public func deliver(_ broadcast: RoomBroadcast) {
        guard let local = subscriptions.subscribers[broadcast.room], !local.isEmpty else { return }
        let service = fanoutStation.arrive(at: engine.now, scale: Double(local.count)) { node, _ in
            node.write(broadcast.frame, toSubscribersOf: broadcast.room)
        }
        if let service { schedule(service, at: .fanout) }
    }

    public func receiveFromBus(_ message: RoomBroadcast, offset: Int) {
        deliver(message)
    }

    /// Queues `frame` for `connection`.
    public func send(_ frame: ServerFrame, to connection: Int) {
        send(frame, bytes: frame.bytes, to: connection)
    }

    /// Queues `frame` of `bytes` for `connection`.
    public func send(_ frame: ServerFrame, bytes: Int, to connection: Int) {
        guard let index = connections.index(forKey: connection) else { return }
        perform(connections[slot: index].send(frame, bytes: bytes, at: engine.now), for: connection, at: index)
    }

    /// Writes `frame` to every local subscriber of `room`. Connections that read at wire speed
    /// and have nothing queued skip their queue, and all of them share one fan-out callback.
    private func write(_ frame: ServerFrame, toSubscribersOf room: Int) {
        guard let local = subscriptions.subscribers[room] else { return }
        let now = engine.now
        fanoutPeers.removeAll(keepingCapacity: true)
        fanoutArrivals.removeAll(keepingCapacity: true)
        for connection in local {
            // One lookup and no copy of the connection: this loop runs once per delivery.
            guard let index = connections.index(forKey: connection) else { continue }
            guard connections[slot: index].writesThrough else {
                send(frame, to: connection)
                continue
            }
            // The connection's own decision when it writes through, gathered into one callback.
            if let arrival = connections[slot: index].transmit(at: now) {
                fanoutPeers.append(peers[index]!)
                fanoutArrivals.append(arrival)
            }
        }
        engine.send(to: fanoutPeers, at: fanoutArrivals) { peer in peer.receive(frame) }
    }

    /// The socket of `connection` is free: it writes the next queued frame, if any.
    private func writeNext(_ connection: Int) {
        guard let index = connections.index(forKey: connection) else { return }
        perform(connections[slot: index].writeNext(at: engine.now), for: connection, at: index)
    }

    /// Carries out what `connection`, in slot `index`, decided about its frames.
    private func perform(_ actions: ActionList<GatewayConnection.Action>, for connection: Int, at index: Int) {
        for action in actions {
            switch action {
            case .deliver(let frame, let arrival):
                engine.send(to: peers[index]!, at: arrival) { $0.receive(frame) }
            case .resumeWriting(let written):
                engine.send(to: self, at: written) { node in node.writeNext(connection) }
            case .dropped:
                droppedFrames += 1
            case .disconnect:
                close(connection, .slowConsumer, tellPeer: true)
            }
        }
    }
}
