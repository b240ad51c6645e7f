/// The verdict of a run.
public enum Verdict: String, Codable, Sendable {
    /// Every guarantee held and every threshold was met.
    case pass
    /// A guarantee was violated or a threshold breached.
    case fail
}
