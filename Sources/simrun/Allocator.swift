#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which memory allocator serves the process, recorded with every run because it moves
/// wall-clock numbers.
enum Allocator {
    /// `jemalloc` when jemalloc is linked (the package's `Jemalloc` trait: `swift build --traits
    /// Jemalloc`) or preloaded, otherwise `system`.
    static var name: String {
        // jemalloc exports `mallctl`; the system allocator does not.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") != nil ? "jemalloc" : "system"
    }
}
