import Analysis
import Model

/// One self-contained HTML page (inline CSS and SVG, no script, no network references):
/// the study's tables and figures for a store.
public enum HTMLReport {
    /// The page for `d`.
    public static func render(_ d: ReportData) -> String {
        let e = Markup.escape
        var h = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>twindex report — \(e(d.storePath))</title>
            <style>\(css)</style></head><body><main>
            <h1>twindex report</h1>
            <p class="sub">Store <code>\(e(d.storePath))</code> · times in \(e(d.days.timeZone)) · definitions: ANALYSIS.md</p>
            """
        let built = sections.map { $0(d) }
        for section in built {
            h += "<section id=\"\(section.id)\"><h2>\(Markup.escape(section.title))</h2>\n\(section.html)\n</section>\n"
        }
        h += "<script type=\"application/json\" id=\"twindex-data\">\(embedded(built, year: d.year))</script>\n"
        h += "<footer>Made by twindex. Numbers come from the same analysers as the command line (`twindex ratios --json` and friends).</footer>"
        return h + "</main></body></html>\n"
    }

    /// The sections of the page, in order. To add one: a field in `ReportData` (Analysis)
    /// and a function `(ReportData) -> ReportSection` in ReportSections.swift, listed here.
    static let sections: [(ReportData) -> ReportSection] = [summary, ratios, completeness, timeline, year, activity, hashtags, network,
                                                            accountNetwork, accounts]

    /// The analysers' JSON documents behind the page (each section's `embedded`, and the
    /// year), for tools and tests; `<`, `>` and `&` are escaped so the block can never end
    /// the script early.
    static func embedded(_ sections: [ReportSection], year: Int) -> String {
        var fields: [String: JSONValue] = ["year": .int(year)]
        for section in sections { fields.merge(section.embedded) { first, _ in first } }
        let doc = JSONValue.object(fields)
        return doc.rendered(pretty: false).replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }

    /// A table in a box that scrolls sideways when the table is wider than the page.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var s = "<div class=\"scroll\"><table><thead><tr>" + header.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            s += "<tr>" + row.enumerated().map { i, c in
                "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(Markup.escape(c))</td>"
            }.joined() + "</tr>"
        }
        return s + "</tbody></table></div>"
    }

    static func num(_ v: Int64) -> String { AnalysisText.grouped(v) }

    static func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:960px;margin:0 auto;padding:24px}
        h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .sub,.note,footer{color:#555;font-size:.9em}
        table{border-collapse:collapse;margin:8px 0;font-size:.92em}th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f5f5f5}
        svg{width:100%;height:auto;display:block}figure{margin:8px 0}
        .grid{stroke:#e5e5e5}.axis{stroke:#444}.tick{font-size:11px;fill:#444}.axis-title{font-size:12px;fill:#222}
        .legend{font-size:12px;fill:#222}.nl{font-size:11px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .net{max-width:760px;margin:auto}.heat{max-width:800px}svg{max-width:860px}.scroll{overflow-x:auto;max-width:100%}
        code{overflow-wrap:anywhere}
        @media (max-width:600px){main{padding:12px 10px}h1{font-size:1.4em}
        .tick{font-size:20px}.axis-title,.legend{font-size:22px}.nl{font-size:24px}}
        @media print{main{max-width:none;padding:0}section{break-inside:avoid}h2{break-after:avoid}}
        """
}
