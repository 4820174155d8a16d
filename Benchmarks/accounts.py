#!/usr/bin/env python3
"""Issue 13's benchmark: whole `twindex network --kind mention` and `--kind interaction` runs
on the study-sized store, beside networkx's betweenness on the graph each run exported, in
the same run. Rewrites only the accounts section of BENCHMARKS.md (between its markers).

    swift build -c release --product twindex
    python3 Benchmarks/accounts.py            # needs networkx (TWINDEX_PYTHON's or this one's)

The store is TWINDEX_BENCH_DIR/study.db (default /tmp/twindex-bench-accounts), made here when missing
from `twindex generate --tweets 687811` (the study's size) and `twindex ingest`. Every figure
is the median of TWINDEX_BENCH_RUNS (3) runs; the ratio is networkx's time over twindex's."""
import csv, json, os, platform, statistics, subprocess, time

import networkx as nx

from benchlib import ROOT, seconds as fmt, splice, timed

WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench-accounts")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "3"))
TWEETS = 687811
BIN = os.path.join(ROOT, ".build/release/twindex")
STORE = os.path.join(WORK, "study.db")


def ensure_store():
    if os.path.exists(STORE):
        return
    os.makedirs(WORK, exist_ok=True)
    corpus = os.path.join(WORK, "study.jsonl")
    if not os.path.exists(corpus):
        timed([BIN, "generate", "--tweets", str(TWEETS), "--out", corpus])
    timed([BIN, "ingest", "--db", STORE, "--quiet", corpus])


def exported_graph(prefix):
    """The directed graph `--csv PREFIX` wrote, every node included."""
    g = nx.DiGraph()
    g.add_nodes_from(r["Id"] for r in csv.DictReader(open(prefix + "-nodes.csv", newline="", encoding="utf-8")))
    g.add_weighted_edges_from((r["Source"], r["Target"], int(r["Weight"]))
                              for r in csv.DictReader(open(prefix + "-edges.csv", newline="", encoding="utf-8")))
    return g


def measure(kind):
    prefix = os.path.join(WORK, f"accounts-{kind}")
    cmd = [BIN, "network", "--db", STORE, "--kind", kind, "--csv", prefix, "--json"]
    runs = [timed(cmd) for _ in range(RUNS)]
    ours = statistics.median(r.wall for r in runs)
    doc = json.loads(runs[0].stdout)
    g = exported_graph(prefix)
    theirs, reference = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        reference = nx.betweenness_centrality(g, normalized=True)
        theirs.append(time.perf_counter() - start)
    betweenness = {n["account"]: n["betweenness"] for n in doc["nodes"]}
    diff = max(abs(betweenness[k] - v) for k, v in reference.items())
    return {"kind": kind, "seconds": ours, "rss": max(r.rss for r in runs), "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(), "networkx": statistics.median(theirs), "diff": diff}


def section(results, load):
    tweets = subprocess.run([BIN, "stats", "--db", STORE, "--json"], capture_output=True, text=True, check=True)
    stats = json.loads(tweets.stdout)
    lines = [
        "### Account networks (issue 13): `twindex network` on the study-sized store",
        "",
        f"`python3 Benchmarks/accounts.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: the store of "
        f"`twindex generate --tweets {TWEETS:,}` ({stats['tweets']:,} tweets, {stats['users']:,} accounts), release "
        f"build, median of {RUNS} runs. twindex's time is the whole command (open the store, read the edges and "
        "names, exact betweenness, PageRank, Leiden, write the CSV files and the JSON); networkx's is "
        "`betweenness_centrality(G, normalized=True)` alone on the graph that same run exported (`--csv`), "
        f"networkx {nx.__version__}, Python {platform.python_version()}. The machine ({os.cpu_count()} cores) was "
        f"shared with other sessions' builds and tests at the time (load average {load:.1f} at the start), so "
        "the figures are upper bounds.",
        "",
        "| network | nodes | edges | twindex, whole command | peak RSS | networkx betweenness alone | networkx / twindex | max abs betweenness difference |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| `--kind {r['kind']}` | {r['nodes']:,} | {r['edges']:,} | {fmt(r['seconds'])} | {r['rss']:.0f} MB | "
                     f"{fmt(r['networkx'])} | {r['networkx'] / r['seconds']:.1f} | {r['diff']:.1e} |")
    return "\n".join(lines)


def main():
    ensure_store()
    load = os.getloadavg()[0]
    results = [measure(kind) for kind in ["mention", "interaction"]]
    text = section(results, load)
    splice("accounts", text)
    print(text)


if __name__ == "__main__":
    main()
