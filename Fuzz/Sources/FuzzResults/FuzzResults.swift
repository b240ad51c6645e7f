import Foundation
import SimReports

/// The result files `simrun merge` and `simrun replay` read (`explore.json`, `histograms.json`,
/// `summary.json`): any bytes are read or refused, and what is read merges and renders without
/// a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResults(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if var histograms = try? RunHistograms.decode(bytes) {
        histograms.merge(histograms)
        _ = histograms.summaries
    }
    if let summary = try? ExplorationSummary.decode(bytes) {
        _ = ExplorationReport.markdown(for: summary)
        _ = ExplorationReport.junit(for: summary)
        if let merged = try? ExplorationSummary.merged([summary, summary], thresholds: []) {
            _ = ExplorationReport.markdown(for: merged)
        }
    }
    if let run = try? RunSummary.decode(bytes) {
        _ = SeedRun(summary: run, faults: [])
        _ = JUnitReport.xml(for: run)
    }
    return 0
}
