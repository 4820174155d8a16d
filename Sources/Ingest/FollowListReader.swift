import Foundation
import Model

/// Reads follow edges from a file (plain or gzip): a CSV or TSV edge list with a header
/// naming `source` and `target` columns (follower, followed; each a screen name, `@`
/// optional, or a numeric user id), or twarc2 `following`/`followers` output (JSON lines,
/// one API page or one flattened user per line; the account whose list it is is the id in
/// the line's `__twarc.url`, `…/2/users/ID/following` or `…/followers`). The format is told
/// by the first non-blank line: `{` starts JSON. A line that cannot be read is a bad line
/// (file, line and reason), and the rest of the file is still read.
package enum FollowListReader {
    /// What a file held.
    package struct Contents {
        /// Edges in file order.
        package var edges: [FollowEdge] = []
        /// Lines that could not be read.
        package var badLines: [BadLine] = []
        /// Lines read, blank ones included.
        package var lines = 0
    }

    /// Reads the file at `path` (throws only when it cannot be opened or read).
    package static func read(path: String) throws -> Contents {
        var out = Contents()
        var csv: CSVHeader?
        var json: Bool?
        try LineReader(path: path).forEachLine { event in
            switch event {
            case .tooLong(let prefix, let number, let offset, _):
                out.lines = number
                out.badLines.append(BadLine(line: number, offset: offset, error: "line too long", bytes: prefix))
            case .line(let bytes, let number, let offset):
                out.lines = number
                let text = String(decoding: bytes, as: UTF8.self)
                guard !text.allSatisfy(\.isWhitespace) else { return true }
                let bad = { (error: String) in out.badLines.append(BadLine(line: number, offset: offset, error: error, bytes: Array(bytes))) }
                if json == nil { json = text.drop { $0.isWhitespace }.first == "{" }
                if json == true {
                    switch twarcEdges(text, line: number) {
                    case .success(let edges): out.edges += edges
                    case .failure(let f): bad(f.message)
                    }
                } else if let header = csv {
                    switch header.edge(text, line: number) {
                    case .success(let edge): out.edges.append(edge)
                    case .failure(let f): bad(f.message)
                    }
                } else {
                    switch CSVHeader.parse(text) {
                    case .success(let header): csv = header
                    case .failure(let f): bad(f.message)
                    }
                }
            }
            return true
        }
        return out
    }

    /// The edges of one twarc2 line.
    static func twarcEdges(_ text: String, line: Int) -> Result<[FollowEdge], DecodeFailure> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return .failure(DecodeFailure(message: "invalid JSON (twarc2 following/followers output expected)"))
        }
        let url = (object["__twarc"] as? [String: Any])?["url"] as? String ?? ""
        guard let (owner, following) = listOwner(url) else {
            return .failure(DecodeFailure(message: "no __twarc.url naming /2/users/ID/following or /followers"))
        }
        let users: [[String: Any]]
        if let data = object["data"] { users = data as? [[String: Any]] ?? [] } else { users = [object] }
        var edges: [FollowEdge] = []
        for user in users {
            let id = (user["id"] as? String).flatMap { Int64($0) }
            let name = user["username"] as? String
            guard id != nil || name != nil else {
                if object["data"] == nil, object["errors"] != nil { return .success([]) }   // an error page
                return .failure(DecodeFailure(message: "a user without id or username"))
            }
            edges.append(following ? FollowEdge(sourceID: owner, targetID: id, targetName: name, line: line)
                                   : FollowEdge(sourceID: id, sourceName: name, targetID: owner, line: line))
        }
        return .success(edges)
    }

    /// The id in `…/2/users/ID/following` (true) or `…/followers` (false).
    static func listOwner(_ url: String) -> (Int64, Bool)? {
        let path = url.split(separator: "?").first.map(String.init) ?? ""
        let parts = path.split(separator: "/")
        guard parts.count >= 3, let kind = parts.last, kind == "following" || kind == "followers",
              parts[parts.count - 3] == "users", let id = Int64(parts[parts.count - 2]) else { return nil }
        return (id, kind == "following")
    }
}

/// The header of a CSV/TSV edge list: the delimiter and the two columns.
struct CSVHeader {
    let delimiter: Character
    let source: Int
    let target: Int

    static func parse(_ line: String) -> Result<CSVHeader, DecodeFailure> {
        let delimiter: Character = line.contains("\t") ? "\t" : ","
        let names = fields(line, delimiter).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let s = names.firstIndex(of: "source"), let t = names.firstIndex(of: "target") else {
            return .failure(DecodeFailure(message: "header must name the columns source and target (follower, followed)"))
        }
        return .success(CSVHeader(delimiter: delimiter, source: s, target: t))
    }

    func edge(_ line: String, line number: Int) -> Result<FollowEdge, DecodeFailure> {
        let f = Self.fields(line, delimiter)
        guard f.count > max(source, target) else {
            return .failure(DecodeFailure(message: "\(f.count) field(s), the header names \(max(source, target) + 1) or more"))
        }
        var edge = FollowEdge(line: number)
        for (column, isSource) in [(source, true), (target, false)] {
            var value = f[column].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("@") { value.removeFirst() }
            let field = isSource ? "source" : "target"
            if value.isEmpty { return .failure(DecodeFailure(message: "\(field) is empty")) }
            if let id = Int64(value), id > 0 {
                if isSource { edge.sourceID = id } else { edge.targetID = id }
            } else if value.count <= 50, value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) {
                if isSource { edge.sourceName = value } else { edge.targetName = value }
            } else {
                return .failure(DecodeFailure(message: "\(field) \"\(value.prefix(60))\" is neither a screen name nor a user id"))
            }
        }
        return .success(edge)
    }

    /// RFC 4180 fields of one line: quotes around a field, `""` inside them.
    static func fields(_ line: String, _ delimiter: Character) -> [String] {
        var out: [String] = [], field = "", quoted = false, atStart = true
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else if n == delimiter { out.append(field); field = ""; quoted = false; atStart = true } else { quoted = false; field.append(n) }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && atStart {
                quoted = true
                atStart = false
            } else if c == delimiter {
                out.append(field)
                field = ""
                atStart = true
            } else {
                field.append(c)
                atStart = false
            }
        }
        out.append(field)
        return out
    }
}
