import Analysis
import Store

/// How the CLI words the library's errors: what went wrong, and the command or flag that
/// fixes it. Errors without CLI advice print as they describe themselves.
enum ErrorMessage {
    static func text(_ error: Error) -> String {
        switch error {
        case let e as StoreError: return store(e)
        case let e as AnalysisError: return analysis(e)
        default: return "\(error)"
        }
    }

    static func store(_ e: StoreError) -> String {
        switch e {
        case .diskFull:
            return "\(e): free space and run the same command again"
        case .isADirectory(let path):
            return "\(e); --db takes the store's file (for example \(path)/twindex.db)"
        case .emptyStore(_, true):
            return "\(e); try again in a moment"
        case .emptyStore(let path, false):
            return "\(e) (`twindex ingest --db \(path) FILES` makes it one)"
        case .readOnlyWithLog(let path):
            // Reading commands leave the log as it is; only a writer applies it.
            return "\(e); apply it with `twindex ingest --db \(path) - < /dev/null` where the store is writable, or copy the store with its -wal file elsewhere"
        case .busy:
            return "\(e); try again when it is done"
        case .corrupt:
            return "\(e); restore it from a copy or ingest into a new store"
        case .notFound(let path):
            return "no store at \(path) (run `twindex ingest --db \(path) FILES` first, or pass --db)"
        case .newerSchema:
            return "\(e); upgrade twindex"
        case .olderSchema(let path, let found, let supported):
            return "\(path) has store schema \(found), older than \(supported); run `twindex ingest --db \(path) FILES` once to migrate it"
        case .locked(let path):
            return "another twindex ingest is writing to \(path); wait for it to finish (readers are not affected)"
        case .readOnly(let statement):
            return "refused: this command only reads, and the statement would write (\(statement.prefix(80)))"
        case .missingParameter(let name):
            return "the query needs a value for :\(name); pass --param \(name)=VALUE"
        case .positionalParameter:
            return "positional parameters (?) cannot be given; use :name with --param name=VALUE"
        case .invalidSQL(let message, _):
            return "SQL error: \(message)"
        case .invalidSearch(let query, let message):
            return "invalid search query \"\(query)\": \(message) (FTS5 syntax: words, \"phrases\", prefix*, AND, OR, NOT, NEAR(a b, 10))"
        default:
            return e.description
        }
    }

    static func analysis(_ e: AnalysisError) -> String {
        switch e {
        case .invalidDay(let s, let bound):
            return "--\(bound.rawValue) \(s) is not a date; use YYYY-MM-DD"
        case .reversedRange(let from, let to):
            return "--from \(from) is after --to \(to)"
        case .emptyStore(let path, false):
            return "\(path) holds no tweets: nothing to compute ratios of (run `twindex ingest` first)"
        case .invalidResolution:
            return "--resolution must be a positive number"
        default:
            return e.description
        }
    }
}
