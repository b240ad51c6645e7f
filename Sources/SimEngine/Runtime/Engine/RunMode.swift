public import SimSupport

/// How a run executes the model.
public enum RunMode: String, Codable, ConfigurationChoice, Sendable, CaseIterable {
    /// One thread, virtual time, seeded interleaving: the same seed replays the same run.
    case sim
    /// Every core, the wall clock: measures what the actor code costs under contention.
    case live
}
