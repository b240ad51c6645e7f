import SimEvents
public import SimRuntime

extension Client {
    /// One client's conversation: when its next message is meant to go, and where.
    struct Conversation: Sendable {
        var end: SimulationInstant
        var thinkTime: Distribution
        var messageBytes: Int
        var intended: SimulationInstant
        var room: Int?
    }

    /// Greets its first room at once, then posts messages of `messageBytes` until `end`, each
    /// `thinkTime` (seconds) after the previous one was meant to go, typing first if that is its
    /// habit. Driven by timers, so an idle client holds no task.
    ///
    /// Clients that start together greet together, so their first messages race into shared
    /// rooms at the same instant and the scheduler's interleaving decides each room's order.
    public func startConversation(until end: SimulationInstant, thinkTime: Distribution, messageBytes: Int) {
        conversation = Conversation(end: end, thinkTime: thinkTime, messageBytes: messageBytes, intended: engine.now,
                                    room: rooms.values.first?.room)
        scheduleTurn()
    }

    /// Schedules the next message (and the typing before it).
    private func scheduleTurn() {
        guard let next = conversation, next.intended < next.end, !hasVanished, !isEnding else {
            conversation = nil
            return
        }
        // Without a room yet (an agent waiting for customers) or after leaving one, the client
        // lets the moment pass.
        if habits.typesBeforeSending, let room = next.room, rooms[room]?.mayPost == true {
            let typingAt = next.intended.advanced(by: .zero - habits.composeTime)
            if typingAt > engine.now { engine.send(to: self, at: typingAt) { $0.typing(in: room) } }
        }
        engine.send(to: self, at: next.intended) { $0.takeTurn() }
    }

    private func takeTurn() {
        guard var turn = conversation, !hasVanished, !isEnding else { return }
        if let room = turn.room, rooms[room]?.mayPost == true {
            post(to: room, bytes: turn.messageBytes, sentAt: turn.intended)
        }
        var think = turn.thinkTime.sampleNanoseconds(using: &random)
        if let scale = clientProfile?.thinkTimeScale, scale != 1 { think = Int64((Double(think) * scale).rounded()) }
        turn.intended = turn.intended.advanced(by: .nanoseconds(think))
        turn.room = rooms.random(using: &random)
        conversation = turn
        scheduleTurn()
    }

    /// Sends live cursor updates at the habit's rate until `end`, each to one of its rooms.
    public func startCursor(until end: SimulationInstant) {
        guard habits.cursorUpdatesPerSecond > 0 else { return }
        scheduleCursor(after: engine.now, until: end)
    }

    private func scheduleCursor(after previous: SimulationInstant, until end: SimulationInstant) {
        let gap = Distribution.exponential(mean: 1 / habits.cursorUpdatesPerSecond)
        let intended = previous.advanced(by: .nanoseconds(gap.sampleNanoseconds(using: &random)))
        guard intended < end, !hasVanished, !isEnding else { return }
        engine.send(to: self, at: intended) { client in
            if let connection = client.connection, let room = client.rooms.random(using: &client.random) {
                client.toNode { node in node.cursor(connection, room: room, sentAt: intended) }
            }
            client.scheduleCursor(after: intended, until: end)
        }
    }

    /// Shows that the user is typing in `room`, unless it did within the typing debounce.
    public func typing(in room: Int) {
        guard let connection, let index = rooms.index(of: room) else { return }
        let now = engine.now
        if let last = rooms[at: index].lastTyping, last.duration(to: now) < settings.signals.typingDebounce { return }
        rooms[at: index].lastTyping = now
        toNode { node in node.typing(connection, room: room, sentAt: now) }
    }

    /// Sends one message of `bytes` to one of its rooms where it may post, drawn at random (the
    /// open load model's arrivals).
    public func postToRandomRoom(bytes: Int, sentAt: SimulationInstant) {
        guard !hasVanished, !isEnding, let room = rooms.random(using: &random), rooms[room]?.mayPost == true else { return }
        post(to: room, bytes: bytes, sentAt: sentAt)
    }

    /// Sends one message of `bytes` to `room`, meant to go at `sentAt`.
    public func post(to room: Int, bytes: Int, sentAt: SimulationInstant) {
        post(nextClientMessage(), to: room, bytes: bytes, sentAt: sentAt)
    }

    /// The id of the user's next message: the user's id and a count, so ids grow in sending order.
    func nextClientMessage() -> UInt64 {
        sent += 1
        return UInt64(id) << 32 | UInt64(sent)
    }

    /// Sends message `clientMessage` of `bytes` to `room`, meant to go at `sentAt`, carrying
    /// `edit` to the room's document if given.
    func post(_ clientMessage: UInt64, to room: Int, bytes: Int, sentAt: SimulationInstant, edit: EditRequest? = nil) {
        let now = engine.now
        telemetry.record(MessageSent(user: id, room: room, clientMessage: clientMessage), at: now)
        telemetry.add(.messagesSent, at: now)
        perform(outgoing.post(clientMessage, to: room, bytes: bytes, sentAt: sentAt, edit: edit,
                              connected: connection != nil, policy: context.sendPolicy))
    }

    /// No ack came for the `attempt`-th sending of `clientMessage`.
    func ackTimedOut(_ clientMessage: UInt64, attempt: Int) {
        perform(outgoing.ackTimedOut(clientMessage, attempt: attempt, connected: connection != nil,
                                     policy: context.sendPolicy))
    }

    /// Sends `clientMessage` again, if attempts remain.
    func retry(_ clientMessage: UInt64) {
        perform(outgoing.retry(clientMessage, connected: connection != nil, policy: context.sendPolicy))
    }

    /// Carries out what the outgoing messages decided.
    func perform(_ actions: ActionList<OutgoingMessages.Action>) {
        for action in actions {
            switch action {
            case .send(let clientMessage, let message, let awaitsAck):
                guard let connection else { continue }
                if awaitsAck {
                    let attempt = message.attempts
                    engine.send(to: self, after: settings.delivery.ackTimeout) { client in
                        client.ackTimedOut(clientMessage, attempt: attempt)
                    }
                }
                toNode { node in
                    node.post(from: connection, room: message.room, clientMessage: clientMessage, bytes: message.bytes,
                              sentAt: message.sentAt, edit: message.edit)
                }
            case .giveUp(let clientMessage):
                telemetry.add(.errors, at: engine.now)
                abandonEdit(clientMessage)
            case .retry(let clientMessage, let delay):
                engine.send(to: self, after: delay) { client in client.retry(clientMessage) }
            case .dropOffline:
                // No offline queue: what the user sends while disconnected is lost.
                telemetry.add(.droppedOffline, at: engine.now)
            }
        }
    }
}
