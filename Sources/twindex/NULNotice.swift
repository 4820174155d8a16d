import Model
import Store

/// What `ingest` and `copy` say of NUL characters a PostgreSQL store keeps as U+FFFD.
enum NULNotice {
    /// Lines shown on stderr before the rest is counted.
    static let shown = 20

    /// Says on stderr where NUL characters were stored as U+FFFD (each place named by `naming`):
    /// the first `shown`, then how many more.
    static func warn(_ r: NULReplacements, naming: (NULReplacement) -> String) {
        for x in r.first.prefix(shown) {
            Console.err("twindex: \(naming(x)): NUL character (\\u0000) in \(x.fields.joined(separator: ", ")) "
                        + "stored as U+FFFD (PostgreSQL text cannot hold it)")
        }
        if r.count > shown {
            Console.err("twindex: \(r.count - shown) more with a NUL character stored as U+FFFD (--json lists the first \(NULReplacements.limit))")
        }
    }

    /// The replacements as JSON objects `{placeKey, lineKey, fields}`; a line number is a number,
    /// a row key (a tweet or user id, past JSON's exact integers) a string (`keyAsString`).
    static func json(_ r: NULReplacements, placeKey: String, lineKey: String, keyAsString: Bool = false) -> JSONValue {
        .array(r.first.map {
            .object([placeKey: .string($0.place), lineKey: keyAsString ? .string(String($0.line)) : .int($0.line),
                     "fields": .array($0.fields.map(JSONValue.string))])
        })
    }
}
