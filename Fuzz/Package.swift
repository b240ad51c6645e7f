// swift-tools-version: 6.1
import PackageDescription

// Fuzz targets for every parser simrun exposes to input: scenario files, --set overrides,
// thresholds, durations, trace files, the result files merge and replay read, and seed ranges. Each is an executable linked with libFuzzer; build and
// run them with `Fuzz/run` (Linux: `swift build --sanitize=fuzzer`). They live in their own
// package so that the sanitizer flags never touch the main build.
let fuzzSettings: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "SimEngine", package: "simrun"),
            .product(name: "Scenarios", package: "simrun"),
        ],
        path: "Sources/\(name)",
        swiftSettings: fuzzSettings
    )
}

let package = Package(
    name: "simrun-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "simrun", path: "..")],
    targets: ["FuzzScenarioFile", "FuzzOverride", "FuzzThreshold", "FuzzDuration", "FuzzTrace", "FuzzResults", "FuzzSeeds"]
        .map(fuzzTarget)
)
