/// Which members of an archive an ingest reads: regular files named like tweet files
/// (`.jsonl`, `.json`, `.ndjson`, each optionally compressed).
package struct MemberSelection: Sendable {
    /// Every tweet file in the archive.
    package init() {}

    /// Whether to read the member called `name` (its path inside the archive).
    package func accepts(_ name: String) -> Bool {
        InputResolver.isTweetStream(name)
    }
}
