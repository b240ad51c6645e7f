/// The kinds of ``DocumentEdit``, as trace lines name them.
public enum DocumentEditKind: String, Codable, CaseIterable, Sendable {
    case insert
    case delete
    case none
}
