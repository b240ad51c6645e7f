/// The seeds of a search that failed the same way: one violated guarantee, or one breached
/// threshold, with the first seed that shows it and the commands to reproduce and shrink it.
public struct FailureGroup: Codable, Equatable, Sendable {
    /// What failed.
    public enum Kind: String, Codable, Sendable {
        case guarantee, threshold
    }

    public var kind: Kind
    /// The guarantee's name, or the threshold as written.
    public var name: String
    /// The seeds that failed this way, ascending.
    public var seeds: [UInt64]
    /// The first seed's first violation, or its observed value against the threshold.
    public var firstFailure: String
    /// The command that reruns the first seed.
    public var command: String
    /// The command that shrinks the first seed's scenario while it still fails this way: the
    /// run's command as `simrun shrink`, with the failure to keep.
    public var shrinkCommand: String

    /// A group whose first seed reruns with `command` (`simrun run …`).
    public init(kind: Kind, name: String, seeds: [UInt64], firstFailure: String, command: String) {
        self.kind = kind
        self.name = name
        self.seeds = seeds
        self.firstFailure = firstFailure
        self.command = command
        let options = command.hasPrefix("simrun run ") ? String(command.dropFirst("simrun run ".count)) : command
        let target = kind == .guarantee ? "--guarantee \(name)" : "--breached '\(name)'"
        shrinkCommand = "simrun shrink \(options) \(target)"
    }

    /// The group's name in JUnit and on the command line: `guarantee.NAME` or `threshold.TEXT`.
    public var label: String { "\(kind.rawValue).\(name)" }
}
