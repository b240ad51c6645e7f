#if SIMRUN_THREAD_SANITIZER
#if canImport(Glibc)
public import Glibc
#elseif canImport(Musl)
public import Musl
#elseif canImport(Darwin)
public import Darwin
#endif

/// A value that one thread at a time may touch, under a lock.
///
/// This build (`-DSIMRUN_THREAD_SANITIZER`, for ThreadSanitizer) locks with a pthread mutex,
/// which the sanitizer intercepts and so understands. The standard library's `Mutex` waits on
/// the kernel directly on Linux, out of the sanitizer's sight, which makes every access it
/// guards look like a race.
public final class Guarded<Value>: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    /// Guards `value`.
    public init(_ value: sending Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    @inlinable
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
#else
public import Synchronization

/// A value that one thread at a time may touch, under a lock: the standard library's `Mutex`.
///
/// Built with `-DSIMRUN_THREAD_SANITIZER` it locks with a pthread mutex instead, which
/// ThreadSanitizer understands (see `swift test --sanitize=thread` in the README).
public struct Guarded<Value>: ~Copyable, Sendable {
    @usableFromInline let mutex: Mutex<Value>

    /// Guards `value`.
    public init(_ value: sending Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value, holding the lock.
    @inlinable
    public borrowing func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        try mutex.withLock(body)
    }
}
#endif
