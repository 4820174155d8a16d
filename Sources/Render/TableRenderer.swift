import Foundation
import Model
import Output

/// Rows of cells rendered as a terminal table, RFC 4180 CSV, a JSON document or JSON lines:
/// the one renderer every tabular command shares.
public struct Table: Equatable, Sendable {
    /// Column names.
    public var columns: [String]
    /// Rows of cells, one per column.
    public var rows: [[JSONValue]]

    /// A table.
    public init(columns: [String], rows: [[JSONValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// `--format`: an aligned terminal table, CSV, one JSON document, JSON lines.
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned columns for a terminal.
        case table
        /// RFC 4180 CSV with a header row.
        case csv
        /// One JSON document: `{"columns": [...], "rows": [{column: value}, ...]}`.
        case json
        /// One JSON object per row, keyed by column.
        case jsonl
    }

    /// The table in `format`; a terminal table cuts its last column to fit `width`.
    public func rendered(as format: Format, width: Int = 100) -> String {
        switch format {
        case .table: return text(width: width)
        case .csv: return csv()
        case .json:
            return JSONValue.object(["columns": .array(columns.map(JSONValue.string)),
                                     "rows": .array(rows.map(object))]).rendered()
        case .jsonl: return rows.map { object($0).rendered(pretty: false) }.joined(separator: "\n")
        }
    }

    private func object(_ row: [JSONValue]) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (c, v) in zip(columns, row) { o[c] = v }
        return .object(o)
    }

    /// A cell as plain text.
    public static func plain(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return v.rendered(pretty: false)
        }
    }

    /// RFC 4180 (see `CSV`): a header record, then one record per row.
    public func csv() -> String {
        CSV.document(header: columns, rows: rows.map { $0.map(Self.plain) })
    }

    /// Columns padded to their widest cell; the last column is cut to fit `width`.
    public func text(width: Int) -> String {
        let cells = rows.map { $0.map { Self.plain($0).replacingOccurrences(of: "\n", with: " ") } }
        var widths = columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        if let last = widths.indices.last {
            let used = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
            widths[last] = max(8, min(widths[last], width - used))
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, c in
                let w = widths[i]
                let cut = c.count > w ? String(c.prefix(w - 1)) + "…" : c
                return i == row.count - 1 ? cut : cut + String(repeating: " ", count: w - cut.count)
            }.joined(separator: "  ")
        }
        var out = [line(columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        return out.joined(separator: "\n")
    }
}
