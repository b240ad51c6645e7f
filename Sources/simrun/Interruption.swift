#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by SIGINT; the engine polls it and ends the run cleanly.
let interruptRequested = Atomic<Bool>(false)

/// Turns Ctrl-C into a request that the run end cleanly; a second Ctrl-C ends the process.
enum Interruption {
    static func install() {
        signal(SIGINT) { _ in
            if interruptRequested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }

    /// Whether an interruption was requested.
    @Sendable static func isRequested() -> Bool {
        interruptRequested.load(ordering: .relaxed)
    }
}
