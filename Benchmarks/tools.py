#!/usr/bin/env python3
"""`twindex export` (issue 20) on generated corpora of two sizes: seconds (median of RUNS
whole-command runs, stdout to /dev/null) and peak RSS (GNU time), next to two peers in the
same run on the same store: the sqlite3 shell writing the same rows as CSV (the floor: no
formatting of times, types or URLs), and `twindex sql` streaming `tweets_view` as CSV.

    python3 Benchmarks/tools.py            (release build: swift build -c release --product twindex)

Rewrites only its own section of BENCHMARKS.md, between the tools:begin and tools:end markers."""
import os, statistics, subprocess, sys

from benchlib import ROOT, splice, timed

BIN = os.path.join(ROOT, ".build/release/twindex")
WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench-tools")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "3"))
SIZES = [int(n) for n in os.environ.get("TWINDEX_BENCH_SIZES", "50000,500000").split(",")]

# The rows `export tweets` reads, as plain SQL for the sqlite3 shell.
FLOOR_SQL = """SELECT t.id, u.screen_name, t.created_at, t.text, t.in_reply_to_status_id, t.retweeted_id, t.quoted_id,
  t.longitude, t.latitude,
  (SELECT group_concat(v, ' ') FROM (SELECT h.spelling AS v FROM hashtags h WHERE h.tweet_id = t.id ORDER BY h.tag)),
  (SELECT group_concat(v, ' ') FROM (SELECT l.url AS v FROM urls l WHERE l.tweet_id = t.id ORDER BY l.url)),
  t.in_reply_to_screen_name, t.in_reply_to_user_id, t.lang, t.place_name, t.retweeted_user_id, t.retweeted_screen_name,
  t.quoted_user_id, t.quoted_screen_name, t.source, t.author_id, u.created_at, u.description, u.followers_count,
  u.friends_count, u.location, u.name, u.statuses_count, u.verified
FROM tweets t LEFT JOIN users u ON u.id = t.author_id ORDER BY t.id"""


def median(cmd):
    """Median seconds of RUNS runs of cmd (stdout to /dev/null) and the largest peak RSS."""
    results = [timed(cmd, keep_stdout=False) for _ in range(RUNS)]
    return statistics.median(r.wall for r in results), max(r.rss for r in results)


def store(n):
    """A store of n generated tweets (made once, kept in WORK)."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"export-{n}.db")
    if not os.path.exists(path):
        corpus = os.path.join(WORK, f"export-{n}.jsonl")
        subprocess.run([BIN, "generate", "--tweets", str(n), "--users", "1109", "--seed", "9", "--out", corpus],
                       check=True, capture_output=True)
        subprocess.run([BIN, "ingest", "--db", path, "--quiet", corpus], check=True, capture_output=True)
        os.remove(corpus)
    return path


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit("build first: swift build -c release --product twindex")
    lines = []
    for n in SIZES:
        db = store(n)
        commands = [
            ("twindex export tweets (csv)", [BIN, "export", "tweets", "--db", db]),
            ("twindex export tweets --format jsonl", [BIN, "export", "tweets", "--format", "jsonl", "--db", db]),
            ("twindex export ids", [BIN, "export", "ids", "--db", db]),
            ("twindex export hashtags", [BIN, "export", "hashtags", "--db", db]),
            ("peer: sqlite3 -csv, the same rows unformatted", ["sqlite3", "-csv", db, FLOOR_SQL]),
            ("peer: twindex sql 'SELECT * FROM tweets_view' --format csv",
             [BIN, "sql", "SELECT * FROM tweets_view", "--format", "csv", "--db", db]),
        ]
        for what, cmd in commands:
            seconds, rss = median(cmd)
            lines.append(f"| {n:,} | {what} | {seconds:.2f} | {n / seconds:,.0f} | {rss:.0f} |")
            print(lines[-1], flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    section = "\n".join([
        "## Export (issue 20)",
        "",
        f"`Benchmarks/tools.py`: whole commands, release build, median of {RUNS} runs, stdout to /dev/null, peak",
        "RSS by GNU time; generated corpora (1,109 accounts, seed 9); peers in the same run on the same store.",
        f"Load average at the end: {load} on {os.cpu_count()} cores (the machine was shared by other builds,",
        "so the seconds are upper bounds; the memory figures do not depend on it).",
        "",
        "| tweets | command | seconds | tweets/s | peak RSS MB |",
        "| ---: | --- | ---: | ---: | ---: |",
        *lines,
        "",
        "Memory stays flat: the same peak at both sizes (rows stream from one SQLite statement to a 64 KB",
        "output buffer).",
    ])
    splice("tools", section)


if __name__ == "__main__":
    main()
