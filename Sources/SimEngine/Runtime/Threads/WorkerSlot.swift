#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which live-mode worker the calling thread is: 1 to N on the workers, 0 on any other thread
/// (simulation mode's loop, the main thread).
///
/// Recorders keep a shard of their state per worker, indexed by this slot, so that workers
/// record without sharing a lock:
///
/// ```swift
/// let shard = shards[Swift.min(WorkerSlot.current, shards.count - 1)]
/// ```
public enum WorkerSlot {
    /// The calling thread's slot.
    public static var current: Int {
        Int(bitPattern: pthread_getspecific(key))
    }

    /// Marks the calling thread as worker `index` (from 0), slot `index + 1`.
    static func adopt(worker index: Int) {
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: index + 1))
    }

    /// The thread-specific key that holds each thread's slot; created once.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let created = pthread_key_create(&key, nil)
        precondition(created == 0, "a thread-specific key could not be created (\(created))")
        return key
    }()
}
