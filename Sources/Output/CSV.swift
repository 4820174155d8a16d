/// RFC 4180 CSV, the one writer every CSV the program makes goes through.
///
/// A field is quoted when it holds a comma, a double quote, a CR or an LF anywhere (so CRLF,
/// lone CR and lone LF alike), when it starts or ends with white space, or when it is the only
/// field of a record and empty (an empty line would read back as no record at all). Quotes
/// inside are doubled. Records end with CRLF. Every text reads back byte for byte in any RFC
/// 4180 reader (Python's `csv`, pandas, R's `read.csv`, spreadsheets).
///
/// ```swift
/// var out = ""
/// let csv = CSVWriter { out += $0 }          // or { bufferedOutput.write($0) }
/// csv.write(["id", "text"])
/// csv.write(["1", "a \"quoted\"\r\nline"])   // "1,\"a \"\"quoted\"\"\r\nline\"\r\n"
/// CSV.record(["a", "b"])                     // "a,b\r\n"
/// ```
public enum CSV {
    /// `text` as one field: quoted (and inner quotes doubled) when it needs to be.
    public static func field(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        var quoted = "\""
        quoted.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// One record: the fields, quoted as needed, joined by commas and ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"\r\n" }
        return fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole document: the header record, then one record per row.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out += record(row) }
        return out
    }

    /// Looks at scalars, not Characters: "\r\n" is one Character in Swift and equals neither
    /// "\r" nor "\n".
    private static func needsQuotes(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        if let first = scalars.first, first.properties.isWhitespace { return true }
        if let last = scalars.last, last.properties.isWhitespace { return true }
        return scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    }
}

/// Writes CSV records one at a time to a sink, so a result of any size streams out with flat
/// memory. The sink receives whole records.
public struct CSVWriter {
    private let sink: (String) -> Void

    /// A writer handing each finished record (CRLF included) to `sink`.
    public init(_ sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    /// Writes one record (the header is just the first record).
    public func write(_ fields: [String]) {
        sink(CSV.record(fields))
    }
}
