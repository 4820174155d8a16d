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

    /// The library's own description, then the advice the CLI adds (if any).
    static func store(_ e: StoreError) -> String { e.description + (advice(e) ?? "") }

    /// What to do about `e` on the command line; nil when the description says enough.
    private static func advice(_ e: StoreError) -> String? {
        switch e {
        case .diskFull: return ": free space and run the same command again"
        case .isADirectory(let path): return "; --db takes the store's file (for example \(path)/twindex.db)"
        case .emptyStore(_, true): return "; try again in a moment"
        case .emptyStore(let path, false): return " (`twindex ingest --db \(path) FILES` makes it one)"
        case .readOnlyWithLog(let path):
            // Reading commands leave the log as it is; only a writer applies it.
            return "; apply it with `twindex ingest --db \(path) - < /dev/null` where the store is writable, or copy the store with its -wal file elsewhere"
        case .busy: return "; try again when it is done"
        case .corrupt: return "; restore it from a copy or ingest into a new store"
        case .notFound(let path): return " (run `twindex ingest --db \(path) FILES` first, or pass --db)"
        case .newerSchema: return "; upgrade twindex"
        case .olderSchema(let path, _, _): return " (`twindex ingest --db \(path) FILES`, once)"
        case .locked: return "; wait for it to finish (readers are not affected)"
        case .readOnly: return "; this command only reads"
        case .missingParameter(let name): return "; pass --param \(name)=VALUE"
        case .positionalParameter: return "; use :name with --param name=VALUE"
        case .invalidSearch: return " (FTS5 syntax: words, \"phrases\", prefix*, AND, OR, NOT, NEAR(a b, 10))"
        default: return nil
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
        case .emptyScope:
            return e.description + "; widen --from/--to, --user/--users-file, --lang or --exclude-retweets"
        default:
            return e.description
        }
    }
}
