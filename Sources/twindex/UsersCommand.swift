import Analysis
import ArgumentParser
import Foundation
import Render
import Store

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Per account: tweets, first and last, Tabel 6 counts and shares, replies, retweets, hashtags, mentions received, followers.",
        discussion: """
            One row per author of a tweet in the scope (by default the whole store); every figure but followers and friends counts the scope's tweets only. mentions_received counts tweets by other accounts mentioning the account (native retweets left out, as in `network --kind mention`); mentioned_by the distinct accounts among them. followers and friends are the latest profile's. The table shows first and last in --tz with the offset; --json and --csv give them in UTC and add first_local and last_local in --tz. Without --top, --json and --csv give every account and the table the first 20.

            Example:  twindex users --sort mentions_received --top 30
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Flag(help: "Print CSV (every column, shares as fractions) instead of a table.")
    var csv = false

    @Option(help: ArgumentHelp("How many accounts.", valueName: "N"))
    var top: Int?

    @Option(help: "Order: tweets, mentions_received or followers (largest first).")
    var sort: Accounts.Sort = .tweets

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if csv && analysis.json { throw ValidationError("--csv and --json exclude each other") }
    }

    func run() throws {
        try reportingErrors {
            let limit = top ?? (analysis.json || csv ? nil : 20)
            let (db, tz, s) = try analysis.resolved()
            let rows = try Accounts.compute(in: db, sort: sort, limit: limit, scope: s, timeZone: tz)
            if analysis.json { return try Console.json(AnalysisJSON.scoped(AccountsExport.json(rows, localIn: tz), s)) }
            if csv { return try Console.write(AccountsExport.table(rows, localIn: tz).csv()) }
            try Console.out(AccountsExport.text(rows, width: Terminal.width, in: tz))
            if let limit, rows.count == limit {
                let total = try Accounts.count(in: db, scope: s, timeZone: tz)
                if total > rows.count { Console.err("twindex: showing \(rows.count) of \(total) accounts (--top N for more; --json and --csv give all)") }
            }
        }
    }
}
