extension Store {
    /// How many inputs (path and archive member) were read before the store kept stream
    /// notices (the migration that added `notices`), and not read again completely since: their limit notices
    /// are missing from `notices`, and `twindex ingest --force` of those files fills them in.
    /// An input counts as read again when a later complete read has the same content hash,
    /// or the same path and member (a file grown since).
    public func inputsReadBeforeNotices() throws -> Int {
        let since: String, sameMember: String
        switch engine {
        case .sqlite:
            since = "(SELECT value FROM meta WHERE key = 'notices_since_file')"
            sameMember = "n.member IS o.member"
        case .postgres:
            since = "(SELECT value::bigint FROM twindex_meta WHERE key = 'notices_since_file')"
            sameMember = "n.member IS NOT DISTINCT FROM o.member"
        }
        return Int(try scalar("""
            SELECT count(*) FROM (SELECT DISTINCT o.path, o.member FROM files o
                WHERE o.id <= \(since) AND o.lines_done > 0
                  AND NOT EXISTS (SELECT 1 FROM files n WHERE n.id > \(since) AND n.complete = 1
                                  AND (n.content_hash = o.content_hash OR (n.path = o.path AND \(sameMember))))) AS old
            """))
    }
}
