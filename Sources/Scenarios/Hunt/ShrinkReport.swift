import SimSupport

/// What a shrink achieved: the scenario it started from and the smallest it found that still
/// fails the same way at the same seed, the steps that got there, and the runs it took.
public struct ShrinkReport: Sendable {
    /// The scenario the shrink started from.
    public var original: ChatScenario
    /// The smallest scenario found that still fails: `simrun run minimal.yaml --seed SEED`.
    public var minimal: ChatScenario
    /// The seed the original fails at.
    public var originalSeed: UInt64
    /// The seed the minimal scenario fails at.
    public var seed: UInt64
    /// What they fail.
    public var target: ShrinkTarget
    /// Each reduction kept, in order (`clients 40 → 20`).
    public var steps: [String]
    /// Runs the shrink made, the first (the original) included.
    public var runs: Int
    /// Model events of the original's run and of the minimal one's.
    public var events: (original: UInt64, minimal: UInt64)

    /// The reduction in one line: the dimensions that changed, and the events.
    public var reduction: String {
        var changes: [String] = []
        func note(_ name: String, _ before: String, _ after: String) {
            if before != after { changes.append("\(name) \(before) → \(after)") }
        }
        note("clients", "\(original.clients)", "\(minimal.clients)")
        note("rooms", "\(original.rooms)", "\(minimal.rooms)")
        note("duration", DurationText.format(original.duration), DurationText.format(minimal.duration))
        note("faults", "\(original.faults.count)", "\(minimal.faults.count)")
        note("nodes", "\(original.system.gateway.nodes)", "\(minimal.system.gateway.nodes)")
        note("seed", "\(originalSeed)", "\(seed)")
        return (changes.isEmpty ? "the scenario as it was" : changes.joined(separator: ", "))
            + "; \(steps.count) reduction\(steps.count == 1 ? "" : "s") kept, events \(events.original) → \(events.minimal) "
            + "(\(runs) runs)"
    }
}
