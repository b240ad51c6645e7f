import SimEvents
import SimRuntime

extension Client {
    public func receive(_ frame: ServerFrame) {
        guard !hasVanished else { return }
        switch frame {
        case .message(let room, let message):
            guard let index = rooms.index(of: room) else { return }
            perform(rooms[at: index].reception.receive(message, at: engine.now, refetchAfter: settings.delivery.ackTimeout,
                                                       connected: connection != nil), in: room)
        case .ack(_, let clientMessage, _):
            perform(outgoing.acknowledged(clientMessage, connected: connection != nil, policy: context.sendPolicy))
        case .refused(let room, let clientMessage, let reason):
            telemetry.add(.errors, at: engine.now)
            abandonEdit(clientMessage)
            // Not a member of a room it thought it was in: an admin removed it and the word was
            // lost. It leaves, to learn what it is still owed.
            if reason == .notAMember { leave(room) }
            perform(outgoing.refused(clientMessage, connected: connection != nil, policy: context.sendPolicy))
        case .failed(_, let clientMessage):
            if settings.delivery.guarantee == .atMostOnce { telemetry.add(.errors, at: engine.now) }
            perform(outgoing.failed(clientMessage, connected: connection != nil, policy: context.sendPolicy))
        case .rateLimited(_, let clientMessage, let retryAfter):
            telemetry.add(.errors, at: engine.now)
            perform(outgoing.rateLimited(clientMessage, retryAfter: retryAfter))
        case .notRecovered(let room, _, let epoch, let lastSequence):
            guard let index = rooms.index(of: room) else { return }
            perform(rooms[at: index].reception.notRecovered(epoch: epoch, lastSequence: lastSequence), in: room)
        case .cursor(_, let user, let at):
            if user != id { record(metrics.cursorLatency, since: at) }
        case .typing(_, let user, let isTyping, let at):
            if isTyping, user != id { record(metrics.typingLatency, since: at) }
        case .presence(let room, let user, let online, let at):
            guard user != id else { return }
            notePresence(of: user, online: online, in: room)
            record(metrics.presenceLatency, since: at)
            telemetry.record(PresenceSeen(observer: id, room: room, user: user, online: online, changedAt: at),
                             at: engine.now)
        case .receipt(_, let since):
            telemetry.add(.receiptsReceived, at: engine.now)
            record(metrics.receiptLatency, since: since)
        case .notification(let notification, _, let createdAt):
            telemetry.add(.notificationsReceived, at: engine.now)
            guard habits.readsNotifications else { return }
            read(notification, createdAt: createdAt)
        case .history(let room, let page):
            telemetry.add(.historyPages, at: engine.now)
            historyPagesWanted -= 1
            if historyPagesWanted > 0, let older = page.olderCursor {
                readHistory(of: room, before: older, pages: historyPagesWanted)
            }
        case .head(let room, _, let lastSequence):
            guard let index = rooms.index(of: room) else { return }
            perform(rooms[at: index].reception.announced(lastSequence: lastSequence, at: engine.now,
                                                         connected: connection != nil), in: room)
        case .roleChanged(let room, let role):
            guard let index = rooms.index(of: room) else { return }
            rooms[at: index].role = role
        case .document(let room, let sequence, let content):
            guard let index = rooms.index(of: room), rooms[at: index].replica != nil else { return }
            perform(rooms[at: index].replica!.restore(content, at: sequence), in: room)
        case .left(let room, let lastSequence):
            guard let index = rooms.index(of: room) else { return }
            // Removed by an admin (or the document deleted): the client takes what it is owed as
            // if it had left itself, asking again until it has it.
            let removed = !rooms[at: index].isLeaving
            rooms[at: index].isLeaving = true
            perform(rooms[at: index].reception.left(lastSequence: lastSequence, connected: connection != nil), in: room)
            if removed, rooms.index(of: room) != nil { checkLeave(of: room) }
        case .joined:
            break
        }
    }

    /// The user opens `notification` after the habit's read delay, and marks it read, or
    /// everything up to it.
    private func read(_ notification: UInt64, createdAt: SimulationInstant) {
        let (user, service, all) = (id, context.system.notifications, habits.marksAllRead)
        engine.send(to: self, after: habits.readDelay) { client in
            guard case .arrives(let arrival) = client.uplink.transmit(at: client.engine.now) else { return }
            client.engine.send(to: service, at: arrival) { service in
                if all { service.markAllRead(user: user, createdUpTo: createdAt) } else { service.markRead(user: user, id: notification) }
            }
        }
    }

    /// Carries out what a room's reception decided.
    func perform(_ actions: ActionList<RoomReception.Action>, in room: Int) {
        for action in actions {
            switch action {
            case .show(let message):
                show(message, in: room)
            case .dropDuplicate:
                duplicatesDropped += 1
                telemetry.add(.duplicatesDropped, at: engine.now)
            case .fetch(let offset):
                guard let connection else { continue }
                toNode { node in node.fetchMissing(connection, after: offset) }
            case .reportGap(let after, let upTo):
                telemetry.record(GapReported(user: id, room: room, after: after, upTo: upTo), at: engine.now)
                telemetry.add(.gapsReported, at: engine.now)
                // Edits may be among what is missing: the replica takes the document anew.
                if let index = rooms.index(of: room), rooms[at: index].replica != nil {
                    perform(rooms[at: index].replica!.lost(), in: room)
                }
            case .recovered(let since):
                record(metrics.gapRecoveryLatency, since: since)
            case .letGo:
                letGo(of: room)
            }
        }
    }

    /// The user sees `message`: its delivery is recorded with its latency from the intended
    /// send time, and a message from someone else is acknowledged in the next receipt batch.
    private func show(_ message: RoomMessage, in room: Int) {
        if message.sender != id { scheduleReceipts() }
        let now = engine.now
        telemetry.record(MessageDelivered(user: id, room: room, sequence: message.sequence), at: now)
        let latency = now.nanoseconds - message.sentAt.nanoseconds
        telemetry.record(metrics.deliveryLatency, nanoseconds: latency, at: now)
        telemetry.record(metrics.delivery(inRoomOf: message.roomSize), nanoseconds: latency, at: now)
        if let profile { telemetry.record(metrics.deliveryByProfile[profile], nanoseconds: latency, at: now) }
        if !metrics.deliveryByNode.isEmpty {
            telemetry.record(metrics.deliveryByNode[id % metrics.deliveryByNode.count], nanoseconds: latency, at: now)
        }
        applyToReplica(message, in: room)
    }

    // MARK: Receipts

    /// Sends, once per receipt batch while anything moved, each room's delivered marker and a
    /// read marker at what was delivered by the previous batch.
    private func scheduleReceipts() {
        guard habits.sendsReceipts, !receiptsScheduled else { return }
        receiptsScheduled = true
        engine.send(to: self, after: settings.signals.receiptBatch) { client in client.sendReceipts() }
    }

    /// Sends every room's markers that moved in one request: a batch, as a client that
    /// coalesces its receipts sends them.
    private func sendReceipts() {
        receiptsScheduled = false
        guard let connection else { return }
        var needsAnother = false
        let sentAt = engine.now
        var markers: [RoomReceipt] = []
        for index in rooms.values.indices {
            let room = rooms[at: index].room
            let batch = rooms[at: index].markers.flush(shownUpTo: rooms[at: index].reception.last)
            for receipt in batch.receipts { markers.append(RoomReceipt(room: room, kind: receipt.kind, upTo: receipt.upTo)) }
            needsAnother = needsAnother || batch.needsAnother
        }
        if !markers.isEmpty { toNode { [markers] node in node.receipts(connection, markers, sentAt: sentAt) } }
        if needsAnother { scheduleReceipts() }
    }
}
