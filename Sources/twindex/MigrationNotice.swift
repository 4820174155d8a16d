import Store

/// The line a writing command prints before it migrates an older store, so a long silent
/// pause is explained (the rebuild of version 11 takes about 6 s per million tweets).
enum MigrationNotice {
    /// The notice for the store at `path`, or nil when opening it migrates nothing.
    static func text(path: String) -> String? {
        Store.pendingMigration(path: path).map {
            "twindex: upgrading \(path) from store schema \($0.from) to \($0.to) (once; about 6 s per million tweets)…"
        }
    }
}
