import Foundation

/// How a saved query's parameters are bound: as text unless the query declares a type.
///
/// A saved query declares a parameter's type on a comment line of its own:
///
/// ```sql
/// -- param: limit integer
/// -- param: min_share real
/// SELECT ... LIMIT :limit
/// ```
///
/// Undeclared parameters are text, so `--param screen_name=007` stays `'007'`. (SQLite still
/// compares text with an INTEGER column as a number, so `author_id = :id` works as text.)
public enum QueryParameters {
    /// A parameter's type.
    public enum Kind: String, Sendable, CaseIterable {
        /// Bound as TEXT (the default).
        case text
        /// Bound as INTEGER.
        case integer
        /// Bound as REAL.
        case real
    }

    /// The types declared by `-- param: NAME TYPE` lines in `sql`. A `-- param:` line that is
    /// not NAME and one of text, integer, real is an error naming its line.
    public static func declaredKinds(in sql: String) throws -> [String: Kind] {
        var kinds: [String: Kind] = [:]
        for (index, line) in sql.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") else { continue }
            let comment = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            guard comment.hasPrefix("param:") else { continue }
            let words = comment.dropFirst("param:".count).split(whereSeparator: \.isWhitespace)
            guard words.count == 2, let kind = Kind(rawValue: words[1].lowercased()) else {
                throw StoreError.badParameterDeclaration(line: index + 1, text: trimmed)
            }
            kinds[String(words[0]).trimmingCharacters(in: CharacterSet(charactersIn: ":@$"))] = kind
        }
        return kinds
    }

    /// `text` as a value of `kind`, or nil when it is not one (`"7x"` as an integer).
    public static func value(_ text: String, as kind: Kind) -> SQLValue? {
        switch kind {
        case .text: return .text(text)
        case .integer: return Int64(text.trimmingCharacters(in: .whitespaces)).map(SQLValue.integer)
        case .real: return Double(text.trimmingCharacters(in: .whitespaces)).map(SQLValue.real)
        }
    }
}
