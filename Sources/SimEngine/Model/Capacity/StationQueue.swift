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

    public init(servers: Int) {
        precondition(servers > 0, "a station needs at least one server")
        self.servers = servers
    }

    /// Requests waiting now.
    public var queueLength: Int { waiting.count - waitingHead }

    /// A request arrives: it starts at once if a server is free, otherwise it queues.
    public mutating func arrive(_ request: Request, at time: SimulationInstant) -> Started? {
        account(until: time)
        arrivals += 1
        guard busy < servers else {
            waiting.append((request, time))
            longestQueue = Swift.max(longestQueue, queueLength)
            return nil
        }
        busy += 1
        started += 1
        return Started(request: request, arrivedAt: time, startedAt: time)
    }

    /// A server finished its request; the oldest waiting request, if any, takes the server.
    public mutating func finish(at time: SimulationInstant) -> Started? {
        precondition(busy > 0, "a station finished work it never started")
        account(until: time)
        completed += 1
        guard waitingHead < waiting.count else {
            busy -= 1
            return nil
        }
        let next = waiting[waitingHead]
        waitingHead += 1
        started += 1
        totalWaitNanoseconds += time.nanoseconds - next.arrivedAt.nanoseconds
        if waitingHead > 1024 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
        return Started(request: next.request, arrivedAt: next.arrivedAt, startedAt: time)
    }

    /// The share of server time spent busy from the start until `time`, from 0 to 1.
    public func utilization(at time: SimulationInstant) -> Double {
        let elapsed = Double(time.nanoseconds) * Double(servers)
        guard elapsed > 0 else { return 0 }
        let busyUntilNow = busyNanoseconds + Int64(busy) * (time.nanoseconds - lastChange.nanoseconds)
        return Double(busyUntilNow) / elapsed
    }

    /// Requests waiting on average from the start until `time`: L_q.
    public func meanQueueLength(at time: SimulationInstant) -> Double {
        guard time.nanoseconds > 0 else { return 0 }
        let queued = queuedNanoseconds + Int64(queueLength) * (time.nanoseconds - lastChange.nanoseconds)
        return Double(queued) / Double(time.nanoseconds)
    }

    /// Requests waiting or being served on average from the start until `time`: L.
    public func meanInSystem(at time: SimulationInstant) -> Double {
        meanQueueLength(at: time) + utilization(at: time) * Double(servers)
    }

    private mutating func account(until time: SimulationInstant) {
        let elapsed = time.nanoseconds - lastChange.nanoseconds
        busyNanoseconds += Int64(busy) * elapsed
        queuedNanoseconds += Int64(queueLength) * elapsed
        lastChange = time
    }
}

extension StationQueue: Sendable where Request: Sendable {}
extension StationQueue.Started: Sendable where Request: Sendable {}
