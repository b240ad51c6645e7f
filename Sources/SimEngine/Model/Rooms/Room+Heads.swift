import SimRuntime

/// Head beacons (see ``HeadBeacons``).
extension Room {
    /// The room accepted a message at `now`: its quiet spell starts again.
    func quietAfterCommit(at now: SimulationInstant) {
        lastCommitAt = now
        headBeaconsSent = 0
        guard !headBeaconScheduled else { return }
        headBeaconScheduled = true
        engine.send(to: self, at: now.advanced(by: HeadBeacons.delays[0])) { $0.headBeaconDue() }
    }

    /// A head beacon's time came: announced if the room is still quiet, put off if it is not.
    private func headBeaconDue() {
        let due = lastCommitAt.advanced(by: HeadBeacons.delays[headBeaconsSent])
        guard due <= engine.now else {
            engine.send(to: self, at: due) { $0.headBeaconDue() }
            return
        }
        broadcast(.head(room: id, epoch: log.epoch, lastSequence: log.lastSequence))
        headBeaconsSent += 1
        guard headBeaconsSent < HeadBeacons.delays.count else {
            headBeaconScheduled = false
            return
        }
        engine.send(to: self, at: lastCommitAt.advanced(by: HeadBeacons.delays[headBeaconsSent])) { $0.headBeaconDue() }
    }
}
