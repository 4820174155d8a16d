import Ingest
import Model

/// A seeded mutation fuzzer for the line decoder: real tweet lines with bytes flipped,
/// inserted, deleted, cut, duplicated or nested, fed to `TweetDecoder`. Used by the test
/// suite and, for millions of inputs, by `twindex-bench fuzz`.
public enum Mutator {
    /// What the decoder made of the mutated lines (it must never crash).
    public struct Counts: Sendable {
        /// Mutated lines fed to the decoder.
        public var inputs = 0
        /// Lines still decoded to tweets or notices.
        public var decoded = 0
        /// Lines rejected with a decode failure.
        public var rejected = 0
    }

    /// Feeds `inputs` mutations of the lines `seeds` to a `TweetDecoder`, reproducibly per `seed`.
    public static func run(seeds: [String], inputs: Int, seed: UInt64) -> Counts {
        var rng = SeededRandom(seed: seed)
        let decoder = TweetDecoder()
        let corpus = seeds.map { Array($0.utf8) }
        var counts = Counts()
        guard !corpus.isEmpty else { return counts }
        let interesting: [[UInt8]] = ["\"", "\\", "{", "}", "[", "]", ",", ":", "\u{0}", "\\u0000", "\\ud800", "1e999",
                                      "18446744073709551616", "-0", "null", "\u{FEFF}", "\"id_str\":\"9\""].map { Array($0.utf8) }
        for _ in 0..<inputs {
            var line = corpus[Int(rng.next() % UInt64(corpus.count))]
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                guard !line.isEmpty else { break }
                let at = Int(rng.next() % UInt64(line.count))
                switch rng.next() % 7 {
                case 0: line[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: line.insert(contentsOf: interesting[Int(rng.next() % UInt64(interesting.count))], at: at)
                case 2: line.removeSubrange(at..<min(line.count, at + 1 + Int(rng.next() % 16)))
                case 3: line = Array(line[0..<at])
                case 4: line.insert(contentsOf: line[at..<min(line.count, at + 64)], at: at)
                case 5: line = Array("[".utf8) + line + Array("]".utf8)
                default: line[at] = [0x80, 0xC0, 0xFF, 0xED][Int(rng.next() % 4)]
                }
            }
            counts.inputs += 1
            let ok = line.withUnsafeBytes { bytes -> Bool in
                if case .success = decoder.decode(bytes) { return true }
                return false
            }
            if ok { counts.decoded += 1 } else { counts.rejected += 1 }
        }
        return counts
    }
}
