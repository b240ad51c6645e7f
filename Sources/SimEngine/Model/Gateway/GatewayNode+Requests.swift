public import SimEvents
public import SimRuntime

extension GatewayNode {
    /// Joins the connection's user to `room` with `role`; returns where the user starts in the
    /// room's history, or nil if the connection is gone.
    public func join(_ connection: Int, room: Int, as role: RoomRole) async -> RoomOffset? {
        guard let user = user(of: connection), rooms.indices.contains(room) else { return nil }
        heard(from: connection)
        // Subscribe first, so that no message the room accepts after the join can miss the node.
        subscribe(connection, to: room)
        return await rooms[room].join(user, as: role)
    }

    /// The connection's user leaves `room`, or, as the room's admin, removes `user` from it.
    public func leave(_ connection: Int, room: Int, removing user: Int? = nil) {
        guard let actor = self.user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        let subject = user ?? actor
        toRoom(room) { $0.remove(subject, by: actor) }
    }

    /// The connection's user, as `room`'s admin, makes `user` a `role` there.
    public func changeRole(_ connection: Int, room: Int, of user: Int, to role: RoomRole) {
        guard let actor = self.user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        toRoom(room) { $0.changeRole(of: user, to: role, by: actor) }
    }

    /// The connection's user, as `room`'s admin, deletes its document.
    public func deleteDocument(_ connection: Int, room: Int) {
        guard let actor = user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        toRoom(room) { $0.deleteDocument(by: actor) }
    }

    /// Stops sending `room`'s frames to every connection of `user` here.
    public func unsubscribe(user: Int, from room: Int) {
        for connection in connections(of: user) {
            guard let index = connections.index(forKey: connection), connections[slot: index].rooms.contains(room) else {
                continue
            }
            connections[slot: index].rooms.removeAll { $0 == room }
            unsubscribe(connection, user: user, rooms: [room])
        }
    }

    /// A post arrives from `connection`: it is rate limited, parsed, and passed to its room,
    /// which answers the connection with an ack or a refusal.
    public func post(from connection: Int, room: Int, clientMessage: UInt64, bytes: Int, sentAt: SimulationInstant,
                     edit: EditRequest? = nil) {
        guard let user = user(of: connection), rooms.indices.contains(room) else { return }
        if case .limited(let retryAfter) = admit(connection) {
            send(.rateLimited(room: room, clientMessage: clientMessage, retryAfter: retryAfter), to: connection)
            return
        }
        let target = rooms[room]
        let (engine, origin) = (engine, id)
        parse(for: connection, toward: room) { arrival in
            engine.send(to: target, at: arrival) { room in
                room.post(from: user, clientMessage: clientMessage, bytes: bytes, sentAt: sentAt, edit: edit,
                          replyTo: origin, connection: connection)
            }
        }
    }

    /// Parses a request of `connection` to `room`, then has `forward` send it to the room for
    /// the instant it reaches the room's home node. The parse servers work in parallel, but a
    /// connection's requests leave in the order they came, as one socket's frames do.
    private func parse(for connection: Int, toward room: Int,
                       _ forward: @escaping @Sendable (SimulationInstant) -> Void) {
        guard let index = connections.index(forKey: connection) else { return }
        let ticket = connections[slot: index].parsed.start()
        let request = ParsedRequest(room: room, forward: forward)
        let service = parseStation.arrive(at: engine.now) { node, _ in
            guard let index = node.connections.index(forKey: connection) else { return }
            for request in node.connections[slot: index].parsed.finish(ticket, request) {
                if let arrival = node.arrivalAtHome(of: request.room) { request.forward(arrival) }
            }
        }
        if let service { schedule(service, at: .parse) }
    }

    /// The connection's user is typing in `room`, as its client meant at `sentAt`.
    public func typing(_ connection: Int, room: Int, sentAt: SimulationInstant) {
        guard let user = user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        toRoom(room) { $0.typing(user, sentAt: sentAt) }
    }

    /// The connection's user moved its cursor in `room`, as its client meant at `sentAt`.
    public func cursor(_ connection: Int, room: Int, sentAt: SimulationInstant) {
        guard let user = user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        toRoom(room) { $0.cursor(user, sentAt: sentAt) }
    }

    /// The connection's user has received (or read) `room` up to `upTo`.
    public func receipt(_ connection: Int, room: Int, _ kind: ReceiptKind, upTo: Int, sentAt: SimulationInstant? = nil) {
        let sentAt = sentAt ?? engine.now
        guard let user = user(of: connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        toRoom(room) { $0.receipt(user, kind, upTo: upTo, sentAt: sentAt) }
    }

    /// The connection's user sends a batch of markers, each room's in the order given: every
    /// room gets its own in one hop.
    public func receipts(_ connection: Int, _ markers: [RoomReceipt], sentAt: SimulationInstant) {
        guard let user = user(of: connection) else { return }
        heard(from: connection)
        var order: [Int] = []
        for marker in markers where rooms.indices.contains(marker.room) && !order.contains(marker.room) {
            order.append(marker.room)
        }
        for room in order {
            let own = markers.filter { $0.room == room }
            toRoom(room) { room in
                for marker in own { room.receipt(user, marker.kind, upTo: marker.upTo, sentAt: sentAt) }
            }
        }
    }

    /// The client saw a gap in `offset.room` after `offset.sequence`: asks the room for the rest.
    public func fetchMissing(_ connection: Int, after offset: RoomOffset) {
        guard let user = user(of: connection), rooms.indices.contains(offset.room) else { return }
        heard(from: connection)
        recover(connection, user: user, from: offset)
    }

    /// The connection asks for the page of `room`'s history before `cursor` (newest when nil).
    public func history(_ connection: Int, room: Int, before cursor: Int?) {
        guard connections.contains(connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        let origin = id
        toRoom(room) { $0.history(before: cursor, replyTo: origin, connection: connection) }
    }

    /// The connection asks for `room`'s shared document as it is now.
    public func document(_ connection: Int, room: Int) {
        guard connections.contains(connection), rooms.indices.contains(room) else { return }
        heard(from: connection)
        let origin = id
        toRoom(room) { $0.document(replyTo: origin, connection: connection) }
    }

    /// Asks `offset.room` to send the connection everything after `offset`.
    func recover(_ connection: Int, user: Int, from offset: RoomOffset) {
        let origin = id
        toRoom(offset.room) { room in room.recover(user: user, from: offset, replyTo: origin, connection: connection) }
    }

    /// When a message this node sends now reaches the home node of `room`: now on the home
    /// node, after a node-link hop from any other; nil when the link loses it.
    func arrivalAtHome(of room: Int) -> SimulationInstant? {
        let home = room % Swift.max(1, nodeLinks.count)
        guard home != id else { return engine.now }
        guard case .arrives(let arrival) = nodeLinks[home].transmit(at: engine.now) else { return nil }
        return arrival
    }

    /// Runs `body` on `room` when a message from this node reaches the room's home node. The
    /// home node only passes the message on, so the hop and the room's turn are one event: the
    /// room is sent `body` for the instant of arrival.
    func toRoom(_ room: Int, _ body: @escaping @Sendable (isolated Room<Peer>) -> Void) {
        guard let arrival = arrivalAtHome(of: room) else { return }
        engine.send(to: rooms[room], at: arrival, body)
    }

    // MARK: Subscriptions and presence

    /// Sends `room`'s frames to `connection` from now on; the first of its user's connections
    /// there announces the user's presence.
    func subscribe(_ connection: Int, to room: Int) {
        guard let index = connections.index(forKey: connection), !connections[slot: index].rooms.contains(room) else {
            return
        }
        connections[slot: index].rooms.append(room)
        let user = connections[slot: index].user
        if subscriptions.subscribe(connection: connection, user: user, to: room) { announce(user, online: true, in: room) }
    }

    /// Stops sending `rooms`' frames to `connection`; the last of its user's connections in a
    /// room announces the user's absence.
    func unsubscribe(_ connection: Int, user: Int, rooms: [Int]) {
        for room in rooms where subscriptions.unsubscribe(connection: connection, user: user, from: room) {
            announce(user, online: false, in: room)
        }
    }

    /// Tells `room`'s members, after the presence delay, that `user` came or went.
    private func announce(_ user: Int, online: Bool, in room: Int) {
        guard rooms.indices.contains(room) else { return }
        let changedAt = engine.now
        telemetry.record(PresenceChanged(room: room, user: user, online: online), at: changedAt)
        engine.send(to: self, after: presenceDelay) { node in
            node.toRoom(room) { $0.presence(user, isOnline: online, at: changedAt) }
        }
    }
}
