import Model
import Output

/// Writes rows in one of `Table.Format`s as they come, so a result of any size streams out
/// with flat memory; `Table.rendered(as:)` is this writer collected into a string.
///
/// - csv: RFC 4180 (see `CSV`), a header record, then a record per row.
/// - jsonl: one object per row, one per line, its keys in column order; nothing at all for no rows.
/// - json: `{"columns": [...], "rows": [{...}, ...]}` plus the `summary` members given to
///   `finish` (say `total` and `truncated`); row objects keep column order too.
/// - table: columns padded to their widest cell in display columns. When that is wider than
///   `width`, the widest columns are narrowed to one width (none below `minimumWidth`) so the
///   line fits, and a cut cell ends in `…`. Widths come from the first `tableSample` rows;
///   later rows are cut to them.
///
/// Column names that repeat (`SELECT a.id, b.id`) are kept apart as `id`, `id_2`, ... in
/// every format, so no JSON object loses a value.
///
/// ```swift
/// let out = BufferedOutput()
/// let w = TableWriter(columns: ["id", "text"], format: .jsonl) { out.write($0) }
/// w.write([.string("1"), .string("hello")])
/// w.finish()
/// try out.flush()
/// ```
public final class TableWriter {
    /// The column names as written: unique, in order.
    public let columns: [String]
    /// The format written.
    public let format: Table.Format
    /// Rows a table sees before it fixes its column widths.
    public static let tableSample = 200
    /// The narrowest a column is cut to (narrower ones stay as they are).
    public static let minimumWidth = 8

    private let width: Int
    private let highlight: (open: String, close: String)
    private let sink: (String) -> Void
    private var rows = 0
    private var pending: [[String]] = []
    private var widths: [Int]?
    /// Each key quoted: rows render as objects in column order without a dictionary per row.
    private let quotedKeys: [String]

    /// A writer of `columns` in `format` to `sink`. `width` is the terminal's (tables only;
    /// `Int.max`: nothing is cut); `highlight` replaces `TerminalText`'s markers in tables
    /// (empty: markers removed).
    public init(columns: [String], format: Table.Format, width: Int = 100,
                highlight: (open: String, close: String) = ("", ""), sink: @escaping (String) -> Void) {
        let names = Self.unique(columns)
        self.columns = names
        self.format = format
        self.width = width
        self.highlight = highlight
        self.sink = sink
        quotedKeys = names.map { var q = ""; JSONValue.quote($0, into: &q); return q }
        switch format {
        case .csv: sink(CSV.record(self.columns))
        case .json:
            sink("{\n  \"columns\": " + Self.indented(JSONValue.array(self.columns.map(JSONValue.string)).rendered(), by: 2)
                 + ",\n  \"rows\": [")
        case .table, .jsonl: break
        }
    }

    /// Writes one row (cells in column order).
    public func write(_ row: [JSONValue]) {
        switch format {
        case .csv: sink(CSV.record(row.map(Table.plain)))
        case .jsonl: sink(object(row, separator: ",", colon: ":", close: "}") + "\n")
        case .json: sink((rows == 0 ? "\n    " : ",\n    ") + object(row, separator: ",\n      ", colon: ": ", close: "\n    }"))
        case .table:
            let cells = row.map { TerminalText.sanitized(Table.plain($0)) }
            if widths == nil {
                pending.append(cells)
                if pending.count >= Self.tableSample { flushTable() }
            } else {
                sink(line(cells) + "\n")
            }
        }
        rows += 1
    }

    /// Ends the output; for json, `summary` members follow `rows` (sorted by name).
    public func finish(summary: [String: JSONValue] = [:]) {
        switch format {
        case .json:
            var tail = rows == 0 ? "]" : "\n  ]"
            for key in summary.keys.sorted() {
                var name = ""
                JSONValue.quote(key, into: &name)
                tail += ",\n  " + name + ": " + Self.indented(summary[key]?.rendered() ?? "null", by: 2)
            }
            sink(tail + "\n}\n")
        case .table: if widths == nil { flushTable() }
        case .csv, .jsonl: break
        }
    }

    private func flushTable() {
        var w = columns.map(TerminalText.width)
        for row in pending { for (i, c) in row.enumerated() where i < w.count { w[i] = max(w[i], TerminalText.width(c)) } }
        w = Self.fitted(w, to: width)
        widths = w
        sink(line(columns) + "\n" + w.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
        for row in pending { sink(line(row) + "\n") }
        pending = []
    }

    /// `widths` with the widest narrowed to the largest common width at which the line (two
    /// spaces between columns) fits `width`, but none below `minimumWidth`.
    static func fitted(_ widths: [Int], to width: Int) -> [Int] {
        let gaps = 2 * max(0, widths.count - 1)
        func total(_ cap: Int) -> Int { widths.reduce(gaps) { $0 + min($1, cap) } }
        guard let widest = widths.max(), total(widest) > width else { return widths }
        var (low, high) = (minimumWidth, widest)   // the largest cap that fits lies in low...high
        guard total(low) <= width else { return widths.map { min($0, low) } }
        while low < high {
            let mid = (low + high + 1) / 2
            if total(mid) <= width { low = mid } else { high = mid - 1 }
        }
        return widths.map { min($0, low) }
    }

    private func line(_ cells: [String]) -> String {
        let w = widths ?? []
        let text = cells.enumerated().map { i, cell -> String in
            let fit = i < w.count ? TerminalText.fitted(cell, width: w[i]) : cell
            return i == cells.count - 1 ? fit : TerminalText.padded(fit, width: i < w.count ? w[i] : 0)
        }.joined(separator: "  ")
        return TerminalText.styled(text, open: highlight.open, close: highlight.close)
    }

    /// One row as a JSON object of scalars: `{` + members by key + `close`; pretty when the
    /// separator breaks lines (then the first member goes on a line of its own too).
    private func object(_ row: [JSONValue], separator: String, colon: String, close: String) -> String {
        guard !row.isEmpty, !columns.isEmpty else { return "{}" }
        var out = separator.hasPrefix(",\n") ? "{" + separator.dropFirst() : "{"
        var first = true
        for i in row.indices where i < columns.count {
            if !first { out += separator }
            first = false
            out += quotedKeys[i] + colon + row[i].rendered(pretty: false)
        }
        return out + close
    }

    private static func indented(_ text: String, by spaces: Int) -> String {
        text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: spaces))
    }

    /// `names` with repeats renamed `name_2`, `name_3`, ... (skipping names already taken).
    public static func unique(_ names: [String]) -> [String] {
        var taken = Set(names), seen = Set<String>(), out: [String] = []
        for name in names {
            var candidate = name
            if seen.contains(name) {
                var n = 2
                while taken.contains("\(name)_\(n)") { n += 1 }
                candidate = "\(name)_\(n)"
                taken.insert(candidate)
            }
            seen.insert(candidate)
            out.append(candidate)
        }
        return out
    }
}
