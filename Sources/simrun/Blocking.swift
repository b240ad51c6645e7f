import Dispatch
import SimSupport

/// Runs async work to its end from a command's synchronous `run()`, on the cooperative pool,
/// while the calling thread waits.
///
/// The command line stays synchronous at its root, so that the process starts as a plain
/// program (no main-queue executor), which profilers such as valgrind can run; only the
/// commands that search (`explore`, `shrink`, `replay`) wait here for their concurrent runs.
enum Blocking {
    /// The value `operation` returns, or the error it throws.
    static func wait<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        Task.detached {
            do {
                outcome.finish(.success(try await operation()))
            } catch {
                outcome.finish(.failure(error))
            }
        }
        return try outcome.value()
    }

    /// Where the work leaves its result for the waiting thread.
    private final class Outcome<Value: Sendable>: Sendable {
        private let result = Guarded<Result<Value, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func finish(_ outcome: Result<Value, any Error>) {
            result.withLock { $0 = outcome }
            done.signal()
        }

        func value() throws -> Value {
            done.wait()
            return try result.withLock { $0! }.get()
        }
    }
}
