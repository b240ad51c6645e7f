import Foundation
import SimReports

/// The result files `simrun merge` and `simrun replay` read (`explore.json`, `histograms.json`,
/// `summary.json`), which `simrun compare` reads too: any bytes are read or refused, and what is
/// read merges, compares with itself and renders without a crash; compared with itself, nothing
/// regresses.
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
        let comparison = RunComparison(baseline: summary, baselineLabel: "a", new: summary, newLabel: "b", tolerances: [])
        _ = comparison.markdown
        _ = try? comparison.jsonText()
        if comparison.metrics.contains(where: { $0.outcome == .regressed }) {
            fatalError("a result compared with itself regressed")
        }
    }
    if let run = try? RunSummary.decode(bytes) {
        _ = SeedRun(summary: run, faults: [])
        _ = JUnitReport.xml(for: run)
        _ = MarkdownSummary.text(for: run)
    }
    return 0
}
