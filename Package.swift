// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// A layer of the engine: a target under `Sources/SimEngine/<folder>`.
func layer(_ name: String, folder: String, dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, path: "Sources/SimEngine/\(folder)", swiftSettings: strictSwift)
}

// The engine's layers, each allowed to import only those before it, so that data flows one way
// and a back-edge does not compile:
//
//   SimSupport  ->  SimRuntime  ->  SimEvents  ->  SimModel
//                                       |
//                                       +--------->  SimCheckers, SimMetrics  ->  SimReports
//
// SimRuntime knows nothing of chat. SimModel emits SimEvents' typed events and measurements
// through sinks; the checkers and metrics consume them, without seeing the model; the reports
// read an immutable run result. Scenarios wires them together, and simrun is the command line.
let package = Package(
    name: "simrun",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SimEngine", targets: [
            "SimSupport", "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics", "SimReports",
        ]),
        .library(name: "SimTesting", targets: ["SimTesting"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .executable(name: "simrun", targets: ["simrun"]),
    ],
    traits: [
        .trait(name: "Jemalloc", description: "Link jemalloc (Debian: libjemalloc-dev) into the simrun executable."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        layer("SimSupport", folder: "Support", dependencies: []),
        layer("SimRuntime", folder: "Runtime", dependencies: ["SimSupport"]),
        layer("SimEvents", folder: "Events", dependencies: ["SimSupport", "SimRuntime"]),
        layer("SimModel", folder: "Model", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", .product(name: "DequeModule", package: "swift-collections"),
        ]),
        layer("SimCheckers", folder: "Checkers", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", .product(name: "DequeModule", package: "swift-collections"),
        ]),
        layer("SimMetrics", folder: "Metrics", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        layer("SimReports", folder: "Reports", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", "SimCheckers", "SimMetrics",
        ]),
        layer("SimTesting", folder: "Testing", dependencies: [
            "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics",
        ]),
        .target(
            name: "Scenarios",
            dependencies: [
                "SimSupport", "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics", "SimReports",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "simrun",
            dependencies: [
                "SimSupport", "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics", "SimReports", "Scenarios",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift,
            linkerSettings: [.linkedLibrary("jemalloc", .when(traits: ["Jemalloc"]))]
        ),
        .testTarget(name: "SimRuntimeTests", dependencies: ["SimSupport", "SimRuntime"], swiftSettings: strictSwift),
        .testTarget(name: "SimEventsTests", dependencies: ["SimRuntime", "SimEvents", "SimTesting"],
                    swiftSettings: strictSwift),
        .testTarget(name: "SimModelTests", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics", "SimTesting",
        ], swiftSettings: strictSwift),
        .testTarget(name: "SimCheckersTests", dependencies: ["SimRuntime", "SimEvents", "SimCheckers", "SimTesting"],
                    resources: [.copy("Fixtures")], swiftSettings: strictSwift),
        .testTarget(name: "SimMetricsTests", dependencies: ["SimSupport", "SimRuntime", "SimEvents", "SimMetrics"],
                    swiftSettings: strictSwift),
        .testTarget(name: "SimReportsTests", dependencies: [
            "SimSupport", "SimRuntime", "SimEvents", "SimCheckers", "SimMetrics", "SimReports",
        ], swiftSettings: strictSwift),
        .testTarget(name: "ScenariosTests", dependencies: [
            "Scenarios", "SimSupport", "SimRuntime", "SimEvents", "SimModel", "SimCheckers", "SimMetrics", "SimReports",
            "SimTesting",
        ], swiftSettings: strictSwift),
        .testTarget(name: "SimrunTests", dependencies: ["simrun", .product(name: "Yams", package: "Yams")],
                    swiftSettings: strictSwift),
    ]
)
