// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SIMRUN_JEMALLOC=1 links jemalloc (Debian: libjemalloc-dev) into the simrun executable. It is
// off by default: the engine allocates little in its hot paths, and jemalloc measured no faster
// there (see README, "Memory allocator"). It helps allocation-heavy models.
let linkJemalloc = ProcessInfo.processInfo.environment["SIMRUN_JEMALLOC"] == "1"

let strictSwift: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "simrun",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SimEngine", targets: ["SimEngine"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .executable(name: "simrun", targets: ["simrun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "SimEngine",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Scenarios",
            dependencies: [
                "SimEngine",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "simrun",
            dependencies: [
                "SimEngine",
                "Scenarios",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift,
            linkerSettings: linkJemalloc ? [.linkedLibrary("jemalloc")] : []
        ),
        .testTarget(name: "SimEngineTests", dependencies: ["SimEngine"], swiftSettings: strictSwift),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "SimEngine"], swiftSettings: strictSwift),
        .testTarget(name: "SimrunTests", dependencies: ["simrun"], swiftSettings: strictSwift),
    ]
)
