import Ingest

/// Entry points that time the reader and the JSON parser alone (the floors of the ingest
/// benchmark), so that the benchmark measures exactly the code the ingest runs.
enum BenchProbe {
    /// Reads every line; returns (lines, bytes).
    static func readLines(path: String) throws -> (Int, Int64) {
        let reader = try LineReader(path: path)
        var lines = 0
        var bytes: Int64 = 0
        try reader.forEachLine { event in
            lines += 1
            if case .line(let b, _, _) = event { bytes += Int64(b.count) }
            return true
        }
        return (lines, bytes)
    }

    /// Reads and parses every line with simdjson; returns (lines, lines that failed).
    static func parseLines(path: String) throws -> (Int, Int) {
        let reader = try LineReader(path: path)
        guard let json = JSONDocument() else { return (0, 0) }
        var lines = 0
        var failures = 0
        try reader.forEachLine { event in
            lines += 1
            if case .line(let b, _, _) = event, json.parse(b) != nil { failures += 1 }
            return true
        }
        return (lines, failures)
    }
}
