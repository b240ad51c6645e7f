#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with a condition variable whose timed waits use the monotonic clock.
final class ConditionLock: @unchecked Sendable {
    // @unchecked: the pthread objects are the lock; they are allocated once and never moved.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock.
    @inline(__always)
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Wakes one waiter. Call with the lock held.
    func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiter. Call with the lock held.
    func broadcast() { pthread_cond_broadcast(condition) }

    /// Waits for a signal. Call with the lock held.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits for a signal or until the monotonic clock reads `deadline` nanoseconds.
    /// Call with the lock held.
    func wait(untilMonotonicNanoseconds deadline: Int64) {
        #if os(Linux)
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        #else
        let remaining = Swift.max(0, deadline - MonotonicClock.nanoseconds())
        var now = timeval()
        gettimeofday(&now, nil)
        let absolute = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_usec) * 1000 + remaining
        var time = timespec(tv_sec: Int(absolute / 1_000_000_000), tv_nsec: Int(absolute % 1_000_000_000))
        #endif
        pthread_cond_timedwait(condition, mutex, &time)
    }
}
