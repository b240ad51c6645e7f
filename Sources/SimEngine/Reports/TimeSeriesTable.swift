import SimRuntime
public import SimMetrics

/// A run's metrics over time as CSV: one row per interval of virtual time, with each counter
/// and gauge, and each latency metric's count, p50 and p99 (accurate to about 9 %). An interval
/// in which a metric recorded nothing has a count of 0 and empty percentile cells: no latency,
/// not a latency of zero.
///
/// ```text
/// t_s,connected_clients,errors,messages_sent,message_delivery_count,message_delivery_p50_ms,message_delivery_p99_ms
/// 0,2000,0,2031,26218,21.5,74.9
/// ```
public enum TimeSeriesTable {
    /// The CSV text of `timeSeries`.
    public static func csv(for timeSeries: TimeSeries) -> String {
        let (series, latencies, intervals) = (timeSeries.series, timeSeries.latencies, timeSeries.intervals)
        let order = series.indices.sorted { series[$0] < series[$1] }
        let latencyOrder = latencies.indices.sorted { latencies[$0] < latencies[$1] }
        var header = ["t_s"] + order.map { series[$0] }
        for index in latencyOrder {
            header += ["\(latencies[index])_count", "\(latencies[index])_p50_ms", "\(latencies[index])_p99_ms"]
        }
        var rows = [header.joined(separator: ",")]
        for interval in intervals {
            var cells = [seconds(interval.start)] + order.map { "\(interval.values[$0])" }
            for index in latencyOrder {
                guard let histogram = interval.latencies[index], histogram.count > 0 else {
                    cells += ["0", "", ""]
                    continue
                }
                cells += ["\(histogram.count)", milliseconds(histogram.nanoseconds(atPercentile: 50)),
                          milliseconds(histogram.nanoseconds(atPercentile: 99))]
            }
            rows.append(cells.joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ instant: SimulationInstant) -> String {
        let nanoseconds = instant.nanoseconds
        return nanoseconds % 1_000_000_000 == 0 ? "\(nanoseconds / 1_000_000_000)" : "\(instant.seconds)"
    }

    private static func milliseconds(_ nanoseconds: Int64) -> String {
        "\((Double(nanoseconds) / 1e4).rounded() / 100)"
    }
}
