/// A node as a network drawing shows it.
struct DrawnNode {
    /// Circle radius in pixels.
    var radius: Double
    /// Fill colour.
    var colour: String
    /// The hover text.
    var title: String
    /// The name written above the circle, or nil for none.
    var label: String?
}

extension SVGCharts {
    /// A network drawn from `positions` (about [-1, 1]², one per node): grey edges as wide as
    /// their weight, then the nodes with their hover titles and labels, then the legend.
    static func network(positions: [(x: Double, y: Double)], edges: [(source: Int, target: Int, weight: Int64)],
                        nodes: [DrawnNode], legend items: [(String, String)]) -> String {
        let size = 760.0, pad = 60.0
        let px = { (i: Int) in fmt(pad + (positions[i].x + 1) / 2 * (size - 2 * pad)) }
        let py = { (i: Int, up: Double) in fmt(pad + (positions[i].y + 1) / 2 * (size - 2 * pad) - up) }
        let maxW = Double(edges.map(\.weight).max() ?? 1)
        var s = #"<svg viewBox="0 0 \#(Int(size)) \#(Int(size))" role="img" class="net">"#
        for e in edges {
            let w = 0.3 + 3 * Double(e.weight) / maxW
            s += #"<line x1="\#(px(e.source))" y1="\#(py(e.source, 0))" x2="\#(px(e.target))" y2="\#(py(e.target, 0))" stroke="gray" stroke-opacity="0.35" stroke-width="\#(fmt(w))"/>"#
        }
        for (i, n) in nodes.enumerated() {
            s += #"<circle cx="\#(px(i))" cy="\#(py(i, 0))" r="\#(fmt(n.radius))" fill="\#(n.colour)" stroke="white"><title>\#(Markup.escape(n.title))</title></circle>"#
        }
        for (i, n) in nodes.enumerated() {
            guard let label = n.label else { continue }
            s += #"<text x="\#(px(i))" y="\#(py(i, n.radius + 2))" class="nl" text-anchor="middle">\#(Markup.escape(label))</text>"#
        }
        return s + legend(items, x: 10, y: 10, right: size - 10) + "</svg>"
    }
}
