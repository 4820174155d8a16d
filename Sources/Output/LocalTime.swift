import Foundation
import Model

/// Instants as people read them: ISO 8601 in a time zone, with its offset
/// (`2012-06-05T00:47:53+02:00`), or in UTC with `Z`.
///
/// ```swift
/// LocalTime.iso8601(1338850073, in: TimeZone(identifier: "Europe/Amsterdam")!)  // "2012-06-05T00:47:53+02:00"
/// ```
public enum LocalTime {
    /// `epoch` (UTC seconds) as local time in `zone` with its UTC offset at that instant.
    public static func iso8601(_ epoch: Int64, in zone: TimeZone) -> String {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epoch))))
        return stamp(epoch + offset) + offsetText(offset)
    }

    /// An ISO 8601 UTC time (`2012-06-04T22:47:53Z`) in `zone`; a text that is not one comes
    /// back as it is.
    public static func iso8601(utc text: String, in zone: TimeZone) -> String {
        guard let date = ISO8601DateFormatter().date(from: text) else { return text }
        return iso8601(Int64(date.timeIntervalSince1970.rounded(.down)), in: zone)
    }

    /// `epoch` in UTC: `2012-06-04T22:47:53Z`.
    public static func utc(_ epoch: Int64) -> String {
        stamp(epoch) + "Z"
    }

    private static func stamp(_ local: Int64) -> String {
        let day = CivilDate.day(ofEpoch: local)
        let (y, m, d) = CivilDate.civil(day)
        let seconds = local - day * 86_400
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, Int(seconds / 3600), Int(seconds / 60 % 60), Int(seconds % 60))
    }

    private static func offsetText(_ offset: Int64) -> String {
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", Int(minutes / 60), Int(minutes % 60))
    }
}
