import Analysis
import Foundation
import Model
import Output

extension AnalysisText {
    /// `twindex network` on a terminal: the graph's size and clustering, the `top` nodes by
    /// betweenness with their figures, and each community's leading accounts.
    public static func accountNetwork(_ r: AccountNetworkResult, top: Int) -> String {
        let what = r.kind == .userHashtag ? "nodes (accounts and hashtags)" : "accounts"
        guard !r.nodes.isEmpty else {
            return r.kind == .follow
                ? "no follow edges in the store: import some with `twindex follows FILE`"
                : "no \(r.kind.rawValue) edges between \(what) (with these filters)"
        }
        let o = r.options
        var lines = [
            "\(r.kind.rawValue) network: \(grouped(Int64(r.nodes.count))) \(what), \(grouped(Int64(r.edges.count))) \(r.directed ? "directed " : "")edges",
            "\(o.clustering.algorithm.rawValue), resolution \(o.clustering.resolution), seed \(r.seed)\(o.clustering.runs > 1 ? " (best of \(o.clustering.runs) runs)" : ""): "
                + "modularity Q = \(String(format: "%.4f", r.modularity)), \(r.communities.count) communities",
            "",
        ]
        let shown = r.nodes.sorted { ($0.betweenness, $1.key) > ($1.betweenness, $0.key) }.prefix(top)
        let table = Table(columns: ["account", "tweets", "in", "out", "in_weight", "out_weight", "betweenness", "pagerank", "community"],
                          rows: shown.map { n in
            [.string((n.type == .hashtag ? "#" : "@") + n.label), .int(n.tweets), .int(n.inDegree), .int(n.outDegree),
             .int(n.inWeight), .int(n.outWeight), .string(String(format: "%.5f", n.betweenness)),
             .string(String(format: "%.5f", n.pagerank)), .int(n.community)]
        })
        lines.append("top \(shown.count) by betweenness\(o.betweennessSamples.map { " (estimated from \($0) sources)" } ?? ""):")
        lines.append(table.text(width: 120))
        let labels = Dictionary(r.nodes.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        for c in r.communities.prefix(10) {
            // Labels are data (screen names, hashtags): sanitised as the table's cells are.
            lines.append(String(format: "%3d  %5d nodes  ", c.id, c.size)
                         + TerminalText.sanitized(c.top.prefix(6).map { labels[$0] ?? $0 }.joined(separator: " ")))
        }
        if r.communities.count > 10 { lines.append("     … \(r.communities.count - 10) smaller communities") }
        return lines.joined(separator: "\n")
    }
}
