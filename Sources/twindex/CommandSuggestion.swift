import ArgumentParser
import Foundation

extension Twindex {
    /// Parses and runs the command line; a first word that is no subcommand gets
    /// `unknown command 'serch'; did you mean 'search'?` and exit 64. `sql`'s statements are
    /// made unmistakable first (`SQL.statementArgument`).
    static func main() {
        // A closed pipe (`twindex search x | head`) is then a failed write (EPIPE) that ends
        // the command quietly, rather than a signal that kills it midway.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(first) {
                Console.err("twindex: error: " + CommandSuggestion.message(for: first, among: names))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        main(arguments.first == "sql" ? arguments.map(SQL.statementArgument) : arguments)
    }
}

/// The subcommand a mistyped word most likely meant.
enum CommandSuggestion {
    /// `unknown command 'X'; did you mean 'Y'?`, or a pointer to `--help` when nothing is close.
    static func message(for word: String, among names: [String]) -> String {
        let scored = names.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let (name, d) = scored, d <= max(1, min(2, name.count / 3)) || name.hasPrefix(word.lowercased()) {
            return "unknown command '\(word)'; did you mean '\(name)'?"
        }
        return "unknown command '\(word)'; see 'twindex --help' for the commands"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours each cost 1.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
