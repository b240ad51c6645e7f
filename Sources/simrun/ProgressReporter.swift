import Foundation
import Scenarios
import SimSupport
import SimRuntime

/// Shows a run's progress on standard error: on a terminal one line rewritten in place, elsewhere
/// a plain line every few seconds.
final class ProgressReporter: Sendable {
    private struct State {
        var lastShown: ContinuousClock.Instant?
        var lastEvents: UInt64 = 0
        var lines = 0
    }

    private let load: Duration
    private let interactive: Bool
    private let interval: Duration
    private let state = Guarded(State())
    private let clock = ContinuousClock()

    /// - Parameters:
    ///   - load: how long clients generate load, shown as the run's length.
    ///   - interval: the least wall time between two lines; by default 0.25 s on a terminal and
    ///     5 s elsewhere.
    init(load: Duration, interval: Duration?) {
        self.load = load
        interactive = isatty(STDERR_FILENO) != 0
        self.interval = interval ?? (interactive ? .milliseconds(250) : .seconds(5))
    }

    /// Shows `progress` if the interval has passed since the last line.
    func show(_ progress: RunProgress) {
        let now = clock.now
        let line: String? = state.withLock { state in
            let elapsed = state.lastShown.map { $0.duration(to: now) }
            guard elapsed.map({ $0 >= interval }) ?? true else { return nil }
            let seconds = elapsed.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
            let rate = seconds.map { $0 > 0 ? Double(progress.events - state.lastEvents) / $0 : 0 } ?? 0
            state.lastShown = now
            state.lastEvents = progress.events
            state.lines += 1
            return String(format: "progress  t %.1f s of %.0f s load  %.2fM events/s  %d clients  %d violations",
                          progress.now.seconds, Double(load.components.seconds), rate / 1e6, progress.connectedClients,
                          progress.violations)
        }
        guard let line else { return }
        let text = interactive ? "\r\u{1B}[2K" + line : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Ends the progress display before the summary is printed.
    func finish() {
        let shown = state.withLock { $0.lines }
        if interactive && shown > 0 { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
