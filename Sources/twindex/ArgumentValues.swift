import Analysis
import ArgumentParser
import Generate
import Graph
import Render
import Store

// The option values that are one of a fixed set: swift-argument-parser checks them, names
// the allowed values in its error and help, and offers them to shell completion.

/// `--algorithm leiden|louvain` (cooccur, report, demo).
extension CommunityDetection.Algorithm: ExpressibleByArgument {}

/// `--by day|week|month` (timeline).
extension TimelineResult.Period: ExpressibleByArgument {}

/// `--by day|hour` (completeness).
extension CompletenessResult.Period: ExpressibleByArgument {}

/// `--sort rank|newest|oldest` (search).
extension SearchRequest.Sort: ExpressibleByArgument {}

/// `--distribute-by author|tweet` (init).
extension PGSetup.Distribution: ExpressibleByArgument {}

/// `--format table|csv|json|jsonl` (sql, query, search).
extension Table.Format: ExpressibleByArgument {}

/// `--archive tar|zip` (generate).
extension StreamArchiveWriter.Layout: ExpressibleByArgument {}

/// `--kind mention|reply|retweet|quote|interaction|follow|user-hashtag` (network).
extension NetworkKind: ExpressibleByArgument {}

/// `--sort tweets|mentions_received|followers` (users).
extension Accounts.Sort: ExpressibleByArgument {}

/// `export tweets|ids|hashtags|mentions|urls|users`.
extension CorpusExport.Table: ExpressibleByArgument {}
