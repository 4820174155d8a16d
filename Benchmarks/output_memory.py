#!/usr/bin/env python3
"""Peak memory of results that stream: a 1,000,000-row `twindex sql` result in every format
and `twindex search --all`, each written to /dev/null, with its peak RSS (GNU time).

Run alone:  python3 Benchmarks/output_memory.py [STORE]   (release build; without STORE a
20,000-tweet store is generated in $TWINDEX_BENCH_DIR). Benchmarks/run.py runs it on the
study-sized store for BENCHMARKS.md. The check: every figure stays under 100 MB."""
import os, subprocess, sys

from benchlib import ROOT, timed

BIN = os.path.join(ROOT, ".build/release/twindex")
ROWS = 1_000_000
# A million rows of real tweets (ids, times, texts): the store's tweets repeated in turn.
SQL = f"""WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS - 1})
SELECT t.id, t.created_at, t.author_id, t.text FROM n JOIN tweets t ON t.seq = 1 + n.i % (SELECT max(seq) FROM tweets)"""


def peak(cmd):
    """Runs cmd with stdout to /dev/null; returns (seconds, peak RSS in MB)."""
    t = timed(cmd, keep_stdout=False)
    return t.wall, t.rss


# Common Dutch words: most tweets of a generated corpus match one of them.
SEARCH = "op OR de OR met OR naar OR over OR het OR en OR van"


def matches(store, query):
    """How many tweets `query` matches (search's own note on stderr)."""
    p = subprocess.run([BIN, "search", "--db", store, query, "--limit", "1", "--format", "jsonl"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(p.stderr.strip().splitlines()[-1].split()[0])


def measure(store, query=SEARCH, sql_formats=("jsonl", "csv", "json", "table"), search_formats=("jsonl", "csv", "json")):
    """(what, seconds, peak RSS MB) for each streamed output."""
    out = []
    for fmt in sql_formats:
        s, rss = peak([BIN, "sql", "--db", store, SQL, "--format", fmt])
        out.append((f"twindex sql (1,000,000 rows) --format {fmt} > /dev/null", s, rss))
    n = matches(store, query)
    for fmt in search_formats:
        s, rss = peak([BIN, "search", "--db", store, query, "--all", "--format", fmt])
        out.append((f"twindex search '{query}' --all --format {fmt} > /dev/null ({n:,} rows)", s, rss))
    return out


def main():
    store = sys.argv[1] if len(sys.argv) > 1 else None
    if store is None:
        work = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench")
        os.makedirs(work, exist_ok=True)
        corpus, store = os.path.join(work, "output.jsonl"), os.path.join(work, "output.db")
        if not os.path.exists(store):
            subprocess.run([BIN, "generate", "--tweets", "20000", "--out", corpus], check=True)
            subprocess.run([BIN, "ingest", "--db", store, "--quiet", corpus], check=True, stdout=subprocess.DEVNULL)
    for what, s, rss in measure(store):
        print(f"{what}: {s:.2f} s, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
