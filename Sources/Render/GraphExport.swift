import Analysis
import Foundation
import Model

/// The co-occurrence network as files other tools open: GEXF 1.3 (Gephi), GraphML, CSV,
/// and the `--json` document. All outputs are byte-stable for the same input.
public enum GraphExport {
    /// `twindex cooccur --json`.
    public static func json(_ r: CooccurrenceResult) -> JSONValue {
        .object([
            "algorithm": .string(r.algorithm.rawValue), "resolution": .double(r.resolution),
            "seed": .int(Int64(bitPattern: r.seed)), "runs": .int(r.runs), "more_than": .int(r.moreThan),
            "modularity": .double(r.modularity),
            "nodes": .array(r.nodes.map {
                .object(["tag": .string($0.tag), "label": .string($0.label), "frequency": .int($0.frequency),
                         "users": .int($0.users), "community": .int($0.community)])
            }),
            "edges": .array(r.edges.map {
                .object(["source": .string($0.source), "target": .string($0.target), "weight": .int($0.weight)])
            }),
            "communities": .array(r.communities.map {
                .object(["id": .int($0.id), "size": .int($0.size), "top": .array($0.top.map(JSONValue.string))])
            }),
        ])
    }

    /// GEXF 1.3, as Gephi opens it.
    ///
    /// ```swift
    /// try GraphExport.gexf(network).write(toFile: "net.gexf", atomically: true, encoding: .utf8)
    /// ```
    public static func gexf(_ r: CooccurrenceResult) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#,
            "  <meta>",
            "    <creator>twindex</creator>",
            "    <description>\(Markup.escape(description(r)))</description>",
            "  </meta>",
            #"  <graph mode="static" defaultedgetype="undirected">"#,
            #"    <attributes class="node">"#,
            #"      <attribute id="frequency" title="frequency" type="integer"/>"#,
            #"      <attribute id="users" title="users" type="integer"/>"#,
            #"      <attribute id="community" title="community" type="integer"/>"#,
            "    </attributes>",
            "    <nodes>",
        ]
        for node in r.nodes {
            lines.append(#"      <node id="\#(Markup.escape(node.tag))" label="\#(Markup.escape(node.label))">"#)
            lines.append("        <attvalues>")
            lines.append(#"          <attvalue for="frequency" value="\#(node.frequency)"/>"#)
            lines.append(#"          <attvalue for="users" value="\#(node.users)"/>"#)
            lines.append(#"          <attvalue for="community" value="\#(node.community)"/>"#)
            lines.append("        </attvalues>")
            lines.append("      </node>")
        }
        lines += ["    </nodes>", "    <edges>"]
        for (i, e) in r.edges.enumerated() {
            lines.append(#"      <edge id="\#(i)" source="\#(Markup.escape(e.source))" target="\#(Markup.escape(e.target))" weight="\#(e.weight)"/>"#)
        }
        lines += ["    </edges>", "  </graph>", "</gexf>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// GraphML.
    public static func graphML(_ r: CooccurrenceResult) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
            #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#,
            #"  <key id="frequency" for="node" attr.name="frequency" attr.type="long"/>"#,
            #"  <key id="users" for="node" attr.name="users" attr.type="long"/>"#,
            #"  <key id="community" for="node" attr.name="community" attr.type="int"/>"#,
            #"  <key id="weight" for="edge" attr.name="weight" attr.type="long"/>"#,
            #"  <graph id="cooccurrence" edgedefault="undirected">"#,
        ]
        for node in r.nodes {
            lines.append(#"    <node id="\#(Markup.escape(node.tag))">"#)
            lines.append(#"      <data key="label">\#(Markup.escape(node.label))</data>"#)
            lines.append(#"      <data key="frequency">\#(node.frequency)</data>"#)
            lines.append(#"      <data key="users">\#(node.users)</data>"#)
            lines.append(#"      <data key="community">\#(node.community)</data>"#)
            lines.append("    </node>")
        }
        for e in r.edges {
            lines.append(#"    <edge source="\#(Markup.escape(e.source))" target="\#(Markup.escape(e.target))"><data key="weight">\#(e.weight)</data></edge>"#)
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Nodes as CSV: tag, label, frequency, users, community.
    public static func nodesCSV(_ r: CooccurrenceResult) -> String {
        Table(columns: ["tag", "label", "frequency", "users", "community"], rows: r.nodes.map {
            [.string($0.tag), .string($0.label), .int($0.frequency), .int($0.users), .int($0.community)]
        }).csv()
    }

    /// Edges as CSV: source, target, weight.
    public static func edgesCSV(_ r: CooccurrenceResult) -> String {
        Table(columns: ["source", "target", "weight"], rows: r.edges.map {
            [.string($0.source), .string($0.target), .int($0.weight)]
        }).csv()
    }

    static func description(_ r: CooccurrenceResult) -> String {
        "Hashtag co-occurrence: tags in more than \(r.moreThan) tweets; \(r.algorithm.rawValue), resolution \(r.resolution), seed \(r.seed), modularity \(String(format: "%.4f", r.modularity))"
    }
}
