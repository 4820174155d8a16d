import Analysis
import ArgumentParser
import Foundation
import Graph
import Model
import Render
import Store

struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Figuur 2 and the account graphs: who mentions, replies to, retweets, quotes or follows whom, with betweenness, PageRank and communities.",
        discussion: """
            Nodes are accounts (lower-cased screen names); a directed edge runs from a tweet's author and weighs the unique tweets linking the pair (follow edges weigh 1). mention leaves native retweets out unless --include-retweets; interaction is the union of mention, reply, retweet and quote, a tweet counting once per pair; follow reads the edges `twindex follows` imported; user-hashtag is the bipartite graph of accounts and the hashtags in more than --more-than tweets. Betweenness is exact (networkx and Gephi's normalised definition) unless --betweenness-samples K estimates it from K seeded sources; PageRank is weighted, damping 0.85. Communities as in cooccur. The scope keeps the tweets whose links make the edges and whose authors' tweets are counted, so --corpus-only keeps the accounts that tweeted in it; follow edges are no tweets and all stay; labels and user ids come from the whole store.

            Example (the study's Figuur 2):  twindex network --kind follow --min-degree 50 --gexf figuur2.gexf
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "mention, reply, retweet, quote, interaction, follow or user-hashtag.")
    var kind: NetworkKind

    @Flag(name: .customLong("include-retweets"), help: "mention: keep the mentions of native retweets (their \"RT @x\").")
    var includeRetweets = false

    @Flag(name: .customLong("corpus-only"), help: "Keep only accounts that authored a tweet in the store.")
    var corpusOnly = false

    @Option(name: .customLong("min-degree"), help: ArgumentHelp(
        "Keep accounts with more than N distinct neighbours on the whole graph (the study: 50).", valueName: "N"))
    var minDegree: Int?

    @Option(name: .customLong("more-than"), help: ArgumentHelp("user-hashtag: hashtags in more than N tweets.", valueName: "N"))
    var moreThan = 100

    @Option(name: .customLong("betweenness-samples"), help: ArgumentHelp(
        "Estimate betweenness from K sources drawn with --seed (exact when K ≥ nodes).", valueName: "K"))
    var betweennessSamples: Int?

    @Option(help: ArgumentHelp("Accounts shown in the table, by betweenness.", valueName: "N"))
    var top = 20

    @OptionGroup var clustering: ClusteringOptions
    @OptionGroup var files: GraphFileOptions

    func validate() throws {
        if let minDegree, minDegree < 0 { throw ValidationError("--min-degree must be 0 or more") }
        if moreThan < 0 { throw ValidationError("--more-than must be 0 or more") }
        if let betweennessSamples, betweennessSamples < 1 { throw ValidationError("--betweenness-samples must be at least 1") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if includeRetweets && analysis.scope.excludeRetweets {
            throw ValidationError("--include-retweets and --exclude-retweets exclude each other")
        }
    }

    func run() throws {
        try reportingErrors {
            let (db, zone, scope) = try analysis.resolved()
            var options = AccountNetwork.Options()
            (options.kind, options.includeRetweets, options.corpusOnly) = (kind, includeRetweets, corpusOnly)
            (options.minDegree, options.moreThan, options.betweennessSamples) = (minDegree, moreThan, betweennessSamples)
            (options.scope, options.timeZone, options.clustering) = (scope, zone, clustering.settings)
            let network = try AccountNetwork.network(in: db, options: options)
            let result = network.result
            if files.any {
                let positions = files.gexf == nil ? nil : network.layout()
                if files.gexf != nil, positions == nil {
                    Console.err("twindex: \(result.nodes.count) nodes are too many for the built-in layout: the GEXF has no positions (run a layout in Gephi)")
                }
                let document = AccountNetworkExport.document(result, positions: positions)
                try files.write(gexf: document.gexf, graphML: document.graphML, nodesCSV: document.nodesCSV, edgesCSV: document.edgesCSV)
            }
            if analysis.json {
                try Console.json(AnalysisJSON.scoped(AccountNetworkExport.json(result), options.scope))
                return
            }
            try Console.out(AnalysisText.accountNetwork(result, top: top))
        }
    }
}
