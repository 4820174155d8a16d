#!/usr/bin/env python3
"""Times the trend analyses (issue 17: `hashtags --by`, `words`, `repeats`) as whole commands on
the study-sized store, beside plain `hashtags` and SQL floors run by Python's sqlite3 on the same
store in the same run, and rewrites only its own section of BENCHMARKS.md (between the
`trends:begin` and `trends:end` markers).

    swift build -c release && python3 Benchmarks/trends.py

TWINDEX_BENCH_DIR (default /tmp/twindex-trends) holds the corpus and store, made once;
TWINDEX_BENCH_RUNS (default 3) is the number of runs per row (the median is shown)."""
import os, platform, sqlite3, statistics, subprocess, sys, time

from benchlib import ROOT, Timing, splice, timed as run

WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-trends")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "3"))
TWEETS = 687_811
BIN = os.path.join(ROOT, ".build/release/twindex")
CORPUS = os.path.join(WORK, "study.jsonl")
STORE = os.path.join(WORK, "study.db")


def median(fn):
    """Medians of RUNS runs of `fn` (a Timing each): (seconds, largest peak RSS, CPU seconds)."""
    results = [fn() for _ in range(RUNS)]
    return (statistics.median(r.wall for r in results), max(r.rss for r in results),
            statistics.median(r.cpu for r in results))


def sql_floor(sql):
    """Runs one query with Python's sqlite3 on the store, fetching every row; its time as wall and CPU."""
    def once():
        con = sqlite3.connect(f"file:{STORE}?mode=ro", uri=True)
        t = time.perf_counter()
        con.execute(sql).fetchall()
        dt = time.perf_counter() - t
        con.close()
        return Timing(dt, dt, 0, None)
    return once


def vocab_floor():
    """The top 20 of the store's FTS5 vocabulary by documents, through a temporary fts5vocab
    table on the store opened read-only (attached to an in-memory database); its time as wall and CPU."""
    con = sqlite3.connect(":memory:")
    con.execute(f"ATTACH 'file:{STORE}?mode=ro' AS s")
    con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(s, tweets_fts, row)")
    t = time.perf_counter()
    con.execute("SELECT term, doc FROM v ORDER BY doc DESC LIMIT 20").fetchall()
    dt = time.perf_counter() - t
    con.close()
    return Timing(dt, dt, 0, None)


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: swift build -c release")
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(STORE):
        subprocess.run([BIN, "generate", "--tweets", str(TWEETS), "--seed", "1", "--out", CORPUS], check=True)
        subprocess.run([BIN, "ingest", "--quiet", "--db", STORE, CORPUS], check=True)
    rows = []

    def command(args, note=""):
        s, rss, cpu = median(lambda: run([BIN, *args, "--db", STORE, "--json"]))
        rows.append((f"twindex {' '.join(args)} --json", s, cpu,
                     f"peak RSS {rss:.0f} MB" + (f"; {note}" if note else "")))
        return cpu

    def floor(what, fn, peer, name):
        s, _, cpu = median(fn)
        rows.append((what, s, cpu, f"{name} / this (CPU) = {peer / cpu:.2f}"))

    command(["hashtags", "--top", "10"], "read from the summary tables")
    by_month = command(["hashtags", "--by", "month", "--top", "10"], "reads the tag rows with their tweets' times")
    command(["hashtags", "--by", "day", "--top", "10"])
    floor("floor: tags per UTC month and tag in SQL (sqlite3; no ranking, no local time)",
          sql_floor("SELECT strftime('%Y-%m', t.created_at, 'unixepoch') AS m, h.tag, count(*) FROM hashtags h "
                    "JOIN tweets t ON t.id = h.tweet_id GROUP BY m, h.tag"), by_month, "hashtags --by month")
    words = command(["words"], "FTS5's tokenizer on every text; entities, digits and stop words out")
    command(["words", "--by", "month", "--top", "10"])
    floor("floor: the full-text index's own word counts (fts5vocab row table; hashtags, mentions, URLs "
          "and stop words not left out)", vocab_floor, words, "words")
    repeats = command(["repeats"], "two passes over every text")
    floor("floor: identical raw texts in SQL (sqlite3; no RT prefix or URL removal)",
          sql_floor("SELECT text, count(*), count(DISTINCT author_id) FROM tweets GROUP BY text HAVING count(*) > 1"),
          repeats, "repeats")

    load = os.getloadavg()[0]
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; {platform.platform()}"
    def shown(s):
        return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.2f} s"
    table = "\n".join(f"| {what} | {shown(s)} | {shown(cpu)} | {note} |" for what, s, cpu, note in rows)
    section = f"""
## Trends, words and repeated texts (issue 17)

Produced by `Benchmarks/trends.py` (release build): whole commands (process start included) with
`--json`, median of {RUNS} runs, on a study-sized store (`twindex generate --tweets {TWEETS:,} --seed 1`,
planted repeats included), beside SQL floors that Python's sqlite3 runs on the same store in the same
run. Machine: {machine}; load average {load:.1f} when it ended (the machine was shared with other
sessions' builds and tests, so wall times may run high: the CPU column, user + system time of the
process, is steadier; the SQL floors' CPU is their query's wall time inside Python).

| what | median (wall) | CPU | notes |
| --- | ---: | ---: | --- |
{table}
"""
    splice("trends", section)
    print(section)


if __name__ == "__main__":
    main()
