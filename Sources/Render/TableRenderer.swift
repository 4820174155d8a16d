import Foundation
import Model

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

    /// The whole table in `format`, exactly as `TableWriter` streams it (every line ends in a
    /// newline; no rows in jsonl is the empty string); a terminal table cuts its last column
    /// to fit `width`.
    public func rendered(as format: Format, width: Int = 100) -> String {
        var out = ""
        let writer = TableWriter(columns: columns, format: format, width: width) { out += $0 }
        rows.forEach(writer.write)
        writer.finish()
        return out
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
        rendered(as: .csv)
    }

    /// Columns padded to their widest cell (display columns, data sanitised); the last
    /// column is cut to fit `width`. No final newline.
    public func text(width: Int) -> String {
        String(rendered(as: .table, width: width).dropLast())
    }
}
