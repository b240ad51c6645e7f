import ArgumentParser
import Foundation

/// The exit codes of `simrun`, as the README documents them.
enum ExitStatus: Int32, CaseIterable {
    /// Every guarantee held and every threshold was met.
    case pass = 0
    /// A latency or ratio threshold (SLO) was breached.
    case thresholdBreached = 1
    /// A guarantee (invariant) was violated; wins over a breached threshold.
    case guaranteeViolated = 2
    /// The command line or a scenario was invalid; nothing was written.
    case badInput = 64
    /// simrun failed: a loss of determinism, a stalled simulation, a run that ran away, or a
    /// report it could not write.
    case internalError = 70
    /// The run was interrupted by SIGINT; partial files were removed. SIGTERM and SIGHUP end it
    /// the same way with 143 and 129 (128 plus the signal's number).
    case interrupted = 130

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// Prints `message` to standard error as simrun's and returns the exit code to throw.
    func reported(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("simrun: \(message)\n".utf8))
        return exitCode
    }

    /// The worst of several outcomes: a violated guarantee over a breached threshold over a pass.
    static func worst(_ statuses: some Sequence<ExitStatus>) -> ExitStatus {
        statuses.max { $0.severity < $1.severity } ?? .pass
    }

    private var severity: Int {
        switch self {
        case .pass: 0
        case .thresholdBreached: 1
        case .guaranteeViolated: 2
        case .interrupted: 3
        case .badInput: 4
        case .internalError: 5
        }
    }
}
