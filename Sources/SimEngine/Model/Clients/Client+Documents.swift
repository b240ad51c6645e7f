import SimEvents
public import SimRuntime

extension Client {
    // MARK: Replicas

    /// Starts a replica of `room`'s document, if the client keeps documents: it asks for the
    /// document, and again each ack timeout until it comes.
    func openDocument(_ room: Int) {
        guard habits.keepsDocuments, let index = rooms.index(of: room), rooms[at: index].replica == nil else { return }
        rooms[at: index].replica = DocumentReplica()
        requestDocument(room)
    }

    /// Asks the room for its document; checks after the ack timeout that it came.
    private func requestDocument(_ room: Int) {
        if let connection { toNode { node in node.document(connection, room: room) } }
        engine.send(to: self, after: settings.delivery.ackTimeout) { client in
            guard let index = client.rooms.index(of: room), client.rooms[at: index].replica?.awaitingDocument == true,
                  !client.hasVanished else { return }
            client.requestDocument(room)
        }
    }

    /// The room's message reached the user: its edit, if any, goes to the replica. A client that
    /// keeps no documents has no replica, and is not searched for one on every delivery.
    func applyToReplica(_ message: RoomMessage, in room: Int) {
        guard habits.keepsDocuments, let index = rooms.index(of: room), rooms[at: index].replica != nil else { return }
        let own = message.sender == id ? message.clientMessage : nil
        perform(rooms[at: index].replica!.receive(message.sequence, edit: message.edit, own: own), in: room)
    }

    /// The own message `clientMessage` was given up or refused: if it was an edit still
    /// unconfirmed, the replica undoes it.
    func abandonEdit(_ clientMessage: UInt64) {
        for index in rooms.values.indices where rooms[at: index].replica?.unconfirmed?.id == clientMessage {
            perform(rooms[at: index].replica!.abandon(clientMessage), in: rooms[at: index].room)
        }
    }

    /// Carries out what a room's replica decided.
    func perform(_ actions: ActionList<DocumentReplica.Action>, in room: Int) {
        for action in actions {
            switch action {
            case .settled(let sequence, let length, let digest):
                telemetry.record(ReplicaSettled(user: id, room: room, sequence: sequence, length: length, digest: digest),
                                 at: engine.now)
            case .requestDocument:
                requestDocument(room)
            }
        }
    }

    // MARK: Editing

    /// Makes edits at the habit's rate until `end`, each to one of its documents where it may
    /// post and whose replica is ready; a moment when none is ready passes.
    public func startEditing(until end: SimulationInstant) {
        guard habits.keepsDocuments, habits.editsPerMinute > 0 else { return }
        scheduleEdit(after: engine.now, until: end)
    }

    private func scheduleEdit(after previous: SimulationInstant, until end: SimulationInstant) {
        let gap = Distribution.exponential(mean: 60 / habits.editsPerMinute)
        let intended = previous.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
        guard intended < end, !hasVanished, !isEnding else { return }
        engine.send(to: self, at: intended) { client in
            client.edit(sentAt: intended)
            client.scheduleEdit(after: intended, until: end)
        }
    }

    /// Documents are kept short: below this length most edits insert, above it most delete.
    private static let typicalLength = 64

    /// Makes one edit to a random ready document: an insert at a random place, or a delete of a
    /// random element.
    private func edit(sentAt: SimulationInstant) {
        guard connection != nil, !hasVanished, !isEnding, let room = rooms.random(using: &random),
              let index = rooms.index(of: room), rooms[at: index].mayPost,
              let replica = rooms[at: index].replica, replica.isReady else { return }
        let length = replica.content.length
        let insertShare = length < Self.typicalLength ? 0.75 : 0.25
        let clientMessage = nextClientMessage()
        let change: DocumentEdit = if length == 0 || random.nextUnitInterval() < insertShare {
            .insert(at: Int(random.next(below: UInt64(length + 1))), element: clientMessage)
        } else {
            .delete(at: Int(random.next(below: UInt64(length))))
        }
        guard let request = rooms[at: index].replica!.begin(change, id: clientMessage) else { return }
        post(clientMessage, to: room, bytes: Self.editBytes, sentAt: sentAt, edit: request)
    }

    /// An edit's size on the wire: small, as a keystroke's operation is.
    private static let editBytes = 64
}
