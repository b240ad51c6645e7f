/// The answer to a reconnecting client that asks for what it missed.
public enum RoomRecovery: Equatable, Sendable {
    /// Every message after the client's offset, in order (possibly none).
    case recovered([RoomMessage])
    /// The missed messages cannot all be given; the client must say so rather than show a gap.
    case notRecovered(Reason)

    /// Why recovery was refused.
    public enum Reason: String, Equatable, Sendable {
        /// The room's history was lost since the client's offset was issued.
        case epochChanged = "epoch_changed"
        /// Some missed messages were already dropped by size or age.
        case historyTrimmed = "history_trimmed"
        /// More messages were missed than the recovery limit allows.
        case tooManyMissed = "too_many_missed"
        /// The store could not be read.
        case storeUnavailable = "store_unavailable"
    }
}
