import Analysis
import Foundation
import Model

/// The report's sections on accounts: Figuur 2 (the accounts' network, sized by betweenness)
/// and the per-account table of the most active accounts with their Tabel 6 shares.
extension HTMLReport {
    /// Accounts in Figuur 2's betweenness table, and labelled in its drawing.
    static let brokersShown = 15, accountsLabelled = 25
    /// Figuur 2 draws the heaviest edges only, so that the page stays small.
    static let accountEdgesDrawn = 2000

    static func accountNetwork(_ d: ReportData) -> ReportSection {
        let r = d.accountNetwork, o = r.options
        let title = "Figuur 2 — who addresses whom: the accounts' \(r.kind.rawValue) network"
        let byBetweenness = r.nodes.indices.sorted {
            (r.nodes[$0].betweenness, r.nodes[$1].key) > (r.nodes[$1].betweenness, r.nodes[$0].key)
        }
        let top = byBetweenness.prefix(brokersShown).map { r.nodes[$0] }
        let embedded: [String: JSONValue] = ["account_network": .object([
            "kind": .string(r.kind.rawValue), "corpus_only": .bool(o.corpusOnly),
            "min_degree": o.minDegree.map { .int($0) } ?? .null, "nodes": .int(r.nodes.count), "edges": .int(r.edges.count),
            "algorithm": .string(o.clustering.algorithm.rawValue), "seed": .int(Int64(bitPattern: r.seed)), "modularity": .double(r.modularity),
            "communities": .array(r.communities.map {
                .object(["id": .int($0.id), "size": .int($0.size), "top": .array($0.top.map(JSONValue.string))])
            }),
            "top_betweenness": .array(top.map { AccountNetworkExport.node($0, bipartite: false) }),
        ])]
        let filter = o.minDegree.map { "with more than \($0) distinct neighbours" } ?? "with any edge"
        guard !r.nodes.isEmpty else {
            return ReportSection(id: "accounts-network", title: title, html: "<p class=\"note\">No \(r.kind.rawValue) edges between "
                                 + "\(o.corpusOnly ? "the corpus's " : "")accounts \(filter).</p>", embedded: embedded)
        }
        var html = "<p class=\"note\">\(num(Int64(r.nodes.count))) \(o.corpusOnly ? "corpus " : "")accounts \(filter) "
            + "(the study's filter, more than 50, scaled to this corpus's tweets per account), \(num(Int64(r.edges.count))) directed edges "
            + "weighing the tweets that link the pair; \(o.clustering.algorithm.rawValue), resolution \(o.clustering.resolution), seed \(r.seed): "
            + "modularity Q = \(String(format: "%.4f", r.modularity)), \(r.communities.count) communities. "
            + "Node size: betweenness; colour: community. `twindex network --kind \(r.kind.rawValue)` gives it all, and the GEXF for Gephi.</p>"
        if let positions = d.accountLayout {
            let labelled = Set(byBetweenness.prefix(accountsLabelled))
            let maxB = max(r.nodes.map(\.betweenness).max() ?? 0, 1e-300)
            let drawn = r.nodes.enumerated().map { i, n in
                DrawnNode(radius: 2 + 14 * (n.betweenness / maxB).squareRoot(), colour: SVGCharts.communityColour(n.community),
                          title: "@\(n.label): \(n.tweets) tweets, betweenness \(String(format: "%.4f", n.betweenness)), community \(n.community)",
                          label: labelled.contains(i) ? "@" + n.label : nil)
            }
            let edges = zip(r.edges, d.accountEdgeEnds).map { ($1.source, $1.target, $0.weight) }
            let heaviest = edges.count <= accountEdgesDrawn ? edges
                : Array(edges.enumerated().sorted { ($0.element.2, $1.offset) > ($1.element.2, $0.offset) }
                    .prefix(accountEdgesDrawn).map(\.element))
            html += "<figure>" + SVGCharts.network(positions: positions, edges: heaviest, nodes: drawn,
                                                   legend: communityLegend(r.communities)) + "</figure>"
            if heaviest.count < edges.count {
                html += "<p class=\"note\">The \(num(Int64(heaviest.count))) heaviest edges are drawn.</p>"
            }
        } else {
            html += "<p class=\"note\">Too many accounts to draw here (more than \(ReportData.maxDrawnAccounts)).</p>"
        }
        html += "<h3>Top accounts by betweenness</h3>" + table(
            ["account", "tweets", "in", "out", "in weight", "out weight", "betweenness", "PageRank", "community"],
            top.map { n in
                ["@" + n.label, num(n.tweets), String(n.inDegree), String(n.outDegree), num(n.inWeight), num(n.outWeight),
                 String(format: "%.5f", n.betweenness), String(format: "%.5f", n.pagerank), String(n.community)]
            }, numeric: [1, 2, 3, 4, 5, 6, 7, 8])
        let labels = Dictionary(r.nodes.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        html += table(["community", "accounts", "leading accounts (by weighted degree)"], r.communities.prefix(10).map {
            [String($0.id), String($0.size), $0.top.prefix(8).map { "@" + (labels[$0] ?? $0) }.joined(separator: " ")]
        }, numeric: [0, 1])
        return ReportSection(id: "accounts-network", title: title, html: html, embedded: embedded)
    }

    static func accounts(_ d: ReportData) -> ReportSection {
        let share = { (a: AccountRow, n: Int64) in "\(num(n)) (\(pct(a.share(n))))" }
        let html = table(["account", "tweets", "with hashtags", "with mentions", "starting with @", "replies", "retweets",
                          "mentions received"], d.accounts.map { a in
            ["@" + (a.screenName ?? String(a.userID)), num(a.tweets), share(a, a.withHashtags), share(a, a.withMentions),
             share(a, a.startsWithAt), num(a.replies), num(a.retweets), num(a.mentionsReceived)]
        }, numeric: [1, 2, 3, 4, 5, 6, 7])
            + "<p class=\"note\">Tabel 6 per account: which accounts drive the corpus's shares. `twindex users` lists every account.</p>"
        return ReportSection(id: "accounts", title: "The \(d.accounts.count) most active accounts", html: html,
                             embedded: ["users": AccountsExport.json(d.accounts)])
    }
}
