import Foundation

/// The UTC offsets `tweets_view.created_local` reads: one row per transition of the local
/// time zone (`meta.local_time_zone`, the analyses' default `Europe/Amsterdam`), from the
/// time-zone database Foundation carries, 1970 to 2100. SQLite has no time zones; a table
/// keeps the view plain SQL, so Datasette and any SQLite tool show local times unaided.
enum LocalOffsets {
    /// The zone local times are shown in.
    static let defaultZone = "Europe/Amsterdam"

    /// Fills the table when it is empty (a new or just-migrated store); part of the caller's
    /// transaction. A store whose schema lacks the table is left alone.
    static func fillIfEmpty(_ db: Connection) throws {
        guard try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'local_offsets'") == 1,
              try db.scalar("SELECT count(*) FROM local_offsets") == 0,
              let zone = TimeZone(identifier: defaultZone) else { return }
        let insert = try db.prepare("INSERT OR REPLACE INTO local_offsets (starts_at, utc_offset) VALUES (?, ?)")
        for (start, offset) in transitions(zone) {
            try insert.bind([.integer(start), .integer(offset)])
            _ = try insert.step()
            insert.reset()
        }
        let meta = try db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('local_time_zone', ?)")
        try meta.bind([.text(defaultZone)])
        _ = try meta.step()
    }

    /// (start, offset) pairs: the first from long before 1970, then each transition.
    static func transitions(_ zone: TimeZone) -> [(Int64, Int64)] {
        var date = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
        var rows: [(Int64, Int64)] = [(Int64.min / 2, Int64(zone.secondsFromGMT(for: date)))]
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next < end {
            rows.append((Int64(next.timeIntervalSince1970.rounded()), Int64(zone.secondsFromGMT(for: next))))
            date = next
        }
        return rows
    }
}
