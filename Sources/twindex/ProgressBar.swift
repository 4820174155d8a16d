import Foundation
import Ingest
import Load

/// A one-line progress bar on stderr: bytes, tweets per second, time left.
final class ProgressBar {
    private let started = Date()
    private var lastDraw = Date.distantPast

    func update(_ p: IngestProgress) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(p.tweets) / elapsed
        var line = ""
        if let total = p.totalBytes, total > 0 {
            let fraction = min(1, Double(p.bytesRead) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
            line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + String(format: "%3.0f%% %@/%@  %@ tweets/s  ETA %@", fraction * 100,
                         Self.megabytes(p.bytesRead), Self.megabytes(total), Self.count(rate), Self.duration(eta))
        } else {
            line = String(format: "%@ read  %@ tweets/s", Self.megabytes(p.bytesRead), Self.count(rate))
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// Shows the run's progress: the bar while reading, then a status line for the indexes.
    func show(_ p: StoreIngest.Progress) {
        switch p {
        case .reading(let reading): update(reading)
        case .buildingIndexes:
            finish()
            status("building the full-text index and reader indexes…")
        }
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    /// A line of status in place of the bar (for work whose size is unknown).
    func status(_ text: String) { FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8)) }

    static func megabytes(_ b: Int64) -> String { String(format: "%.1f MB", Double(b) / 1_000_000) }
    static func count(_ x: Double) -> String { x >= 1000 ? String(format: "%.0fk", x / 1000) : String(format: "%.0f", x) }
    static func duration(_ s: Double) -> String { String(format: "%d:%02d", Int(s) / 60, Int(s) % 60) }
}
