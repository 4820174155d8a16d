import Analysis
import Model

/// The `--json` documents and tables of the trend analyses (`hashtags --by`, `words`,
/// `repeats`), with CLI.md's field names.
extension AnalysisJSON {
    /// `twindex hashtags --by` (`key` "tag") and `twindex words --by` (`key` "word"):
    /// `{"by", "tz", "periods": [{"period", "rows": [{key, "label", "tweets", "rank"}]}]}`.
    public static func periods(_ p: TopPerPeriod, key: String) -> JSONValue {
        .object([
            "by": .string(p.by.rawValue), "tz": .string(p.timeZone),
            "periods": .array(p.periods.map { period in
                .object(["period": .string(period.start), "rows": .array(period.rows.enumerated().map { rank, row in
                    .object([key: .string(row.term), "label": .string(row.label), "tweets": .int(row.tweets), "rank": .int(rank + 1)])
                })])
            }),
        ])
    }

    /// `twindex words --json`: `{"rows": [{"word", "label", "tweets"}]}`.
    public static func words(_ rows: [TermCount]) -> JSONValue {
        .object(["rows": .array(rows.map { .object(["word": .string($0.term), "label": .string($0.label), "tweets": .int($0.tweets)]) })])
    }

    /// `twindex repeats --json`: `{"rows": [{"text", "tweets", "accounts"}]}`.
    public static func repeats(_ rows: [RepeatedText]) -> JSONValue {
        .object(["rows": .array(rows.map { .object(["text": .string($0.text), "tweets": .int($0.tweets), "accounts": .int($0.accounts)]) })])
    }

    /// The table of a `TopPerPeriod`: one line per period and rank; `sign` goes before each
    /// term and label (`#` for hashtags).
    public static func periodsTable(_ p: TopPerPeriod, key: String, sign: String = "") -> Table {
        Table(columns: ["period", "rank", key, "label", "tweets"], rows: p.periods.flatMap { period in
            period.rows.enumerated().map { rank, row in
                [.string(period.start), .int(Int64(rank + 1)), .string(sign + row.term), .string(sign + row.label), .int(row.tweets)]
            }
        })
    }
}
