import Synchronization

/// The run's latency metrics: one histogram per named metric, shared by every actor.
///
/// Components register a metric once and keep its handle, so recording is an index, not a
/// name lookup:
///
/// ```swift
/// let delivery = engine.metrics.latency("message_delivery")
/// engine.metrics.record(delivery, nanoseconds: latency)
/// ```
public final class MetricsRecorder: Sendable {
    /// A registered metric.
    public struct Handle: Hashable, Sendable {
        fileprivate let index: Int
    }

    private struct State {
        var names: [String] = []
        var histograms: [LatencyHistogram] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The handle of the latency metric `name`, registering it on first use.
    public func latency(_ name: String) -> Handle {
        state.withLock { state in
            if let index = state.names.firstIndex(of: name) { return Handle(index: index) }
            state.names.append(name)
            state.histograms.append(LatencyHistogram())
            return Handle(index: state.names.count - 1)
        }
    }

    /// Records one value of the metric.
    public func record(_ handle: Handle, nanoseconds: Int64) {
        state.withLock { $0.histograms[handle.index].record(nanoseconds: nanoseconds) }
    }

    /// Every metric's summary, by name.
    public var summaries: [String: LatencySummary] {
        state.withLock { state in
            Dictionary(uniqueKeysWithValues: zip(state.names, state.histograms.map(\.summary)))
        }
    }
}
