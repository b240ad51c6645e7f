import SimSupport
public import SimEvents
public import SimRuntime

extension Room {
    /// `user` came into the room's reach or left it at `at`: members are told, unless the room
    /// is larger than the presence limit.
    public func presence(_ user: Int, isOnline: Bool, at: SimulationInstant) {
        guard membership.roles.count <= presenceRoomLimit else { return }
        broadcast(.presence(room: id, user: user, isOnline: isOnline, at: at))
    }

    /// `user` moved its cursor: members see it move; nothing is stored.
    public func cursor(_ user: Int, sentAt: SimulationInstant) {
        guard membership.roles[user] != nil else { return }
        broadcast(.cursor(room: id, user: user, at: sentAt))
    }

    /// `user` is typing, as its client meant at `sentAt`. Members see the indicator start, and
    /// see it stop when it expires without renewal; nothing is stored.
    public func typing(_ user: Int, sentAt: SimulationInstant) {
        guard membership.roles[user] != nil else { return }
        let now = engine.now
        guard typists.typing(user: user, room: id, at: now) else {
            return telemetry.record(TypingRenewed(room: id, user: user), at: now)
        }
        telemetry.record(TypingStarted(room: id, user: user), at: now)
        broadcast(.typing(room: id, user: user, isTyping: true, at: sentAt))
        scheduleTypingExpiry(user, at: typists.expiry(user: user, room: id)!)
    }

    private func scheduleTypingExpiry(_ user: Int, at instant: SimulationInstant) {
        engine.send(to: self, at: instant) { room in
            guard let expiry = room.typists.expiry(user: user, room: room.id) else { return }
            if expiry > room.engine.now { return room.scheduleTypingExpiry(user, at: expiry) }
            room.typists.stopped(user: user, room: room.id)
            room.telemetry.record(TypingStopped(room: room.id, user: user), at: room.engine.now)
            room.broadcast(.typing(room: room.id, user: user, isTyping: false, at: room.engine.now))
        }
    }

    /// `user` has received (or read) the room up to `upTo`. Markers are batched and each batch
    /// tells the senders of the messages it covers, never the reader about their own.
    public func receipt(_ user: Int, _ kind: ReceiptKind, upTo: Int, sentAt: SimulationInstant) {
        guard membership.roles[user] != nil, upTo <= log.lastSequence else { return }
        guard receipts.record(kind, user: user, room: id, upTo: upTo) else { return }
        let wait = ReceiptWait(user: user, kind: kind)
        receiptsWaitingSince[wait, default: sentAt].lower(toAtMost: sentAt)
        guard !receiptFlushScheduled else { return }
        receiptFlushScheduled = true
        engine.send(to: self, after: receiptBatch) { room in room.flushReceipts() }
    }

    struct ReceiptWait: Hashable, Sendable {
        var user: Int
        var kind: ReceiptKind
    }

    /// Stores the batch's markers in one write, then tells the senders; a failed write keeps
    /// the batch for the next flush.
    private func flushReceipts() {
        store.write(for: self) { room, outcome in
            room.receiptFlushScheduled = false
            guard case .success = outcome else {
                room.receiptFlushScheduled = true
                return room.engine.send(to: room, after: room.receiptBatch) { $0.flushReceipts() }
            }
            let waiting = room.receiptsWaitingSince
            room.receiptsWaitingSince.removeAll(keepingCapacity: true)
            // Each node gets the batch's frames for its users in one hop, in the batch's order.
            var frames = [[(user: Int, frame: ServerFrame)]](repeating: [], count: room.nodes.count)
            for receipt in room.receipts.flush() {
                let since = waiting[ReceiptWait(user: receipt.user, kind: receipt.kind)] ?? room.engine.now
                var recipients = room.log.senders(notifiedOf: receipt.user, after: receipt.from, upTo: receipt.upTo)
                if room.faults.receiptsToReader { recipients.append(receipt.user) }
                for sender in recipients {
                    room.telemetry.record(ReceiptSent(reader: receipt.user, room: room.id, kind: receipt.kind,
                                                      upTo: receipt.upTo, recipient: sender), at: room.engine.now)
                    frames[sender % room.nodes.count].append((sender, .receipt(receipt, since: since)))
                }
            }
            for (node, batch) in frames.enumerated() where !batch.isEmpty {
                room.onNode(node) { node in
                    for (user, frame) in batch { node.send(frame, toUser: user) }
                }
            }
        }
    }
}
