import SimRuntime

/// Watches a run's progress for a run that has run away: virtual time standing still while
/// events pile up (a loop of zero-delay work), or memory past what the machine has. An I/O-free
/// state machine: the caller feeds it progress and the process's resident memory, and stops the
/// run when it names a cause.
public struct RunawayGuard: Sendable {
    /// Why a run was stopped.
    public struct Cause: Error, Equatable, Sendable, CustomStringConvertible {
        /// What was seen, and what most likely causes it.
        public var description: String
    }

    /// Events at one virtual instant beyond which time is taken to stand still.
    public let eventsWithoutTime: UInt64
    /// Resident bytes beyond which memory is taken to have run away.
    public let memoryLimit: Int
    private var instant: SimulationInstant?
    private var eventsAtInstant: UInt64 = 0

    /// - Parameters:
    ///   - memoryLimit: resident bytes the run may hold, such as nine tenths of the machine's.
    ///   - eventsWithoutTime: events at one virtual instant that mean time stands still: far
    ///     more than a herd of every client arriving at once makes.
    public init(memoryLimit: Int, eventsWithoutTime: UInt64 = 50_000_000) {
        self.memoryLimit = memoryLimit
        self.eventsWithoutTime = eventsWithoutTime
    }

    /// Takes one look at the run: its progress and the process's resident bytes. Returns the
    /// cause when the run has run away.
    public mutating func observe(_ progress: RunProgress, residentBytes: Int) -> Cause? {
        if progress.now != instant {
            instant = progress.now
            eventsAtInstant = progress.events
        } else if progress.events - eventsAtInstant >= eventsWithoutTime {
            return Cause(description: "virtual time stood still at \(progress.now) for \(progress.events - eventsAtInstant) events: "
                + "the model keeps making work with no delay (a zero or near-zero interval, think time or service time)")
        }
        if residentBytes > memoryLimit {
            return Cause(description: "memory reached \(residentBytes / 1_000_000) MB at \(progress.now), past the limit of "
                + "\(memoryLimit / 1_000_000) MB (\(progress.pendingTimers) timers pending): the scenario holds more than "
                + "this machine has; lower clients, rooms or the load")
        }
        return nil
    }
}
