import Analysis
import ArgumentParser
import Foundation
import Graph
import Output
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

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .customLong("more-than"), help: ArgumentHelp("Keep tags in more than N tweets.", valueName: "N"))
    var moreThan = 100

    @OptionGroup var clustering: ClusteringOptions
    @OptionGroup var files: GraphFileOptions

    func validate() throws {
        if moreThan < 0 { throw ValidationError("--more-than must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let (db, zone, scope) = try analysis.resolved()
            var options = Cooccurrence.Options()
            (options.moreThan, options.scope, options.timeZone, options.clustering) = (moreThan, scope, zone, clustering.settings)
            let network = try Cooccurrence.network(in: db, options: options)
            let result = network.result
            // The report's drawing, laid out only when a GEXF (the one file that carries it) is asked for.
            let document = GraphExport.document(result, positions: files.gexf == nil ? nil : NetworkLayout(network).positions)
            try files.write(gexf: document.gexf, graphML: document.graphML, nodesCSV: document.nodesCSV, edgesCSV: document.edgesCSV)
            if analysis.json {
                try Console.json(AnalysisJSON.scoped(GraphExport.json(result), options.scope))
                return
            }
            if result.nodes.isEmpty {
                try Console.out("no hashtag is in more than \(moreThan) tweets; try a lower --more-than")
                return
            }
            try Console.out("""
                \(result.nodes.count) hashtags in more than \(moreThan) tweets, \(result.edges.count) co-occurrence edges
                \(result.algorithm.rawValue), resolution \(result.resolution), seed \(result.seed)\(clustering.runs > 1 ? " (best of \(clustering.runs) runs)" : ""): \
                modularity Q = \(String(format: "%.4f", result.modularity)), \(result.communities.count) communities
                """)
            let labels = Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.tag, $0.label) })
            for c in result.communities {
                // Labels are data: sanitised as every table's cells are.
                try Console.out(String(format: "%3d  %4d tags  ", c.id, c.size)
                                + TerminalText.sanitized(c.top.map { "#" + (labels[$0] ?? $0) }.joined(separator: " ")))
            }
        }
    }
}
