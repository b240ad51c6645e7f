import Scenarios
import SimMetrics

/// Thresholds as `--threshold` takes them, against quickstart's metrics: any text is parsed or
/// refused, never a crash. A threshold that parses parses again from its own text to the same
/// threshold, and prints any value the input's last eight bytes make (infinities, NaN, huge and
/// tiny numbers included) without crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThreshold(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let threshold = try? Threshold.parse(text, catalog: catalog) else { return 0 }
    guard let again = try? Threshold.parse(threshold.text, catalog: catalog), again == threshold else {
        fatalError("'\(threshold.text)' does not parse back to itself")
    }
    var pattern: UInt64 = 0
    for byte in bytes.suffix(8) { pattern = pattern << 8 | UInt64(byte) }
    for value in [Double(bitPattern: pattern), threshold.limit, -threshold.limit, .infinity, .nan, 1e300, 1e-300] {
        _ = threshold.format(value)
        _ = threshold.holds(for: value)
    }
    return 0
}

private let catalog = ScenarioCatalog.named("quickstart")!.metricCatalog
