import ArgumentParser
import Foundation
import Render
import Store

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Print Datasette metadata for the store: every table and column described, facets, sort orders, search.",
        discussion: """
            Datasette names a database by its file name without the extension; the metadata is written for that name.

            Example:  twindex datasette-metadata --db study.db > metadata.json && datasette study.db -m metadata.json
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            if StoreLocation.isPostgres(store.path) {
                throw UsageError("""
                    datasette-metadata describes an SQLite store, and \(PGConnection.redacted(store.path)) is a PostgreSQL store: \
                    Datasette reads SQLite files only. Run it on an SQLite store of the corpus (`twindex ingest --db study.db FILES` \
                    makes one from the same files), or browse the PostgreSQL store with `twindex sql` or psql
                    """)
            }
            // Opening checks the file is a store of this version (one with tweets_view).
            _ = try Store.openForReading(path: store.path)
            let name = URL(fileURLWithPath: store.path).deletingPathExtension().lastPathComponent
            try Console.json(DatasetteMetadata.json(database: name))
        }
    }
}
