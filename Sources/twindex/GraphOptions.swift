import Analysis
import ArgumentParser
import Foundation
import Graph
import Output
import Render

/// `--algorithm`, `--resolution`, `--seed`, `--runs`: the clustering options of every network
/// command (cooccur, network).
struct ClusteringOptions: ParsableArguments {
    @Option(help: "Community detection: leiden or louvain.")
    var algorithm: CommunityDetection.Algorithm = .leiden

    @Option(help: ArgumentHelp("Resolution γ (networkx/igraph convention).", valueName: "R"))
    var resolution = 1.0

    @Option(help: ArgumentHelp("Random seed.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Runs with seeds S..S+K-1; the best modularity is kept.", valueName: "K"))
    var runs = 1

    /// The settings these options describe.
    var settings: ClusteringSettings {
        var s = ClusteringSettings()
        (s.algorithm, s.resolution, s.seed, s.runs) = (algorithm, resolution, seed, runs)
        return s
    }

    func validate() throws {
        if !(resolution > 0) || !resolution.isFinite { throw ValidationError("--resolution must be a positive number") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }
}

/// `--gexf`, `--graphml`, `--csv`: the files a network command writes.
struct GraphFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write GEXF 1.3 (Gephi).", valueName: "file"))
    var gexf: String?

    @Option(help: ArgumentHelp("Write GraphML.", valueName: "file"))
    var graphml: String?

    @Option(help: ArgumentHelp("Write PREFIX-nodes.csv and PREFIX-edges.csv.", valueName: "prefix"))
    var csv: String?

    /// True when any file is asked for.
    var any: Bool { gexf != nil || graphml != nil || csv != nil }

    /// Writes the files asked for, each made only when asked; all of them or none (each
    /// path is checked before any is written).
    func write(gexf makeGEXF: () -> String, graphML: () -> String, nodesCSV: () -> String, edgesCSV: () -> String) throws {
        let gexfFile = try gexf.map { try ReplacementFile(path: $0) }
        let graphMLFile = try graphml.map { try ReplacementFile(path: $0) }
        let nodesFile = try csv.map { try ReplacementFile(path: $0 + "-nodes.csv") }
        let edgesFile = try csv.map { try ReplacementFile(path: $0 + "-edges.csv") }
        try gexfFile?.commit(makeGEXF())
        try graphMLFile?.commit(graphML())
        try nodesFile?.commit(nodesCSV())
        try edgesFile?.commit(edgesCSV())
    }
}
