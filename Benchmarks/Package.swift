// swift-tools-version: 6.1
import PackageDescription

/// A benchmark executable in the folder of its name, on the given products of simrun;
/// `resources` are files there that are read at run time, not compiled.
func benchmarkTarget(_ name: String, using products: [String], resources: [String] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: "simrun") }
            + [.product(name: "Benchmark", package: "benchmark")],
        path: name,
        exclude: resources,
        swiftSettings: [.swiftLanguageMode(.v6)],
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

// The benchmarks live in their own package so that package-benchmark never enters the main
// build: `swift test` at the root stays fast. Run them with `swift package benchmark` here.
let package = Package(
    name: "simrun-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "simrun", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("FanOut", using: ["SimEngine"]),
        benchmarkTarget("Clients", using: ["SimEngine", "SimTesting", "Scenarios"]),
        benchmarkTarget("Model", using: ["SimEngine", "Scenarios"], resources: ["peer-fanout.yaml"]),
    ]
)
