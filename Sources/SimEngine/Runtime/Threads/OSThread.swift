#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts and joins operating-system threads for live mode's workers.
enum OSThread {
    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts a thread that runs `body`, and returns its handle for ``join(_:)``.
    static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let result = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        precondition(result == 0, "could not start a thread (error \(result))")
        #if canImport(Darwin)
        return thread!
        #else
        return thread
        #endif
    }

    /// Lets the thread's resources go when it ends, for a thread nobody joins.
    static func detach(_ thread: pthread_t) {
        pthread_detach(thread)
    }

    /// Waits for the thread to end.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}
