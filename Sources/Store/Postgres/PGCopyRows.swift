import Foundation
import Model

/// Rows in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes;
/// a NUL character, which `text` cannot hold, is written as U+FFFD (`NULReplacement`).
struct PGCopyRows {
    private(set) var bytes: [UInt8] = []
    private var first = true

    var isEmpty: Bool { bytes.isEmpty }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        first = true
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: "\t")) }
        first = false
    }

    mutating func add(_ v: Int64?) {
        separate()
        guard let v else { bytes += [92, 78]; return }
        bytes += Array(String(v).utf8)
    }

    mutating func add(_ v: Int) { add(Int64(v)) }
    mutating func add(_ v: Bool) { add(Int64(v ? 1 : 0)) }

    mutating func add(_ v: Double?) {
        separate()
        guard let v else { bytes += [92, 78]; return }
        bytes += Array("\(v)".utf8)
    }

    mutating func add(_ v: String?) {
        separate()
        guard let v else { bytes += [92, 78]; return }
        for b in v.utf8 {
            switch b {
            case 92: bytes += [92, 92]
            case 9: bytes += [92, UInt8(ascii: "t")]
            case 10: bytes += [92, UInt8(ascii: "n")]
            case 13: bytes += [92, UInt8(ascii: "r")]
            case 0: bytes += [0xEF, 0xBF, 0xBD]
            default: bytes.append(b)
            }
        }
    }

    /// A bytea value (hex format, its backslash escaped for COPY).
    mutating func add(bytes value: [UInt8]) {
        separate()
        bytes += [92, 92, UInt8(ascii: "x")]
        let hex = Array("0123456789abcdef".utf8)
        for b in value {
            bytes.append(hex[Int(b >> 4)])
            bytes.append(hex[Int(b & 15)])
        }
    }
}
