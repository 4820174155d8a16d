import Analysis
import ArgumentParser
import Foundation
import Store

/// `--db`: which store, default `$TWINDEX_DB`, else `./twindex.db`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: an SQLite file, or a postgresql://USER@HOST:PORT/NAME URL.", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["TWINDEX_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "twindex.db"
    }
}

/// `--json`: one JSON document on stdout, nothing else there.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of a table.")
    var json = false
}

/// `--tz`: the IANA zone in which days, weekdays and hours are local.
struct TimeZoneOption: ParsableArguments {
    @Option(help: ArgumentHelp("IANA time zone for local days, weekdays and hours.", valueName: "zone"))
    var tz = "Europe/Amsterdam"

    func validate() throws {
        _ = try zone()
    }

    /// The zone, or a usage error naming the bad name.
    func zone() throws -> TimeZone {
        guard let zone = TimeZone(identifier: tz) else { throw ValidationError(ErrorMessage.analysis(.unknownTimeZone(tz))) }
        return zone
    }
}

/// The scope options every analysis, `report` and `search` share: which days, accounts,
/// languages and whether native retweets count. Days are local in the command's `--tz`.
///
/// ```swift
/// @OptionGroup var scope: ScopeOptions
/// let s = try scope.resolved()        // Analysis.Scope
/// ```
struct ScopeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First local day, inclusive.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last local day, inclusive.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(name: .customLong("user"), help: ArgumentHelp(
        "Only tweets by this screen name (case-insensitive, @ optional); repeat for several.", valueName: "name"))
    var users: [String] = []

    @Option(name: .customLong("users-file"), help: ArgumentHelp(
        "Only tweets by the screen names in FILE: one per line; blank lines and lines starting with # are skipped.",
        valueName: "file"))
    var usersFile: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Only tweets in this language code as stored (e.g. nl); repeat for several.", valueName: "code"))
    var languages: [String] = []

    @Flag(name: .customLong("exclude-retweets"), help: "Leave native retweets out.")
    var excludeRetweets = false

    func validate() throws {
        _ = try resolved()
    }

    /// The scope these options describe; a usage error names a bad date, name or file.
    func resolved() throws -> Scope {
        let range: DateRange
        do {
            range = try DateRange(from: from, to: to)
        } catch let error as AnalysisError {
            throw ValidationError(ErrorMessage.analysis(error))
        }
        var names = users
        if let usersFile {
            let text: String
            do { text = try TextFile.read(usersFile) } catch { throw ValidationError("--users-file: \(error)") }
            names += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            if names.isEmpty { throw ValidationError("--users-file \(usersFile) names no account") }
        }
        names = names.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        if names.contains(where: \.isEmpty) { throw ValidationError("--user needs a screen name") }
        if languages.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--lang needs a language code")
        }
        var seenNames = Set<String>(), seenLanguages = Set<String>()
        return Scope(range: range, users: names.filter { seenNames.insert($0.lowercased()).inserted },
                     languages: languages.filter { seenLanguages.insert($0).inserted }, excludeRetweets: excludeRetweets)
    }
}

/// What every analysis takes, in this order in its help: `--db`, `--tz`, the scope options
/// and `--json`.
///
/// ```swift
/// @OptionGroup var analysis: AnalysisOptions
/// let (db, zone, scope) = try analysis.resolved()
/// ```
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: JSONOption

    /// Whether `--json` was given.
    var json: Bool { output.json }

    /// The store opened for reading, the zone and the scope (usage errors name a bad zone or scope).
    func resolved() throws -> (db: Store, zone: TimeZone, scope: Scope) {
        let scope = try scope.resolved(), zone = try zone.zone()
        return (try Store.openForReading(path: store.path), zone, scope)
    }
}
