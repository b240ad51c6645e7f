#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the operating system's monotonic clock. Used by live mode and for wall-time reports,
/// never by simulation mode's model.
enum MonotonicClock {
    /// Nanoseconds on the monotonic clock (an arbitrary origin, steady, never adjusted).
    static func nanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
