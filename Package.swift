// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "twindex",
    products: [
        .executable(name: "twindex", targets: ["twindex"]),
        .library(name: "TwindexKit", targets: ["Model", "Text", "Ingest", "Store", "Load", "Analysis", "Graph", "Output", "Render", "Generate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (Debian: libsqlite3-dev, zlib1g-dev, libicu-dev, libsimdjson-dev, libarchive-dev, libpq-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CArchive", path: "Sources/CArchive"),
        .target(name: "CICU", path: "Sources/CICU", linkerSettings: [.linkedLibrary("icuuc")]),
        .target(name: "CSimdJSON", path: "Sources/CSimdJSON",
                cxxSettings: [.unsafeFlags(["-O3", "-std=c++17"])],
                linkerSettings: [.linkedLibrary("simdjson"), .linkedLibrary("stdc++")]),

        .target(name: "Model"),
        .target(name: "Text", dependencies: ["CICU"]),
        .target(name: "Ingest", dependencies: ["Model", "Text", "CSimdJSON", "CZlib", "CArchive"]),
        .target(name: "Store", dependencies: ["Model", "CSQLite", "CPostgres"]),
        .target(name: "Load", dependencies: ["Model", "Ingest", "Store"]),
        .target(name: "Graph", dependencies: ["Model"]),
        .target(name: "Analysis", dependencies: ["Model", "Text", "Store", "Graph"]),
        .target(name: "Output", dependencies: ["Model"]),
        .target(name: "Render", dependencies: ["Model", "Store", "Analysis", "Output"]),
        .target(name: "Generate", dependencies: ["Model", "Text", "CArchive"]),
        .executableTarget(name: "twindex", dependencies: [
            "Model", "Text", "Ingest", "Store", "Load", "Analysis", "Graph", "Output", "Render", "Generate",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "twindex-bench", dependencies: ["Model", "Text", "Ingest", "Store", "Graph", "TestSupport"], path: "Benchmarks/TwindexBench"),

        .target(name: "TestSupport", dependencies: ["Model", "Ingest", "Store", "Load", "Generate"], path: "Tests/TestSupport"),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "TextTests", dependencies: ["Text", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model", "Store", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Ingest", "Model", "TestSupport"]),
        .testTarget(name: "LoadTests", dependencies: ["Load", "Store", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Store", "Graph", "Generate", "Text", "TestSupport"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Model", "TestSupport"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "Analysis", "Graph", "Model", "Store", "TestSupport"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "Ingest", "Generate", "Model", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Model", "Analysis", "Graph", "Store", "Generate", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
