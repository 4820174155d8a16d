#!/usr/bin/env python3
"""Issue 18's table: ingest at 1x and 10x the study with its peers (DuckDB read_ndjson, the
plain-Python baseline, sqlite-utils), the nightly append, the rerun on unchanged files and the
analyses, all in one run on the same files. Two appends: the nightly job as cron runs it (the
newest 1% of the corpus by time onto a store of the rest) and a backfill (1% of new tweets
from across the corpus's whole span onto the whole store). Writes Benchmarks/scale.json (the figures),
Benchmarks/time-per-tweet.svg (plot.py) and the "scale" section of BENCHMARKS.md.

Run through Benchmarks/run.sh, or alone after a release build with the peers installed:
  TWINDEX_BENCH_DIR (/tmp/twindex-bench)  corpora and stores (10x: ~16 GB free needed)
  TWINDEX_SCALE_SIZES ("1,10")  multiples of the study to measure
  TWINDEX_BENCH_RUNS (3)  runs per measurement at 1x; 10x runs each ingest once
Every figure is a whole command as a user runs it: wall seconds (median of the runs) and the
CPU seconds (user + system) of the process and its children, with the peak RSS."""
import calendar, json, os, shutil, sqlite3, statistics, sys, time

from benchlib import ROOT, fresh, splice, timed as run

WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "3"))
SIZES = [int(s) for s in os.environ.get("TWINDEX_SCALE_SIZES", "1,10").split(",")]
STUDY = 687811
BIN = os.path.join(ROOT, ".build/release/twindex")
PEER = os.path.join(ROOT, "Benchmarks", "python_peer.py")
RESULTS = os.path.join(ROOT, "Benchmarks", "scale.json")


def measure(make, runs):
    """Median wall and CPU of `runs` calls of make() (each returns run()'s tuple), max RSS."""
    results = [make() for _ in range(runs)]
    return {"wall": statistics.median(r[0] for r in results), "cpu": statistics.median(r[1] for r in results),
            "rss": max(r[2] for r in results), "runs": runs}


def corpus(size):
    path = os.path.join(WORK, "study.jsonl" if size == 1 else f"study{size}x.jsonl")
    if not os.path.exists(path):
        print(f"generating {size}x → {path}", flush=True)
        run([BIN, "generate", "--tweets", str(STUDY * size), "--users", str(1109 * size), "--seed", str(size), "--out", path])
    return path


DUCK = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE tweets AS SELECT * FROM read_ndjson(?, sample_size=-1)", [sys.argv[2]])
print(con.execute("SELECT count(*) FROM tweets").fetchone()[0])
"""

ANALYSES = [("stats", ["stats", "--json"]), ("ratios", ["ratios", "--baseline", "published", "--json"]),
            ("activity", ["activity", "--json"]), ("timeline (day)", ["timeline", "--json"]),
            ("hashtags --top 50", ["hashtags", "--top", "50", "--json"]), ("cooccur (leiden)", ["cooccur", "--json"])]


def measure_size(size, results):
    src = corpus(size)
    runs = RUNS if size == 1 else 1
    tweets = STUDY * size
    out = results.setdefault(str(size), {"tweets": tweets, "bytes": os.path.getsize(src)})
    out["started"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    out["load_start"] = os.getloadavg()[0]
    store = os.path.join(WORK, f"scale{size}x.db")

    def twindex():
        fresh(store)
        return run([BIN, "ingest", "--db", store, "--quiet", src])
    print(f"{size}x: twindex ingest", flush=True)
    out["twindex"] = measure(twindex, runs)
    out["store_mb"] = os.path.getsize(store) / 1e6

    py_store = os.path.join(WORK, f"peer{size}x.db")
    def python_peer():
        fresh(py_store)
        return run([sys.executable, PEER, py_store, src])
    print(f"{size}x: python peer", flush=True)
    out["python"] = measure(python_peer, runs)
    fresh(py_store)

    duck_store = os.path.join(WORK, f"duck{size}x.duckdb")
    def duck(target):
        def go():
            fresh(duck_store)
            return run([sys.executable, "-c", DUCK, target, src])
        return go
    print(f"{size}x: duckdb", flush=True)
    out["duckdb_file"] = measure(duck(duck_store), runs)
    fresh(duck_store)
    if size == 1:
        out["duckdb_memory"] = measure(duck(":memory:"), runs)
        su_store = os.path.join(WORK, "sqlite-utils.db")
        def sqlite_utils():
            fresh(su_store)
            a = run(["sqlite-utils", "insert", su_store, "tweets", src, "--nl", "--pk", "id_str", "--ignore"])
            b = run(["sqlite-utils", "enable-fts", su_store, "tweets", "text", "--create-triggers"])
            return a[0] + b[0], a[1] + b[1], max(a[2], b[2]), ""
        print(f"{size}x: sqlite-utils (one run)", flush=True)
        out["sqlite_utils"] = measure(sqlite_utils, 1)
        fresh(su_store)

    for name, args in ANALYSES:
        m = measure(lambda: run([BIN, *args, "--db", store]), 3)
        m["command"] = "twindex " + " ".join(args) + " --db S.db"
        out.setdefault("analyses", {})[name] = m
    out["rerun"] = measure(lambda: run([BIN, "ingest", "--db", store, "--quiet", src]), 3)

    # Nightly: files of 1% new tweets (of this size), appended to the store one after the
    # other, against the same file into an empty store.
    appends, empties = [], []
    for k in range(3):
        night = os.path.join(WORK, f"night{size}x-{k}.jsonl")
        if not os.path.exists(night):
            run([BIN, "generate", "--tweets", str(tweets // 100), "--users", str(1109 * size), "--seed", str(1000 + k),
                 "--out", night])
        empty = os.path.join(WORK, "night-empty.db")
        fresh(empty)
        empties.append(run([BIN, "ingest", "--db", empty, "--quiet", night]))
        fresh(empty)
        appends.append(run([BIN, "ingest", "--db", store, "--quiet", night]))
    out["nightly"] = {"tweets": tweets // 100,
                      "append": {"wall": statistics.median(a[0] for a in appends), "cpu": statistics.median(a[1] for a in appends)},
                      "empty": {"wall": statistics.median(e[0] for e in empties), "cpu": statistics.median(e[1] for e in empties)}}
    out["newest"] = newest(size, src, store, tweets)
    out["load_end"] = os.getloadavg()[0]
    if size != 1:
        fresh(store)


MONTHS = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}


def created(line, days={}):
    """Seconds since 1970 of a line's first `created_at` (the tweet's own: the generator
    writes it first), or None for a line without one (notices)."""
    i = line.find(b'"created_at":"')
    if i < 0:
        return None
    s = line[i + 14:i + 44].decode()   # Fri Mar 01 00:00:01 +0000 2013
    day = s[4:10] + s[26:30]
    if day not in days:
        days[day] = calendar.timegm((int(s[26:30]), MONTHS[s[4:7]], int(s[8:10]), 0, 0, 0))
    return days[day] + int(s[11:13]) * 3600 + int(s[14:16]) * 60 + int(s[17:19])


def newest(size, src, store, tweets):
    """The nightly job as cron runs it: the store holds the corpus but for its newest 1% of
    tweets (by time), and the night's file is that 1%, appended (three times, each into a fresh
    copy of the store) against the same file into an empty store."""
    cut = sqlite3.connect(f"file:{store}?mode=ro", uri=True).execute(
        "SELECT created_at FROM tweets ORDER BY created_at DESC LIMIT 1 OFFSET ?", (tweets // 100,)).fetchone()[0]
    base, tail = os.path.join(WORK, f"base{size}x.jsonl"), os.path.join(WORK, f"newest{size}x.jsonl")
    night = 0
    with open(src, "rb") as f, open(base, "wb") as b, open(tail, "wb") as t:
        for line in f:
            at = created(line)
            if at is not None and at > cut:
                t.write(line)
                night += 1
            else:
                b.write(line)
    base_store, copy, empty = (os.path.join(WORK, f"{n}{size}x.db") for n in ("base", "base-copy", "newest-empty"))
    fresh(base_store)
    print(f"{size}x: the store of the rest ({night:,} newest lines cut off)", flush=True)
    run([BIN, "ingest", "--db", base_store, "--quiet", base])
    appends, empties = [], []
    for _ in range(3):
        fresh(copy)
        shutil.copyfile(base_store, copy)
        appends.append(run([BIN, "ingest", "--db", copy, "--quiet", tail]))
        fresh(empty)
        empties.append(run([BIN, "ingest", "--db", empty, "--quiet", tail]))
    added = sqlite3.connect(f"file:{empty}?mode=ro", uri=True).execute("SELECT count(*) FROM tweets").fetchone()[0]
    for path in (base_store, copy, empty, base):
        fresh(path)
    return {"tweets": added, "lines": night, "after": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(cut)),
            "append": {"wall": statistics.median(a[0] for a in appends), "cpu": statistics.median(a[1] for a in appends),
                       "runs": [a[0] for a in appends]},
            "empty": {"wall": statistics.median(e[0] for e in empties), "cpu": statistics.median(e[1] for e in empties),
                      "runs": [e[0] for e in empties]}}


def ms(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def load(r, key):
    """A recorded load average, or a word saying it was not recorded."""
    return f"{r[key]:.1f}" if key in r else "not recorded"


def markdown(results):
    """The scale section of BENCHMARKS.md."""
    lines = [
        "## Scale: issue 18's table",
        "",
        "`Benchmarks/scale.py` (run by `Benchmarks/run.sh`; figures in `Benchmarks/scale.json`). Every row is a whole",
        "command; the peers ran in the same run, one after the other, on the same file. The machine has 2 cores and may",
        "be shared with other jobs: wall times carry their load, CPU seconds (user + system, children included) less so.",
        *[f"{k}x: measured from {r.get('started', 'a time not recorded')}, load average (1 minute) "
          f"{load(r, 'load_start')} at the start and {load(r, 'load_end')} at the end."
          for k, r in sorted(results.items(), key=lambda kv: int(kv[0]))],
        f"1x: median of {RUNS} runs (sqlite-utils: one run); 10x: one run of each ingest (analyses, rerun: 3).",
        "",
        "| size | what | wall | CPU | µs/tweet (wall) | peak RSS | command |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    cmds = {"twindex": "twindex ingest --db S.db --quiet CORPUS",
            "python": "python3 Benchmarks/python_peer.py S.db CORPUS",
            "duckdb_file": "duckdb: CREATE TABLE tweets AS SELECT * FROM read_ndjson(CORPUS) (into a file)",
            "duckdb_memory": "duckdb: the same into :memory:",
            "sqlite_utils": "sqlite-utils insert S.db tweets CORPUS --nl --pk id_str --ignore && sqlite-utils enable-fts ..."}
    names = {"twindex": "twindex ingest (dedup, deletes, entities, 6 indexes, FTS, summaries)",
             "python": "Python baseline (orjson + sqlite3, same rules, FTS5)",
             "duckdb_file": "DuckDB read_ndjson load, file", "duckdb_memory": "DuckDB read_ndjson load, in memory",
             "sqlite_utils": "sqlite-utils insert + enable-fts (no entities)"}
    for size in sorted(results, key=int):
        r = results[size]
        label = f"{int(size)}x ({r['tweets']:,} tweets, {r['bytes'] / 1e6:,.0f} MB)"
        for key in ("twindex", "python", "duckdb_file", "duckdb_memory", "sqlite_utils"):
            if key in r:
                m = r[key]
                lines.append(f"| {label} | {names[key]} | {ms(m['wall'])} | {ms(m['cpu'])} | "
                             f"{m['wall'] / r['tweets'] * 1e6:.1f} | {m['rss']:.0f} MB | `{cmds[key]}` |")
                label = ""
        for name, m in r.get("analyses", {}).items():   # sizes measured for the ingest only have none
            lines.append(f"| | twindex {name} | {ms(m['wall'])} | {ms(m['cpu'])} | | {m['rss']:.0f} MB | `{m['command']}` |")
        if "rerun" not in r:
            continue
        lines.append(f"| | rerun on the unchanged file | {ms(r['rerun']['wall'])} | {ms(r['rerun']['cpu'])} | | | `twindex ingest --db S.db CORPUS` |")
        if "newest" in r:
            n = r["newest"]
            lines.append(f"| | nightly: the newest {n['tweets']:,} tweets (after {n['after']}) appended to a store of the rest | "
                         f"{ms(n['append']['wall'])} | {ms(n['append']['cpu'])} | {n['append']['wall'] / n['tweets'] * 1e6:.1f} | | "
                         "`twindex ingest --db REST.db NEWEST` (3 fresh copies, median) |")
            lines.append(f"| | nightly: the same file into an empty store | {ms(n['empty']['wall'])} | {ms(n['empty']['cpu'])} | "
                         f"{n['empty']['wall'] / n['tweets'] * 1e6:.1f} | | `twindex ingest --db EMPTY.db NEWEST` |")
        n = r["nightly"]
        lines.append(f"| | backfill: {n['tweets']:,} new tweets from across the whole span appended to this store | {ms(n['append']['wall'])} | {ms(n['append']['cpu'])} | "
                     f"{n['append']['wall'] / n['tweets'] * 1e6:.1f} | | `twindex ingest --db S.db NIGHT` (3 files, median) |")
        lines.append(f"| | backfill: the same files into an empty store | {ms(n['empty']['wall'])} | {ms(n['empty']['cpu'])} | "
                     f"{n['empty']['wall'] / n['tweets'] * 1e6:.1f} | | `twindex ingest --db EMPTY.db NIGHT` |")
    lines += ["", "![time per tweet against store size](Benchmarks/time-per-tweet.svg)", ""]
    lines += targets(results)
    return "\n".join(lines) + "\n"


def targets(results):
    """The issue's targets, each with its figure."""
    out = ["Against issue 18's targets (wall; CPU in brackets):", ""]
    one = results.get("1")
    if one:
        t = one["twindex"]
        for key, what in (("duckdb_memory", "DuckDB in memory"), ("duckdb_file", "DuckDB into a file")):
            if key in one:
                d = one[key]
                out.append(f"- 1x ingest / {what}: {t['wall'] / d['wall']:.2f}× ({t['cpu'] / d['cpu']:.2f}×); target ≤ 2×")
        p = one["python"]
        out.append(f"- 1x ingest / Python baseline: {t['wall'] / p['wall']:.2f}× ({t['cpu'] / p['cpu']:.2f}×); target ≤ 0.5×")
        slow = max(one["analyses"].items(), key=lambda kv: kv[1]["wall"])
        out.append(f"- slowest analysis at 1x: {slow[0]}, {ms(slow[1]['wall'])}; target ≤ 200 ms")
        for key, what in (("newest", "nightly (the newest 1%)"), ("nightly", "backfill (1% from across the span)")):
            if key in one:
                n = one[key]
                out.append(f"- 1x {what} appended / into an empty store: {n['append']['wall'] / n['empty']['wall']:.2f}× "
                           f"({n['append']['cpu'] / n['empty']['cpu']:.2f}×)" + ("; target ≤ 2× (at 10x)" if key == "newest" else ""))
    for size in sorted(results, key=int):
        if one and size not in ("1", "10"):
            a = one["twindex"]["wall"] / one["tweets"]
            b = results[size]["twindex"]["wall"] / results[size]["tweets"]
            out.append(f"- time per tweet at {size}x / at 1x: {b / a:.2f}× ({b * 1e6:.1f} vs {a * 1e6:.1f} µs); "
                       f"peak RSS {results[size]['twindex']['rss']:.0f} MB (twindex only at this size)")
    ten = results.get("10")
    if one and ten:
        a = one["twindex"]["wall"] / one["tweets"]
        b = ten["twindex"]["wall"] / ten["tweets"]
        out.append(f"- time per tweet at 10x / at 1x: {b / a:.2f}× ({b * 1e6:.1f} vs {a * 1e6:.1f} µs); target ≤ 1.15×")
        out.append(f"- peak RSS: 1x {one['twindex']['rss']:.0f} MB, 10x {ten['twindex']['rss']:.0f} MB; target ≤ 150 MB")
        if "newest" in ten:
            n = ten["newest"]
            out.append(f"- nightly (the newest 1%) appended to the 10x store / into an empty store: "
                       f"{n['append']['wall'] / n['empty']['wall']:.2f}× ({n['append']['cpu'] / n['empty']['cpu']:.2f}×); target ≤ 2×")
        n = ten["nightly"]
        out.append(f"- backfill (1% from across the span) appended to the 10x store / into an empty store: "
                   f"{n['append']['wall'] / n['empty']['wall']:.2f}× ({n['append']['cpu'] / n['empty']['cpu']:.2f}×)")
        out.append(f"- rerun on unchanged files at 10x: {ms(ten['rerun']['wall'])}; target ≤ 1 s")
        slow = max(ten["analyses"].items(), key=lambda kv: kv[1]["wall"])
        out.append(f"- slowest analysis at 10x: {slow[0]}, {ms(slow[1]['wall'])}; target ≤ 1 s")
    return out + [""]


def write_section(results):
    """Puts the section into BENCHMARKS.md between its markers (appended the first time)."""
    splice("scale", markdown(results))


def main():
    os.makedirs(WORK, exist_ok=True)
    results = json.load(open(RESULTS)) if os.path.exists(RESULTS) else {}
    for size in SIZES:
        measure_size(size, results)
        json.dump(results, open(RESULTS, "w"), indent=1)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import plot
    plot.write(results, os.path.join(ROOT, "Benchmarks", "time-per-tweet.svg"))
    write_section(results)
    print(markdown(results))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--render":   # only rewrite the plot and the section
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import plot
        r = json.load(open(RESULTS))
        plot.write(r, os.path.join(ROOT, "Benchmarks", "time-per-tweet.svg"))
        write_section(r)
    else:
        main()
