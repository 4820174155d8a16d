import Foundation
import Model
import Store

/// `twindex datasette-metadata`: Datasette's metadata for a store, so `datasette study.db -m
/// metadata.json` shows every table and column described (`StoreCatalogue`, README's store
/// section), units, suggested facets (a date facet on `tweets_view.created_utc`), sort
/// orders, accounts labelled by screen name and the full-text search set up on `tweets`
/// and `tweets_view` (FTS5 syntax, as `twindex search`).
public enum DatasetteMetadata {
    /// The metadata for a store Datasette names `database` (the file name without `.db`).
    public static func json(database: String) -> JSONValue {
        var tables: [String: JSONValue] = [:]
        for t in StoreCatalogue.tables {
            var o: [String: JSONValue] = [
                "title": .string(t.title), "description": .string(t.description),
                "columns": .object(Dictionary(uniqueKeysWithValues: t.columns.map { ($0.name, .string($0.description)) })),
            ]
            let units = t.columns.compactMap { c in c.unit.map { (c.name, JSONValue.string($0)) } }
            if !units.isEmpty { o["units"] = .object(Dictionary(uniqueKeysWithValues: units)) }
            for (key, value) in extras[t.name] ?? [:] { o[key] = value }
            tables[t.name] = .object(o)
        }
        return .object([
            "title": .string("twindex store \(database)"),
            "description": .string("Tweets indexed by twindex. tweets_view reads each tweet with its times, author and client as text."),
            "databases": .object([database: .object(["tables": .object(tables)])]),
        ])
    }

    private static let search: [String: JSONValue] = [
        "fts_table": .string("tweets_fts"), "fts_pk": .string("seq"), "searchmode": .string("raw"),
    ]

    /// Facets, sort orders, search and labels, by table.
    private static let extras: [String: [String: JSONValue]] = [
        "tweets": search.merging([
            "facets": .array([.string("lang"), .string("author")]), "sort_desc": .string("created_at"),
            "label_column": .string("text"),
        ]) { a, _ in a },
        "tweets_view": search.merging([
            "facets": .array([.object(["date": .string("created_utc")]), .string("screen_name"), .string("client"), .string("lang")]),
            "sort_desc": .string("created_utc"),
        ]) { a, _ in a },
        "users": ["facets": .array([.string("lang"), .string("verified")]), "sort_desc": .string("followers_count"),
                  "label_column": .string("screen_name")],
        "hashtags": ["facets": .array([.string("tag")])],
        "mentions": ["facets": .array([.string("screen_name")])],
        "urls": ["facets": .array([.string("url")])],
        "ingest_runs": ["sort_desc": .string("id")],
    ]
}
