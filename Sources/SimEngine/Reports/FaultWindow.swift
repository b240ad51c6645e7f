/// When a fault the scenario injected was active, for the reports' charts: from `start` to
/// `end` in seconds of the run (equal for a fault of an instant, such as a crash).
public struct FaultWindow: Equatable, Sendable {
    /// What the fault was, as charts label it (`bus_down`, `crash_node 1`).
    public var label: String
    public var start: Double
    public var end: Double

    public init(label: String, start: Double, end: Double) {
        self.label = label
        self.start = start
        self.end = end
    }
}
