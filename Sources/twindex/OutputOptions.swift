import ArgumentParser
import Foundation
import Model
import Output
import Render
import Store

/// `--format table|csv|json|jsonl` and `--json` (the same as `--format json`).
struct FormatOption: ParsableArguments {
    @Option(help: "Output as a table, csv, json or jsonl (default: table).")
    var format: Table.Format?

    @Flag(name: .long, help: "Print one JSON document on stdout (the same as --format json).")
    var json = false

    func validate() throws {
        if json, let format, format != .json { throw ValidationError("choose one of --json and --format \(format.rawValue)") }
    }

    /// The format asked for.
    var chosen: Table.Format { json ? .json : format ?? .table }

    /// A streaming writer of `columns` to standard output; call `finish` on it, then `flush`
    /// `out`.
    func writer(columns: [String], to out: BufferedOutput, highlight: (String, String) = ("", "")) -> TableWriter {
        TableWriter(columns: columns, format: chosen, width: Terminal.width, highlight: highlight) { out.write($0) }
    }
}

/// `--color auto|always|never`: colour on a terminal unless `NO_COLOR` is set (auto).
struct ColorOption: ParsableArguments {
    /// When to colour.
    enum When: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Colour highlights: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: When = .auto

    /// Whether standard output gets colour.
    var enabled: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return Console.stdoutIsTerminal && !noColor
        }
    }

    /// Bold yellow and reset, or nothing.
    var highlight: (String, String) { enabled ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("", "") }
}

/// JSON cells of query results: integers that are ids (a column `id` or `*_id`) or beyond
/// ±2^53 (where JSON readers lose digits) are strings, as Twitter's `id_str`.
enum Cells {
    static let exactLimit: Int64 = 1 << 53

    static func isIDColumn(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "id" || n.hasSuffix("_id")
    }

    static func json(_ value: SQLValue, idColumn: Bool) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let i): return idColumn || i > exactLimit || i < -exactLimit ? .string(String(i)) : .int(i)
        case .real(let d): return .double(d)
        case .text(let s): return .string(s)
        case .blob(let b): return .string(b.map { String(format: "%02x", $0) }.joined())
        }
    }

    /// Streams `sql`'s last statement's rows to standard output in `format`.
    static func stream(_ sql: String, parameters: [String: SQLValue], store: Store, format: FormatOption) throws {
        let out = BufferedOutput()
        var writer: TableWriter?
        var ids: [Bool] = []
        var count = 0
        try store.query(sql, parameters: parameters, columns: { names in
            ids = names.map(isIDColumn)
            writer = format.writer(columns: names, to: out)
        }, row: { row in
            writer?.write(row.enumerated().map { json($1, idColumn: ids[$0]) })
            try out.check()
            count += 1
        })
        writer?.finish(summary: ["total": .int(count), "truncated": .bool(false)])
        try out.flush()
    }
}
