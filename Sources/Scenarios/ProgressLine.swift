public import SimRuntime
import SimSupport

/// One line of a run's progress as `simrun run` shows it: a bar and an estimate of the time
/// left when the run's length is known, the run's time, the engine's rate, the clients
/// connected and the violations found so far.
///
/// ```text
/// progress  [#########-----------]  45%  ETA 1m12s  t 29.3 s of 65 s  0.42M events/s  1000000 clients  0 violations
/// ```
///
/// A pure function of its inputs, so that what a terminal shows can be tested.
public struct ProgressLine: Sendable {
    /// The run's whole length in its own time (load and drain): virtual in simulation mode,
    /// wall-clock in live mode.
    public var length: Duration
    /// How long clients generate load, shown as the run's length.
    public var load: Duration
    /// Simulation or live: in live mode the run's time is the wall clock, so what is left is
    /// simply the length less the time so far.
    public var mode: RunMode
    /// Characters in the bar.
    public var barWidth = 20

    public init(length: Duration, load: Duration, mode: RunMode) {
        self.length = length
        self.load = load
        self.mode = mode
    }

    /// The line for `progress`, `wallSeconds` into the run, with the engine running
    /// `eventsPerSecond`.
    public func text(for progress: RunProgress, wallSeconds: Double, eventsPerSecond: Double) -> String {
        let total = length.inSeconds
        let now = progress.now.seconds
        var parts = ["progress"]
        if total > 0 {
            let fraction = Swift.min(1, Swift.max(0, now / total))
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]")
            parts.append(Self.padded("\(Int((fraction * 100).rounded(.down)))%", to: 4))
            // Simulation runs at a pace of its own: extrapolate from the wall time so far.
            let left: Double? = switch mode {
            case .live: Swift.max(0, total - now)
            case .sim: now > 0 && wallSeconds > 0 ? wallSeconds * Swift.max(0, total - now) / now : nil
            }
            parts.append("ETA " + (left.map(Self.clock) ?? "--"))
        }
        parts.append("t \(DecimalText.fixed(now, digits: 1)) s of \(DecimalText.fixed(load.inSeconds, digits: 0)) s load")
        if mode == .sim { parts.append("\(DecimalText.fixed(eventsPerSecond / 1e6, digits: 2))M events/s") }
        parts.append("\(progress.connectedClients) clients")
        parts.append("\(progress.violations) violations")
        return parts.joined(separator: "  ")
    }

    /// `seconds` as a clock a person reads at a glance: `42s`, `3m05s`, `1h02m`.
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return "\(whole / 60)m" + Self.twoDigits(whole % 60) + "s" }
        return "\(whole / 3_600)h" + Self.twoDigits(whole % 3_600 / 60) + "m"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func padded(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}
