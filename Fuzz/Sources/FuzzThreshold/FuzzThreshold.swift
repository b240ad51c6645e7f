import Scenarios
import SimMetrics

/// Thresholds as `--threshold` takes them, against quickstart's metrics: any text is parsed or
/// refused, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThreshold(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Threshold.parse(text, catalog: catalog)
    return 0
}

private let catalog = ScenarioCatalog.named("quickstart")!.metricCatalog
