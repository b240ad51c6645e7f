// swift-tools-version: 6.1
import PackageDescription

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
        .executableTarget(
            name: "FanOut",
            dependencies: [
                .product(name: "SimEngine", package: "simrun"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "FanOut",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Clients",
            dependencies: [
                .product(name: "SimEngine", package: "simrun"),
                .product(name: "SimTesting", package: "simrun"),
                .product(name: "Scenarios", package: "simrun"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Clients",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Model",
            dependencies: [
                .product(name: "SimEngine", package: "simrun"),
                .product(name: "Scenarios", package: "simrun"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Model",
            exclude: ["peer-fanout.yaml"],
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
