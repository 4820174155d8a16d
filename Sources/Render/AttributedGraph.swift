import Foundation
import Model

/// A network with typed node attributes and drawing hints, written as the files other tools
/// open: GEXF 1.3 with `viz:` colour, size and position (Gephi), GraphML (yEd, networkx,
/// igraph), and node and edge CSVs with the headers Gephi's spreadsheet import expects
/// (`Id`, `Label`, …; `Source`, `Target`, `Weight`, `Type`). Byte-stable for the same input.
///
/// ```swift
/// let file = AccountNetworkExport.document(result, positions: positions)
/// try file.gexf().write(toFile: "figuur2.gexf", atomically: true, encoding: .utf8)
/// ```
public struct AttributedGraph: Sendable {
    /// A node attribute: its name and value type.
    public struct Column: Sendable {
        /// The attribute's name (id and title).
        public var name: String
        /// Its values' type.
        public var type: ValueType
        /// A column.
        public init(_ name: String, _ type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    /// Attribute value types, as GEXF and GraphML name them.
    public enum ValueType: Sendable {
        /// 64-bit integers.
        case integer
        /// Doubles.
        case double
        /// Text.
        case string

        var gexf: String { switch self { case .integer: "long"; case .double: "double"; case .string: "string" } }
        var graphML: String { switch self { case .integer: "long"; case .double: "double"; case .string: "string" } }
    }

    /// A node: id, label, one value per column (`.null`: absent) and how to draw it.
    public struct Node: Sendable {
        /// The node's id in every file.
        public var id: String
        /// The name shown.
        public var label: String
        /// Values in column order.
        public var values: [JSONValue]
        /// `#rrggbb`.
        public var colour: String?
        /// Drawing size.
        public var size: Double?
        /// Drawing position.
        public var position: (x: Double, y: Double)?
        /// A node.
        public init(id: String, label: String, values: [JSONValue], colour: String? = nil, size: Double? = nil,
                    position: (x: Double, y: Double)? = nil) {
            (self.id, self.label, self.values) = (id, label, values)
            (self.colour, self.size, self.position) = (colour, size, position)
        }
    }

    /// A weighted edge between node ids.
    public struct Edge: Sendable {
        /// Ends, by node id.
        public var source, target: String
        /// Weight.
        public var weight: Int64
        /// An edge.
        public init(source: String, target: String, weight: Int64) {
            (self.source, self.target, self.weight) = (source, target, weight)
        }
    }

    /// Directed edges or not.
    public var directed: Bool
    /// What the network is (GEXF meta description, GraphML graph id).
    public var name: String
    /// A sentence describing how it was made.
    public var description: String
    /// Node attributes.
    public var columns: [Column]
    /// Nodes in order.
    public var nodes: [Node]
    /// Edges in order.
    public var edges: [Edge]

    /// A document.
    public init(directed: Bool, name: String, description: String, columns: [Column], nodes: [Node], edges: [Edge]) {
        (self.directed, self.name, self.description) = (directed, name, description)
        (self.columns, self.nodes, self.edges) = (columns, nodes, edges)
    }

    private var edgeType: String { directed ? "directed" : "undirected" }

    /// GEXF 1.3 with the viz module.
    public func gexf() -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"# + "\n"
        out += "  <meta><creator>twindex</creator><description>\(Markup.escape(description))</description></meta>\n"
        out += #"  <graph mode="static" defaultedgetype="\#(edgeType)">"# + "\n"
        out += #"    <attributes class="node">"# + "\n"
        for c in columns {
            out += #"      <attribute id="\#(Markup.escape(c.name))" title="\#(Markup.escape(c.name))" type="\#(c.type.gexf)"/>"# + "\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for node in nodes {
            out += #"      <node id="\#(Markup.escape(node.id))" label="\#(Markup.escape(node.label))">"# + "\n        <attvalues>\n"
            for (c, v) in zip(columns, node.values) where v != .null {
                out += #"          <attvalue for="\#(Markup.escape(c.name))" value="\#(Markup.escape(Table.plain(v)))"/>"# + "\n"
            }
            out += "        </attvalues>\n"
            if let rgb = node.colour.flatMap(Self.rgb) {
                out += #"        <viz:color r="\#(rgb.0)" g="\#(rgb.1)" b="\#(rgb.2)"/>"# + "\n"
            }
            if let size = node.size { out += #"        <viz:size value="\#(Self.number(size))"/>"# + "\n" }
            if let p = node.position {
                out += #"        <viz:position x="\#(Self.number(p.x))" y="\#(Self.number(p.y))" z="0"/>"# + "\n"
            }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, e) in edges.enumerated() {
            out += #"      <edge id="\#(i)" source="\#(Markup.escape(e.source))" target="\#(Markup.escape(e.target))" weight="\#(e.weight)"/>"# + "\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// GraphML, attributes as `<key>`s (and `label`, `weight`).
    public func graphML() -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"# + "\n"
        let keys = [Column("label", .string)] + columns
        for c in keys {
            out += #"  <key id="\#(Markup.escape(c.name))" for="node" attr.name="\#(Markup.escape(c.name))" attr.type="\#(c.type.graphML)"/>"# + "\n"
        }
        out += #"  <key id="weight" for="edge" attr.name="weight" attr.type="long"/>"# + "\n"
        out += #"  <graph id="\#(Markup.escape(name))" edgedefault="\#(edgeType)">"# + "\n"
        for node in nodes {
            out += #"    <node id="\#(Markup.escape(node.id))">"#
            for (c, v) in zip(keys, [JSONValue.string(node.label)] + node.values) where v != .null {
                out += #"<data key="\#(Markup.escape(c.name))">\#(Markup.escape(Table.plain(v)))</data>"#
            }
            out += "</node>\n"
        }
        for e in edges {
            out += #"    <edge source="\#(Markup.escape(e.source))" target="\#(Markup.escape(e.target))"><data key="weight">\#(e.weight)</data></edge>"# + "\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// Nodes for Gephi's spreadsheet import: `Id`, `Label`, then the columns.
    public func nodesCSV() -> String {
        Table(columns: ["Id", "Label"] + columns.map(\.name),
              rows: nodes.map { [.string($0.id), .string($0.label)] + $0.values }).csv()
    }

    /// Edges for Gephi's spreadsheet import: `Source`, `Target`, `Weight`, `Type`.
    public func edgesCSV() -> String {
        let type = JSONValue.string(directed ? "Directed" : "Undirected")
        return Table(columns: ["Source", "Target", "Weight", "Type"],
                     rows: edges.map { [.string($0.source), .string($0.target), .int($0.weight), type] }).csv()
    }

    /// `#rrggbb` as three bytes.
    static func rgb(_ hex: String) -> (Int, Int, Int)? {
        guard hex.count == 7, hex.hasPrefix("#"), let v = Int(hex.dropFirst(), radix: 16) else { return nil }
        return (v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF)
    }

    /// A coordinate or size with six decimals, no exponent.
    static func number(_ v: Double) -> String { String(format: "%.6f", v) }
}
