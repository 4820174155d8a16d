import ArgumentParser
import Foundation

/// `--db`: which store, default `$TWINDEX_DB`, else `./twindex.db`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (an SQLite file).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["TWINDEX_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "twindex.db"
    }
}

/// `--json`: one JSON document on stdout, nothing else there.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of a table.")
    var json = false
}
