public import SimRuntime

/// The bookkeeping of a queueing station with a fixed number of servers and one FIFO queue:
/// who is served next, and how busy the station has been. A value type with no clock or I/O.
///
/// ```swift
/// var queue = StationQueue<Request>(servers: 2)
/// if let started = queue.arrive(request, at: now) { schedule(finish: started, after: service) }
/// if let next = queue.finish(at: later) { schedule(finish: next, after: service) }
/// ```
///
/// - Complexity: O(1) per arrival and completion.
public struct StationQueue<Request> {
    /// A request that got a server, and when it arrived.
    public struct Started {
        public var request: Request
        public var arrivedAt: SimulationInstant
        public var startedAt: SimulationInstant
        /// How long it queued for a server.
        public var wait: Duration { arrivedAt.duration(to: startedAt) }
    }

    /// The number of servers.
    public let servers: Int
    /// The span the measurements cover (counts, waits and the areas under the busy servers and
    /// the queue), in nanoseconds of the run: a scenario's steady state, say.
    public let window: Range<Int64>
    /// Servers busy now.
    public private(set) var busy = 0
    /// Requests waiting for a server, oldest first from `waitingHead`; served entries before it
    /// are dropped in bulk once they make up half the array.
    private var waiting: [(request: Request, arrivedAt: SimulationInstant)] = []
    private var waitingHead = 0
    /// The longest the queue has been.
    public private(set) var longestQueue = 0
    /// Requests served to completion.
    public private(set) var completed = 0
    /// Requests that arrived, and those that got a server.
    public private(set) var arrivals = 0
    public private(set) var started = 0
    /// The time the requests that got a server spent waiting for it, in total.
    public private(set) var totalWaitNanoseconds: Int64 = 0
    private var busyNanoseconds: Int64 = 0
    /// The queue's length integrated over time (request-nanoseconds).
    private var queuedNanoseconds: Int64 = 0
    private var lastChange = SimulationInstant.start

    /// Creates a station of `servers` servers that measures itself over `window` (by default,
    /// the whole run).
    public init(servers: Int, window: Range<Int64> = 0..<Int64.max) {
        precondition(servers > 0, "a station needs at least one server")
        self.servers = servers
        self.window = window
    }

    /// Requests waiting now.
    public var queueLength: Int { waiting.count - waitingHead }

    /// A request arrives: it starts at once if a server is free, otherwise it queues.
    public mutating func arrive(_ request: Request, at time: SimulationInstant) -> Started? {
        account(until: time)
        if window.contains(time.nanoseconds) { arrivals += 1 }
        guard busy < servers else {
            waiting.append((request, time))
            longestQueue = Swift.max(longestQueue, queueLength)
            return nil
        }
        busy += 1
        if window.contains(time.nanoseconds) { started += 1 }
        return Started(request: request, arrivedAt: time, startedAt: time)
    }

    /// A server finished its request; the oldest waiting request, if any, takes the server.
    public mutating func finish(at time: SimulationInstant) -> Started? {
        precondition(busy > 0, "a station finished work it never started")
        account(until: time)
        if window.contains(time.nanoseconds) { completed += 1 }
        guard waitingHead < waiting.count else {
            busy -= 1
            return nil
        }
        let next = waiting[waitingHead]
        waitingHead += 1
        if window.contains(time.nanoseconds) {
            started += 1
            totalWaitNanoseconds += time.nanoseconds - next.arrivedAt.nanoseconds
        }
        if waitingHead > 1024 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
        return Started(request: next.request, arrivedAt: next.arrivedAt, startedAt: time)
    }

    /// The length of the window measured so far at `time`, in nanoseconds.
    public func measured(at time: SimulationInstant) -> Int64 {
        Swift.max(0, Swift.min(time.nanoseconds, window.upperBound) - window.lowerBound)
    }

    /// The share of server time spent busy in the window until `time`, from 0 to 1.
    public func utilization(at time: SimulationInstant) -> Double {
        let elapsed = Double(measured(at: time)) * Double(servers)
        guard elapsed > 0 else { return 0 }
        return Double(busyNanoseconds(at: time)) / elapsed
    }

    /// Server time spent busy in the window until `time` (server-nanoseconds).
    public func busyNanoseconds(at time: SimulationInstant) -> Int64 {
        busyNanoseconds + Int64(busy) * overlap(from: lastChange.nanoseconds, to: time.nanoseconds)
    }

    /// The queue's length integrated over the window until `time` (request-nanoseconds).
    public func queuedNanoseconds(at time: SimulationInstant) -> Int64 {
        queuedNanoseconds + Int64(queueLength) * overlap(from: lastChange.nanoseconds, to: time.nanoseconds)
    }

    /// Requests waiting on average over the window until `time`: L_q.
    public func meanQueueLength(at time: SimulationInstant) -> Double {
        let elapsed = measured(at: time)
        return elapsed > 0 ? Double(queuedNanoseconds(at: time)) / Double(elapsed) : 0
    }

    /// Requests waiting or being served on average over the window until `time`: L.
    public func meanInSystem(at time: SimulationInstant) -> Double {
        meanQueueLength(at: time) + utilization(at: time) * Double(servers)
    }

    /// How much of `start..<end` lies in the window.
    private func overlap(from start: Int64, to end: Int64) -> Int64 {
        Swift.max(0, Swift.min(end, window.upperBound) - Swift.max(start, window.lowerBound))
    }

    private mutating func account(until time: SimulationInstant) {
        let elapsed = overlap(from: lastChange.nanoseconds, to: time.nanoseconds)
        busyNanoseconds += Int64(busy) * elapsed
        queuedNanoseconds += Int64(queueLength) * elapsed
        lastChange = time
    }
}

extension StationQueue: Sendable where Request: Sendable {}
extension StationQueue.Started: Sendable where Request: Sendable {}
