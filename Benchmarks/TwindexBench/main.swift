// Floors and hot-path timings for BENCHMARKS.md (run by Benchmarks/run.sh, release build).
//   twindex-bench read FILE      lines only (the reader floor)
//   twindex-bench parse FILE     reader + simdjson parse of every line (the parse floor)
//   twindex-bench decode FILE    reader + full decode + extraction, no store
//   twindex-bench extract FILE   twitter-text extraction on every stored text of FILE's tweets
//   twindex-bench urls TEXTS     URL extraction on every text of TEXTS (texts separated by U+001E)
//   twindex-bench writer-floor STORE NEW   raw SQLite writes of STORE's rows into NEW (no JSON)
//   twindex-bench fuzz DIR N [SEED]        N mutated lines of DIR's *.jsonl through the decoder
//   twindex-bench betweenness EDGES        exact betweenness and PageRank of `network --csv`'s edges file
import Foundation
import Graph
import Ingest
import Model
import Store
import TestSupport
import Text

final class Counter: TweetSink {
    var tweets = 0, lines = 0
    func write(_ batch: IngestBatch) throws {
        tweets += batch.tweets.count
        lines += batch.lines
    }
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: twindex-bench read|parse|decode|extract FILE, or writer-floor STORE NEW\n".utf8))
    exit(64)
}
let start = Date()
var summary = ""
switch args[1] {
case "read":
    let (lines, bytes) = try BenchProbe.readLines(path: args[2])
    summary = "lines=\(lines) bytes=\(bytes)"
case "parse":
    let (lines, failures) = try BenchProbe.parseLines(path: args[2])
    summary = "lines=\(lines) parse_failures=\(failures)"
case "decode":
    let counter = Counter()
    _ = try IngestPipeline.run(path: args[2], sink: counter)
    summary = "lines=\(counter.lines) tweets=\(counter.tweets)"
case "extract":
    var texts: [String] = []
    let sink = TextCollector()
    _ = try IngestPipeline.run(path: args[2], sink: sink)
    texts = sink.texts
    let repeats = Int(ProcessInfo.processInfo.environment["TWINDEX_BENCH_REPEATS"] ?? "1") ?? 1
    let t0 = Date()
    var found = 0
    for _ in 0..<repeats { for t in texts {
        found += TwitterText.hashtags(in: t).count + TwitterText.mentions(in: t).count
        if TwitterText.replyScreenName(in: t) != nil { found += 1 }
    } }
    summary = "texts=\(texts.count) entities=\(found / repeats) extract_seconds=\(String(format: "%.3f", Date().timeIntervalSince(t0) / Double(repeats)))"
case "urls":
    let texts = try String(contentsOfFile: args[2], encoding: .utf8).split(separator: "\u{1E}").map(String.init)
    let repeats = Int(ProcessInfo.processInfo.environment["TWINDEX_BENCH_REPEATS"] ?? "1") ?? 1
    let t0 = Date()
    var found = 0
    for _ in 0..<repeats { for t in texts { found += TwitterText.urls(in: t).count } }
    summary = "texts=\(texts.count) repeats=\(repeats) urls=\(found / repeats) url_seconds=\(String(format: "%.3f", Date().timeIntervalSince(t0)))"
case "fuzz":
    let folder = URL(fileURLWithPath: args[2])
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "jsonl" && $0.lastPathComponent != "expected_facts.jsonl" }
    let seeds = try files.flatMap { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init) }
    let counts = Mutator.run(seeds: seeds, inputs: Int(args[3]) ?? 1_000_000, seed: UInt64(args.count > 4 ? args[4] : "1") ?? 1)
    summary = "inputs=\(counts.inputs) decoded=\(counts.decoded) rejected=\(counts.rejected) crashes=0"
case "writer-floor":
    let r = try WriterFloor.run(from: args[2], to: args[3])
    summary = "tweets=\(r.tweets) write_seconds=\(String(format: "%.3f", r.seconds))"
case "betweenness":
    let g = try BenchProbe.graph(edgesCSV: args[2])
    let t0 = Date()
    let b = Betweenness.exact(g)
    let t1 = Date()
    _ = PageRank.compute(g)
    summary = "nodes=\(g.nodeCount) edges=\(g.edges.count) max=\(b.max() ?? 0) "
        + "betweenness_seconds=\(String(format: "%.3f", t1.timeIntervalSince(t0))) pagerank_seconds=\(String(format: "%.3f", Date().timeIntervalSince(t1)))"
default:
    FileHandle.standardError.write(Data("unknown mode \(args[1])\n".utf8))
    exit(64)
}
print("\(args[1]) \(summary) seconds=\(String(format: "%.3f", Date().timeIntervalSince(start)))")

final class TextCollector: TweetSink {
    var texts: [String] = []
    func write(_ batch: IngestBatch) throws { texts += batch.tweets.map(\.tweet.text) }
}
