#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The signal that asked the run to end (SIGINT, SIGTERM or SIGHUP), or 0.
private let requestedSignal = Atomic<Int32>(0)
/// Set by a second signal: end now.
private let stopNow = Atomic<Bool>(false)

/// Turns SIGINT, SIGTERM and SIGHUP into a request that the run end cleanly, and makes sure it
/// ends within a second whatever it is doing.
///
/// The first signal sets a flag that the engine polls (every few thousand events), so the run
/// stops, removes its partial files and exits with 128 plus the signal's number (130, 143,
/// 129). A watchdog thread gives it one second; if the run is still busy then (in a step that
/// does not poll), or if a second signal came, the watchdog removes the partial files itself
/// and ends the process with the same code.
enum Interruption {
    /// The signals that end a run; each exits with 128 plus its number (130, 143, 129).
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and starts the watchdog; `folder` is where partial files may be.
    static func install(cleaning folder: String) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in signals {
            signal(number) { number in
                let (exchanged, _) = requestedSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
                if !exchanged { stopNow.store(true, ordering: .relaxed) }
            }
            sigaddset(&mask, number)
        }
        // A parent may have started us with these blocked; a handler alone would then never run.
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        Thread.detachNewThread { watch(folder) }
    }

    /// Whether an interruption was requested.
    @Sendable static func isRequested() -> Bool {
        requestedSignal.load(ordering: .relaxed) != 0
    }

    /// The exit code for the signal that interrupted the run: 128 plus its number.
    static var exitCode: Int32 {
        128 + requestedSignal.load(ordering: .relaxed)
    }

    /// The signal's name, for messages.
    static var signalName: String {
        switch requestedSignal.load(ordering: .relaxed) {
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "SIGINT"
        }
    }

    private static func watch(_ folder: String) {
        while !isRequested() { usleep(50_000) }
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline, !stopNow.load(ordering: .relaxed) { usleep(20_000) }
        removePartialFiles(in: folder)
        let note = stopNow.load(ordering: .relaxed)
            ? "simrun: interrupted by \(signalName) twice; ended at once, no reports were written\n"
            : "simrun: interrupted by \(signalName); the run did not stop within a second, so it was ended; no reports were written\n"
        FileHandle.standardError.write(Data(note.utf8))
        _exit(exitCode)
    }

    /// Removes the files this process left half-written in `folder` (`.NAME.PID.partial`).
    static func removePartialFiles(in folder: String) {
        let suffix = ".\(getpid()).partial"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(suffix) {
            unlink("\(folder)/\(name)")
        }
    }
}
