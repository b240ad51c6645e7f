import ArgumentParser
import Foundation
import Scenarios
import SimMetrics
import SimEvents
import SimReports
import SimSupport

/// `simrun merge DIR... --out DIR`: combines the results of searches (`explore.json`, the shards
/// of one search, say) and of single runs (`summary.json` with `histograms.json`) into one
/// search result, the histograms added up exactly and the thresholds judged on the whole.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge explore results and run summaries into one result, thresholds judged on the merged data.",
        discussion: """
            Each folder holds explore.json (from 'simrun explore') or summary.json and histograms.json (from \
            'simrun run'). Writes explore.json, explore.md and junit.xml for the whole, as one explore over all the \
            seeds would. Exit code as explore's: the worst over the seeds.
            """
    )

    @Argument(help: "Folders with explore.json, or with summary.json and histograms.json.")
    var folders: [String]

    @Option(help: ArgumentHelp("Seeds that may breach each threshold before the merged result fails it (default: as the first result says).",
                               valueName: "K"))
    var allowedBreaches: Int?

    @Flag(help: "Judge thresholds on the merged histograms and counts instead of seed by seed.")
    var merged = false

    @Option(help: "The folder that receives the merged result; created if missing.")
    var out: String = "reports/merged"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        guard !folders.isEmpty else { throw ExitStatus.badInput.reported("give the folders to merge") }
        guard (allowedBreaches ?? 0) >= 0 else { throw ExitStatus.badInput.reported("--allowed-breaches: give 0 or more") }
        var parts = try folders.map(Self.result(in:))
        if let allowedBreaches { for index in parts.indices { parts[index].allowedBreaches = allowedBreaches } }
        if merged { for index in parts.indices { parts[index].thresholdJudgement = ExplorationSummary.Judgement.merged.rawValue } }
        let thresholds = try Self.thresholds(of: parts)
        let summary: ExplorationSummary
        do throws(ExplorationSummary.MergeError) {
            summary = try ExplorationSummary.merged(parts, thresholds: thresholds)
        } catch {
            throw ExitStatus.badInput.reported("merge: \(error.description)")
        }
        let folder = try ReportFolder(out, names: ExploreCommand.reportNames)
        try folder.write([
            ("explore.json", { try summary.jsonText() }),
            ("explore.md", { ExplorationReport.markdown(for: summary) }),
            ("junit.xml", { ExplorationReport.junit(for: summary) }),
        ])
        if !quiet {
            print("merged \(folders.count) results of \(summary.scenario): \(summary.runs.count) seeds, "
                  + "\(summary.groups.count) failure group(s), verdict \(summary.verdict.rawValue.uppercased()); reports in \(out)/")
        }
        throw ExitStatus.worst([summary.violatedGuarantees ? .guaranteeViolated : .pass,
                                summary.thresholds.contains { !$0.passed } ? .thresholdBreached : .pass]).exitCode
    }

    /// The result in `folder`: its search, or its single run as a search of one seed.
    static func result(in folder: String) throws -> ExplorationSummary {
        if let data = FileManager.default.contents(atPath: "\(folder)/explore.json") {
            do {
                return try ExplorationSummary.decode(data)
            } catch {
                throw ExitStatus.badInput.reported("\(folder)/explore.json: not a search result (\(error))")
            }
        }
        guard let data = FileManager.default.contents(atPath: "\(folder)/summary.json") else {
            throw ExitStatus.badInput.reported("\(folder): holds neither explore.json nor summary.json; give folders that "
                                               + "'simrun explore' or 'simrun run' wrote")
        }
        let run: RunSummary
        do {
            run = try RunSummary.decode(data)
        } catch {
            throw ExitStatus.badInput.reported("\(folder)/summary.json: not a run's summary (\(error))")
        }
        guard let histogramData = FileManager.default.contents(atPath: "\(folder)/histograms.json"),
              let histograms = try? RunHistograms.decode(histogramData) else {
            throw ExitStatus.badInput.reported("\(folder)/histograms.json: missing or unreadable; runs merge by their whole "
                                               + "histograms, which 'simrun run' writes beside summary.json")
        }
        let seed = SeedRun(summary: run, faults: [])
        // No threshold is parsed here: they are parsed once for all results (``thresholds(of:)``).
        return ExplorationSummary(scenario: run.scenario, seeds: "\(run.seed)", shards: [folder], swarm: false, jobs: 1,
                                  wallSeconds: run.wallSeconds, stoppedEarly: false, judgement: .each, allowedBreaches: 0,
                                  guarantees: run.invariants.map(\.name), runs: [seed], histograms: histograms, thresholds: [],
                                  config: run.config)
    }

    /// Every threshold the results' runs were judged by, parsed against the metrics of the
    /// scenario they ran, so that the merged data can be judged.
    static func thresholds(of parts: [ExplorationSummary]) throws -> [Threshold] {
        var conditions: [String] = []
        for part in parts {
            for condition in part.runs.flatMap({ $0.thresholds.map(\.condition) }) + part.thresholds.map(\.condition)
            where !conditions.contains(condition) {
                conditions.append(condition)
            }
        }
        guard !conditions.isEmpty else { return [] }
        guard let config = parts.first?.config, let data = try? JSONEncoder().encode(config) else {
            throw ExitStatus.badInput.reported("the results hold no resolved scenario ('config') to judge their thresholds by")
        }
        let catalog: MetricCatalog
        do throws(ConfigurationFileError) {
            catalog = try ScenarioSource.recorded(String(decoding: data, as: UTF8.self), file: "config").metricCatalog
        } catch {
            throw ExitStatus.badInput.reported(error.description)
        }
        var parsed: [Threshold] = []
        for condition in conditions {
            do throws(ConfigurationError) {
                parsed.append(try Threshold.parse(condition, catalog: catalog))
            } catch {
                throw ExitStatus.badInput.reported(error.description)
            }
        }
        return parsed
    }
}
