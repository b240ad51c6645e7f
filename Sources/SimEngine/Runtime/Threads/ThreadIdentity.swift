#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity of an operating-system thread, used to confine a run loop's state to the thread
/// that drives it and to recognise work arriving from anywhere else.
struct ThreadIdentity: Sendable {
    private let handle: pthread_t

    /// The identity of the calling thread.
    static var current: ThreadIdentity { ThreadIdentity(handle: pthread_self()) }

    /// Whether the calling thread is this thread.
    var isCurrent: Bool { pthread_equal(handle, pthread_self()) != 0 }
}

#if canImport(Darwin)
// `pthread_t` is a pointer on Darwin; it is only compared, never dereferenced, so sharing is safe.
extension pthread_t: @retroactive @unchecked Sendable {}
#endif
