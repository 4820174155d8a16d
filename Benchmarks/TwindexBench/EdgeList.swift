import Foundation
import Graph

extension BenchProbe {
    /// The directed graph of `twindex network --csv PREFIX`'s `PREFIX-edges.csv` (header
    /// `Source,Target,Weight,Type`; account keys hold no comma or quote), nodes numbered in
    /// order of first appearance.
    static func graph(edgesCSV path: String) throws -> DirectedGraph {
        var index: [Substring: Int] = [:]
        var edges: [(Int, Int, Double)] = []
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func node(_ key: Substring) -> Int {
            if let i = index[key] { return i }
            index[key] = index.count
            return index.count - 1
        }
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 3, let w = Double(f[2]) else { continue }
            edges.append((node(f[0]), node(f[1]), w))
        }
        return DirectedGraph(nodeCount: index.count, edges: edges)
    }
}
