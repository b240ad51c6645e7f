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
        // A parent may have started us with SIGINT blocked; a handler alone would then never run.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// Whether an interruption was requested.
    @Sendable static func isRequested() -> Bool {
        interruptRequested.load(ordering: .relaxed)
    }
}
