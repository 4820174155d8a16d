import Analysis
import ArgumentParser
import Foundation
import Graph
import Render
import Store

struct Cooccur: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooccur",
        abstract: "Figuur 3: the hashtag co-occurrence network, clustered by modularity, with Gephi exports.",
        discussion: """
            Nodes are hashtags (normalised) carried by more than N tweets; an edge's weight is the number of tweets carrying both tags. Communities maximise weighted modularity (resolution γ: larger, smaller communities; Gephi's resolution is 1/γ). Leiden guarantees connected communities; Louvain is what Gephi runs. --runs K keeps the best of seeds S..S+K-1; the same store, seed and options give byte-identical output.

            Example:  twindex cooccur --more-than 100 --runs 10 --gexf figuur3.gexf
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    @Option(name: .customLong("more-than"), help: ArgumentHelp("Keep tags in more than N tweets.", valueName: "N"))
    var moreThan = 100

    @Option(help: "Community detection: leiden or louvain.")
    var algorithm: CommunityDetection.Algorithm = .leiden

    @Option(help: ArgumentHelp("Resolution γ (networkx/igraph convention).", valueName: "R"))
    var resolution = 1.0

    @Option(help: ArgumentHelp("Random seed.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Runs with seeds S..S+K-1; the best modularity is kept.", valueName: "K"))
    var runs = 1

    @Option(help: ArgumentHelp("Write GEXF 1.3 (Gephi).", valueName: "file"))
    var gexf: String?

    @Option(help: ArgumentHelp("Write GraphML.", valueName: "file"))
    var graphml: String?

    @Option(help: ArgumentHelp("Write PREFIX-nodes.csv and PREFIX-edges.csv.", valueName: "prefix"))
    var csv: String?

    func validate() throws {
        if !(resolution > 0) || !resolution.isFinite { throw ValidationError("--resolution must be a positive number") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if moreThan < 0 { throw ValidationError("--more-than must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            var options = Cooccurrence.Options()
            options.moreThan = moreThan
            options.algorithm = algorithm
            options.resolution = resolution
            options.seed = seed
            options.runs = runs
            let result = try Cooccurrence.compute(in: try Store.openForReading(path: store.path), options: options)
            if let gexf { try GraphExport.gexf(result).write(toFile: gexf, atomically: true, encoding: .utf8) }
            if let graphml { try GraphExport.graphML(result).write(toFile: graphml, atomically: true, encoding: .utf8) }
            if let csv {
                try GraphExport.nodesCSV(result).write(toFile: csv + "-nodes.csv", atomically: true, encoding: .utf8)
                try GraphExport.edgesCSV(result).write(toFile: csv + "-edges.csv", atomically: true, encoding: .utf8)
            }
            if output.json {
                Console.json(GraphExport.json(result))
                return
            }
            if result.nodes.isEmpty {
                Console.out("no hashtag is in more than \(moreThan) tweets; try a lower --more-than")
                return
            }
            Console.out("""
                \(result.nodes.count) hashtags in more than \(moreThan) tweets, \(result.edges.count) co-occurrence edges
                \(result.algorithm.rawValue), resolution \(result.resolution), seed \(result.seed)\(runs > 1 ? " (best of \(runs) runs)" : ""): \
                modularity Q = \(String(format: "%.4f", result.modularity)), \(result.communities.count) communities
                """)
            let labels = Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.tag, $0.label) })
            for c in result.communities {
                Console.out(String(format: "%3d  %4d tags  ", c.id, c.size) + c.top.map { "#" + (labels[$0] ?? $0) }.joined(separator: " "))
            }
        }
    }
}
