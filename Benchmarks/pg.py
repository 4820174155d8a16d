#!/usr/bin/env python3
"""SQLite, PostgreSQL and Citus stores side by side (issue 16): whole `twindex` commands on the
same generated corpus, the same release binary, in the same run; the median of --repeat runs.

    swift build -c release --product twindex
    TWINDEX_TEST_PG=postgresql://… [TWINDEX_TEST_CITUS=postgresql://…coordinator…] Benchmarks/pg.py [--tweets 687811]
    … Benchmarks/pg.py --corpus ten.jsonl --repeat 1 --marker pg-10x --engines sqlite,pg   # the 10x table

TWINDEX_TEST_CITUS is the coordinator of a Citus cluster (its database lists the workers,
scripts/pgdb.py); each Citus store is made with `init --distributed --shards N`, once
distributed by author and once by tweet, and its shards' sizes are reported (citus_shards).
Rewrites only its own section of BENCHMARKS.md (between the MARKER:begin and MARKER:end lines)."""
import argparse, os, platform, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import pgdb  # noqa: E402

ANALYSES = [
    ("stats", ["stats", "--json"]),
    ("ratios", ["ratios", "--json"]),
    ("activity --tz Europe/Amsterdam", ["activity", "--json", "--tz", "Europe/Amsterdam"]),
    ("timeline --by day", ["timeline", "--json"]),
    ("timeline --user (3 accounts)", ["timeline", "--json", "--user", "jan_min0", "--user", "sanne_amb1", "--user", "erik_bzk18"]),
    ("hashtags", ["hashtags", "--json"]),
    ("hashtags --by month", ["hashtags", "--json", "--by", "month"]),
    ("words", ["words", "--json"]),
    ("repeats", ["repeats", "--json"]),
    ("completeness", ["completeness", "--json"]),
    ("cooccur --more-than 30", ["cooccur", "--json", "--more-than", "30"]),
    ("network --kind mention", ["network", "--json", "--kind", "mention"]),
    ("network --kind interaction", ["network", "--json", "--kind", "interaction"]),
    ("users", ["users", "--json"]),
    ("search vandaag --all", ["search", "vandaag", "--all", "--json"]),
    ("search '\"dank vandaag\"' --all", ["search", '"dank vandaag"', "--all", "--json"]),
    ("sql count per lang", ["sql", "SELECT lang, count(*) FROM tweets GROUP BY lang", "--json"]),
]
ENGINES = {"sqlite": "SQLite", "pg": "PostgreSQL", "citus-author": "Citus by author", "citus-tweet": "Citus by tweet"}


def timed(args, may_fail=False):
    """Seconds the command took; with may_fail, None when it fails (its error to stderr)."""
    start = time.monotonic()
    r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        if may_fail:
            print(f"pg.py: {' '.join(args[:3])} failed: {r.stderr.strip()[:300]}", file=sys.stderr)
            return None
        sys.exit(f"pg.py: {' '.join(args[:3])} failed: {r.stderr.strip()}")
    return time.monotonic() - start


def median(times):
    """The median of the runs, None when any failed."""
    return None if None in times else statistics.median(times)


def make_store(engine, i, args, folder, servers):
    """An empty store for `engine`, run `i`: its location (Citus stores are distributed already)."""
    if engine == "sqlite":
        return os.path.join(folder, f"s{i}.db")
    name = f"twindex_bench_{engine.replace('-', '_')}_{i}"
    citus = engine.startswith("citus")
    url = pgdb.fresh(servers[engine], name, citus=citus)
    if citus:
        by = engine.split("-")[1]
        subprocess.run([args.binary, "init", "--db", url, "--distributed", "--shards", str(args.shards), "--distribute-by", by],
                       check=True, capture_output=True)
    return url


def shard_sizes(url):
    """Per distributed table: shards, and the smallest, mean and largest shard in MB."""
    rows = pgdb.run(url, """SELECT table_name, count(*), min(shard_size), avg(shard_size), max(shard_size)
        FROM citus_shards WHERE citus_table_type = 'distributed' GROUP BY 1 ORDER BY 1""", rows=True)
    return {r[0]: (int(r[1]), float(r[2]) / 1e6, float(r[3]) / 1e6, float(r[4]) / 1e6) for r in rows}


def tweet_skew(url):
    """Tweets per shard: the fewest, the most, and the most over the mean."""
    counts = [int(r[1]) for r in pgdb.run(url, "SELECT shardid, result FROM run_command_on_shards('tweets', 'SELECT count(*) FROM %s')", rows=True)]
    return min(counts), max(counts), max(counts) / statistics.mean(counts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tweets", type=int, default=687_811)
    ap.add_argument("--corpus", help="an existing corpus (JSONL) instead of generating --tweets")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--engines", default="sqlite,pg,citus-author,citus-tweet")
    ap.add_argument("--marker", default="pg")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/twindex"))
    ap.add_argument("--note", default="")
    ap.add_argument("--keep", action="store_true", help="keep the last run's stores (their locations go to stderr)")
    args = ap.parse_args()
    engines = args.engines.split(",")
    servers = {"pg": os.environ.get("TWINDEX_TEST_PG"), "citus-author": os.environ.get("TWINDEX_TEST_CITUS")}
    servers["citus-tweet"] = servers["citus-author"]
    for e in engines:
        if e not in ENGINES:
            sys.exit(f"pg.py: unknown engine {e} (one of {', '.join(ENGINES)})")
        if e != "sqlite" and not servers[e]:
            sys.exit(f"pg.py: {e} needs {'TWINDEX_TEST_PG' if e == 'pg' else 'TWINDEX_TEST_CITUS'}")
    folder = tempfile.mkdtemp(prefix="twindex-pg-bench-")
    corpus = args.corpus or os.path.join(folder, "corpus.jsonl")
    if not args.corpus:
        subprocess.run([args.binary, "generate", "--tweets", str(args.tweets), "--out", corpus], check=True, capture_output=True)
    ingest = {e: [] for e in engines}
    stores = {}
    for i in range(args.repeat):
        for e in engines:
            if e == "sqlite" and e in stores:
                os.remove(stores[e])
            elif e in stores:
                pgdb.drop(servers[e], stores[e].rsplit("/", 1)[1], citus=e.startswith("citus"))
            stores[e] = make_store(e, i, args, folder, servers)
            ingest[e].append(timed([args.binary, "ingest", "--quiet", "--db", stores[e], corpus]))
            print(f"ingest {e} run {i}: {ingest[e][-1]:.1f} s", file=sys.stderr)
    rows = [("ingest (one file, empty store)", [statistics.median(ingest[e]) for e in engines])]
    for name, command in ANALYSES:
        medians = [median([timed([args.binary] + command + ["--db", stores[e]], may_fail=True) for _ in range(args.repeat)])
                   for e in engines]
        print(f"{name}: {medians}", file=sys.stderr)
        rows.append((name, medians))
    stats = subprocess.run([args.binary, "stats", "--json", "--db", stores[engines[0]]], capture_output=True, text=True).stdout
    tweets = int(re.search(r'"tweets"\s*:\s*(\d+)', stats).group(1))
    sizes = []
    if "sqlite" in engines:
        sizes.append(f"SQLite store {os.path.getsize(stores['sqlite']) / 1e6:,.0f} MB")
    versions = []
    for e in engines:
        if e == "sqlite":
            continue
        if e.startswith("citus"):
            size = pgdb.run(stores[e], "SELECT pg_size_pretty(sum(shard_size)) FROM citus_shards", rows=True)
            sizes.append(f"{ENGINES[e]}: shards {size[0][0]}")
        else:
            size = pgdb.run(stores[e], "SELECT pg_size_pretty(pg_database_size(current_database()))", rows=True)
            sizes.append(f"PostgreSQL database {size[0][0]}")
    pg_version = next((pgdb.run(stores[e], "SHOW server_version", rows=True)[0][0] for e in engines if e != "sqlite"), "")
    citus_version = next((pgdb.run(stores[e], "SELECT extversion FROM pg_extension WHERE extname = 'citus'", rows=True)[0][0]
                          for e in engines if e.startswith("citus")), "")
    load = os.getloadavg()[0]
    setup = f"PostgreSQL {pg_version} on 127.0.0.1, throwaway clusters with fsync off" if pg_version else ""
    if citus_version:
        setup += (f"; Citus {citus_version}: a coordinator and 2 workers, three PostgreSQL servers on this one machine, "
                  f"{args.shards} shards, so its column measures Citus's overhead, not a speed-up")
    lines = [
        f"<!-- {args.marker}:begin -->",
        f"### SQLite, PostgreSQL and Citus stores ({tweets:,} generated tweets)",
        "",
        f"`Benchmarks/pg.py --marker {args.marker}`: whole commands, release build, "
        + (f"median of {args.repeat}" if args.repeat > 1 else "one run each") + ", every engine in the same run; "
        "'fails': the command stops with an error on that engine "
        f"({setup}; {', '.join(sizes)}). Machine: {os.cpu_count()} cores, {platform.platform()}, load average "
        f"{load:.1f} at the end (shared with other sessions). {args.note}".rstrip(),
        "",
        "| command | " + " | ".join(f"{ENGINES[e]} (s)" for e in engines) + " |",
        "|---|" + "---:|" * len(engines),
    ]
    lines += [f"| {name} | " + " | ".join("fails" if v is None else f"{v:.2f}" for v in values) + " |" for name, values in rows]
    citus = [e for e in engines if e.startswith("citus")]
    if citus:
        lines += ["", "Shards of the Citus stores (`citus_shards`; tweets per shard by `run_command_on_shards`):", "",
                  "| store | table | shards | smallest MB | mean MB | largest MB |", "|---|---|---:|---:|---:|---:|"]
        for e in citus:
            for table, (n, lo, mean, hi) in shard_sizes(stores[e]).items():
                lines.append(f"| {ENGINES[e]} | {table} | {n} | {lo:.1f} | {mean:.1f} | {hi:.1f} |")
        lines += ["", "| store | tweets in the smallest shard | in the largest | largest / mean |", "|---|---:|---:|---:|"]
        for e in citus:
            lo, hi, ratio = tweet_skew(stores[e])
            lines.append(f"| {ENGINES[e]} | {lo:,} | {hi:,} | {ratio:.2f} |")
    lines += ["", f"<!-- {args.marker}:end -->"]
    section = "\n".join(lines)
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read()
    begin, end = f"<!-- {args.marker}:begin -->", f"<!-- {args.marker}:end -->"
    if begin in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    open(path, "w", encoding="utf-8").write(text)
    print(section)
    if args.keep:
        print("kept: " + " ".join(stores.values()), file=sys.stderr)
        return
    for e in engines:
        if e != "sqlite":
            pgdb.drop(servers[e], stores[e].rsplit("/", 1)[1], citus=e.startswith("citus"))
    subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    main()
