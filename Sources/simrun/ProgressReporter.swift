import Foundation
import Scenarios
import SimSupport
import SimRuntime

/// Shows a run's progress on standard error: on a terminal one line rewritten in place, elsewhere
/// a plain line every few seconds (``ProgressLine`` makes the line).
final class ProgressReporter: Sendable {
    private struct State {
        var lastShown: ContinuousClock.Instant?
        var lastEvents: UInt64 = 0
        var lines = 0
    }

    private let line: ProgressLine
    private let interactive: Bool
    private let interval: Duration
    private let state = Guarded(State())
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    /// - Parameters:
    ///   - line: what a line shows, given the run's length.
    ///   - interval: the least wall time between two lines; by default 0.25 s on a terminal and
    ///     5 s elsewhere.
    init(line: ProgressLine, interval: Duration?) {
        self.line = line
        interactive = isatty(STDERR_FILENO) != 0
        self.interval = interval ?? (interactive ? .milliseconds(250) : .seconds(5))
        started = clock.now
    }

    /// Shows `progress` if the interval has passed since the last line.
    func show(_ progress: RunProgress) {
        let now = clock.now
        let shown: String? = state.withLock { state in
            if let last = state.lastShown, last.duration(to: now) < interval { return nil }
            // The first line's rate is since the run started, every later one's since the line before.
            let seconds = (state.lastShown ?? started).duration(to: now).inSeconds
            let rate = seconds > 0 ? Double(progress.events &- state.lastEvents) / seconds : 0
            state.lastShown = now
            state.lastEvents = progress.events
            state.lines += 1
            return line.text(for: progress, wallSeconds: started.duration(to: now).inSeconds, eventsPerSecond: rate)
        }
        guard let shown else { return }
        let text = interactive ? "\r\u{1B}[2K" + shown : shown + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Ends the progress display before the summary is printed.
    func finish() {
        let shown = state.withLock { $0.lines }
        if interactive && shown > 0 { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
