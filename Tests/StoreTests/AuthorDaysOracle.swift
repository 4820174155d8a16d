import Foundation
import XCTest
@testable import Store

/// The author days of a store as sorted `(author_id, day, early, late)` rows, two ways: from
/// its tweets (by hand: floor division, quarter bits), and from its `author_spans` rows read
/// by the format's description (bit i of `days`, then 12 little-endian bytes per day), with
/// none of `AuthorSpans`'s code.
enum AuthorDaysOracle {
    static func fromTweets(_ store: Store) throws -> [[Int64]] {
        var days: [[Int64]: (Int64, Int64)] = [:]
        for row in try store.query("SELECT author_id, created_at FROM tweets WHERE author_id IS NOT NULL AND created_at IS NOT NULL").rows {
            guard case .integer(let author) = row[0], case .integer(let created) = row[1] else { continue }
            let day = Int64((Double(created) / 86400).rounded(.down)), q = (created - day * 86400) / 900
            var bits = days[[author, day]] ?? (0, 0)
            if q < 48 { bits.0 |= 1 << q } else { bits.1 |= 1 << (q - 48) }
            days[[author, day]] = bits
        }
        return days.map { key, bits in key + [bits.0, bits.1] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func fromSpans(_ store: Store) throws -> [[Int64]] {
        var out: [[Int64]] = []
        for row in try store.query("SELECT author_id, span, days, quarters FROM author_spans ORDER BY author_id, span").rows {
            guard case .integer(let author) = row[0], case .integer(let span) = row[1], case .integer(let days) = row[2],
                  case .blob(let bytes) = row[3] else {
                XCTFail("an author_spans row of the wrong types: \(row)")
                continue
            }
            XCTAssertEqual(bytes.count, 12 * days.nonzeroBitCount, "12 bytes per day")
            var record = 0
            for i in 0..<64 where days & (1 << Int64(i)) != 0 {
                let at = record * 12
                var early: Int64 = 0, late: Int64 = 0
                for k in 0..<6 {
                    early += Int64(bytes[at + k]) << (8 * k)
                    late += Int64(bytes[at + 6 + k]) << (8 * k)
                }
                out.append([author, span * 64 + Int64(i), early, late])
                record += 1
            }
        }
        return out
    }
}
