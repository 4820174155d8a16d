#!/usr/bin/env python3
"""SQLite and PostgreSQL stores side by side (issue 16): whole `twindex` commands on the same
generated corpus, the same release binary, in the same run; the median of --repeat runs.

    swift build -c release && TWINDEX_TEST_PG=postgresql://… Benchmarks/pg.py [--tweets 687811]

Rewrites only its own section of BENCHMARKS.md (between the pg:begin and pg:end markers)."""
import argparse, os, statistics, subprocess, sys, tempfile, urllib.parse

from benchlib import ROOT, splice, timed

ANALYSES = [
    ("stats", ["stats", "--json"]),
    ("ratios", ["ratios", "--json"]),
    ("activity --tz Europe/Amsterdam", ["activity", "--json"]),
    ("timeline --by day", ["timeline", "--json"]),
    ("timeline --user (3 accounts)", ["timeline", "--json", "--user", "jan_min0", "--user", "sanne_amb1", "--user", "erik_bzk18"]),
    ("hashtags", ["hashtags", "--json"]),
    ("cooccur --more-than 30", ["cooccur", "--json", "--more-than", "30"]),
    ("network --kind mention", ["network", "--json", "--kind", "mention"]),
    ("users", ["users", "--json"]),
    ("search vandaag --all", ["search", "vandaag", "--all", "--json"]),
    ("search '\"dank vandaag\"' --all", ["search", '"dank vandaag"', "--all", "--json"]),
    ("sql count per lang", ["sql", "SELECT lang, count(*) FROM tweets GROUP BY lang", "--json"]),
]


def psql():
    bins = sorted(os.listdir("/usr/lib/postgresql"))
    return f"/usr/lib/postgresql/{bins[-1]}/bin/psql"


def fresh(server, name):
    for sql in [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"]:
        subprocess.run([psql(), server, "-qc", sql], check=True, capture_output=True)
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path="/" + name))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tweets", type=int, default=687_811)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/twindex"))
    ap.add_argument("--note", default="")
    args = ap.parse_args()
    server = os.environ.get("TWINDEX_TEST_PG") or sys.exit("pg.py: set TWINDEX_TEST_PG (scripts/pg-cluster.sh start DIR)")
    folder = tempfile.mkdtemp(prefix="twindex-pg-bench-")
    corpus = os.path.join(folder, "corpus.jsonl")
    subprocess.run([args.binary, "generate", "--tweets", str(args.tweets), "--out", corpus], check=True, capture_output=True)
    ingest = {"SQLite": [], "PostgreSQL": []}
    stores = {}
    for i in range(args.repeat):
        db = os.path.join(folder, f"s{i}.db")
        ingest["SQLite"].append(timed([args.binary, "ingest", "--quiet", "--db", db, corpus], keep_stdout=False).wall)
        url = fresh(server, f"twindex_bench_{i}")
        ingest["PostgreSQL"].append(timed([args.binary, "ingest", "--quiet", "--db", url, corpus], keep_stdout=False).wall)
        stores = {"SQLite": db, "PostgreSQL": url}
    rows = [("ingest (one file, empty store)", statistics.median(ingest["SQLite"]), statistics.median(ingest["PostgreSQL"]))]
    for name, command in ANALYSES:
        medians = []
        for engine in ["SQLite", "PostgreSQL"]:
            medians.append(statistics.median(timed([args.binary] + command + ["--db", stores[engine]], keep_stdout=False).wall
                                             for _ in range(args.repeat)))
        rows.append((name, medians[0], medians[1]))
    for i in range(args.repeat - 1):
        subprocess.run([psql(), server, "-qc", f"DROP DATABASE IF EXISTS twindex_bench_{i} WITH (FORCE)"], capture_output=True)
    size = subprocess.run([psql(), stores["PostgreSQL"], "-Atc", "SELECT pg_size_pretty(pg_database_size(current_database()))"],
                          capture_output=True, text=True).stdout.strip()
    sqlite_mb = os.path.getsize(stores["SQLite"]) / 1e6
    version = subprocess.run([psql(), stores["PostgreSQL"], "-Atc", "SHOW server_version"], capture_output=True, text=True).stdout.strip()

    lines = [
        f"### SQLite and PostgreSQL stores ({args.tweets:,} generated tweets)",
        "",
        f"`Benchmarks/pg.py`: whole commands, release build, median of {args.repeat}, both engines in the same run "
        f"(PostgreSQL {version} on 127.0.0.1, a throwaway cluster with fsync off as scripts/pg-cluster.sh starts it; "
        f"SQLite store {sqlite_mb:.0f} MB, PostgreSQL database {size}). {args.note}".rstrip(),
        "",
        "| command | SQLite (s) | PostgreSQL (s) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {a:.2f} | {b:.2f} |" for name, a, b in rows]
    section = "\n".join(lines)
    splice("pg", section)
    print(section)
    subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    main()
