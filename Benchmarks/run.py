#!/usr/bin/env python3
"""Benchmarks twindex against its floors and peers on one study-sized corpus, and writes
BENCHMARKS.md. Run through Benchmarks/run.sh (release build, peers in a throwaway venv).

Every figure is the median of RUNS runs on the same file, measured here, now; ratios are
twindex's time divided by the peer's on the same run."""
import json, os, platform, re, statistics, subprocess, sys, time

from benchlib import ROOT, fresh, seconds as fmt_seconds, timed as run

WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "3"))
TWEETS = int(os.environ.get("TWINDEX_BENCH_TWEETS", "687811"))
BIN = os.path.join(ROOT, ".build/release/twindex")
BENCH = os.path.join(ROOT, ".build/release/twindex-bench")
os.makedirs(WORK, exist_ok=True)
CORPUS = os.path.join(WORK, "study.jsonl")
STORE = os.path.join(WORK, "study.db")
rows = []   # (section, what, median seconds, extra)


def median_of(fn, runs=RUNS):
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), results


def size_mb(path):
    return os.path.getsize(path) / 1e6


def network_rows():
    """The account networks on the study store: whole `twindex network` runs, twindex's own
    betweenness + PageRank time on the exported graph (twindex-bench), and networkx's
    betweenness on that same graph, in the same run, with the largest difference."""
    import csv, networkx as nx
    for kind in ["mention", "interaction"]:
        prefix = os.path.join(WORK, f"accounts-{kind}")
        cmd = [BIN, "network", "--db", STORE, "--kind", kind, "--csv", prefix, "--json"]
        s, results = median_of(lambda: run(cmd), runs=3)
        doc = json.loads(results[0].stdout)
        G = nx.DiGraph()
        G.add_nodes_from(r["Id"] for r in csv.DictReader(open(prefix + "-nodes.csv", newline="")))
        G.add_weighted_edges_from((r["Source"], r["Target"], int(r["Weight"]))
                                  for r in csv.DictReader(open(prefix + "-edges.csv", newline="")))
        rss = max(r.rss for r in results)
        rows.append(("network", f"twindex network --kind {kind} --json (whole command; {G.number_of_nodes():,} nodes, "
                     f"{G.number_of_edges():,} edges)", s, f"peak RSS {rss:.0f} MB; exact betweenness, PageRank, Leiden"))
        bench = [run([BENCH, "betweenness", prefix + "-edges.csv"]).stdout for _ in range(3)]
        secs = statistics.median(float(re.search(r"betweenness_seconds=([0-9.]+)", b).group(1)) for b in bench)
        pr = statistics.median(float(re.search(r"pagerank_seconds=([0-9.]+)", b).group(1)) for b in bench)
        def nx_betweenness():
            t = time.perf_counter()
            bc = nx.betweenness_centrality(G, normalized=True)
            return time.perf_counter() - t, bc
        nb = [nx_betweenness() for _ in range(3)]
        nxs = statistics.median(x[0] for x in nb)
        ours = {n["account"]: n["betweenness"] for n in doc["nodes"]}
        diff = max(abs(ours[k] - v) for k, v in nb[0][1].items())
        rows.append(("network", f"twindex betweenness (Brandes, exact) of that {kind} graph, in process", secs,
                     f"PageRank {pr * 1000:.0f} ms; networkx / this = {nxs / secs:.1f}"))
        rows.append(("network", f"networkx betweenness_centrality (same {kind} graph)", nxs,
                     f"max abs difference to twindex {diff:.1e}"))


def splice_network_rows():
    """TWINDEX_BENCH_ONLY=network: measures the network rows alone and puts them into the
    existing BENCHMARKS.md table in place of the old ones (the other rows stay as measured)."""
    network_rows()
    path = os.path.join(ROOT, "BENCHMARKS.md")
    old = open(path).read().split("\n")
    kept, section = [], None
    for line in old:
        if line.startswith("| **"):
            section = line.split("**")[1]
        elif not line.startswith("|"):
            section = None
        if section != "network":
            kept.append(line)
    last = max(i for i, l in enumerate(kept) if l.startswith("|"))
    new = ["| **network** | | |"] + [f"| {w} | {fmt_seconds(s)} | {x} |" for _, w, s, x in rows]
    open(path, "w").write("\n".join(kept[:last + 1] + new + kept[last + 1:]))
    print("\n".join(new))


def main():
    if os.environ.get("TWINDEX_BENCH_ONLY") == "network":
        return splice_network_rows()
    if not os.path.exists(CORPUS):
        print(f"generating {TWEETS} tweets → {CORPUS}", flush=True)
        run([BIN, "generate", "--tweets", str(TWEETS), "--out", CORPUS, "--truth", CORPUS + ".truth.json"])
    mb = size_mb(CORPUS)
    lines = sum(1 for _ in open(CORPUS, "rb"))
    print(f"corpus: {TWEETS} tweets, {lines} lines, {mb:.0f} MB", flush=True)

    # --- ingest: the whole job, until the store answers every command (FTS and indexes built)
    def ingest():
        fresh(STORE)
        return run([BIN, "ingest", "--db", STORE, "--quiet", CORPUS])
    ingest_s, res = median_of(ingest)
    ingest_rss = max(r.rss for r in res)
    store_mb = sum(size_mb(STORE + s) for s in ("", "-wal") if os.path.exists(STORE + s))
    rows.append(("ingest", "twindex ingest (whole job, FTS + indexes)", ingest_s,
                 f"{TWEETS / ingest_s:,.0f} tweets/s, {mb / ingest_s:.0f} MB/s, peak RSS {ingest_rss:.0f} MB, store {store_mb:.0f} MB"))

    # --- floors
    for mode, what in [("read", "floor: read the lines"), ("parse", "floor: read + simdjson parse"),
                       ("decode", "decode + extract, no store (the other thread)")]:
        s, _ = median_of(lambda: run([BENCH, mode, CORPUS]))
        rows.append(("floor", what, s, f"twindex / this = {ingest_s / s:.2f}"))
    floor_db = os.path.join(WORK, "floor.db")

    def writer_floor():
        fresh(floor_db)
        t = run([BENCH, "writer-floor", STORE, floor_db])
        return float(re.search(r"write_seconds=([0-9.]+)", t.stdout).group(1)), t.rss
    wf, _ = median_of(writer_floor)
    rows.append(("floor", "floor: raw SQLite C API writing the same rows (no JSON)", wf, f"twindex / this = {ingest_s / wf:.2f}"))
    ex, _ = median_of(lambda: (float(re.search(r"extract_seconds=([0-9.]+)",
                                                run([BENCH, "extract", CORPUS]).stdout).group(1)),))
    rows.append(("text", "twitter-text extraction (hashtags, mentions, reply) of every text", ex, f"{TWEETS / ex:,.0f} texts/s"))

    # --- peers (Python, in the venv this script runs in)
    peer = os.path.join(WORK, "peer.db")
    def sqlite_utils():
        fresh(peer)
        t = time.perf_counter()
        subprocess.run(["sqlite-utils", "insert", peer, "tweets", CORPUS, "--nl", "--pk", "id_str", "--ignore"], check=True)
        subprocess.run(["sqlite-utils", "enable-fts", peer, "tweets", "text", "--create-triggers"], check=True,
                       capture_output=True)
        return (time.perf_counter() - t,)
    su, _ = median_of(sqlite_utils, runs=1)
    rows.append(("peer", "sqlite-utils insert --nl --pk id_str + enable-fts (no entity tables)", su, f"twindex / this = {ingest_s / su:.2f}"))

    # The plain-Python peer (orjson + sqlite3, the same rules; Benchmarks/python_peer.py).
    py_peer = os.path.join(WORK, "python-peer.db")
    def python_peer():
        fresh(py_peer)
        return run([sys.executable, os.path.join(ROOT, "Benchmarks", "python_peer.py"), py_peer, CORPUS])
    pp, _ = median_of(python_peer)
    rows.append(("peer", "Python: orjson + sqlite3, dedup, deletes, tags, entities, FTS5 (Benchmarks/python_peer.py)", pp,
                 f"twindex / this = {ingest_s / pp:.2f}"))

    import duckdb
    def duck():
        t = time.perf_counter()
        con = duckdb.connect()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_json('{CORPUS}', format='newline_delimited', sample_size=-1)")
        con.execute("""SELECT count(*), count(*) FILTER (WHERE len(entities.hashtags) > 0),
                       count(*) FILTER (WHERE len(entities.user_mentions) > 0),
                       count(*) FILTER (WHERE ltrim(coalesce(text, full_text)) LIKE '@%') FROM t""").fetchall()
        con.execute("""SELECT isodow(strptime(created_at, '%a %b %d %H:%M:%S %z %Y') AT TIME ZONE 'Europe/Amsterdam') AS d,
                       count(*) FROM t GROUP BY d""").fetchall()
        con.close()
        return (time.perf_counter() - t,)
    dk, _ = median_of(duck)
    rows.append(("peer", "DuckDB read_json + ratio and weekday queries (in memory)", dk, f"twindex / this = {ingest_s / dk:.2f}"))

    # --- analysers on the study store (each a whole CLI run, process start included)
    analyses = [
        ("stats", ["stats", "--json"]), ("ratios", ["ratios", "--baseline", "published", "--json"]),
        ("activity", ["activity", "--json"]), ("activity 2012", ["activity", "--from", "2012-01-01", "--to", "2012-12-31", "--json"]),
        ("timeline (day)", ["timeline", "--json"]), ("hashtags --top 50", ["hashtags", "--top", "50", "--json"]),
        ("cooccur (leiden)", ["cooccur", "--json"]), ("cooccur (louvain)", ["cooccur", "--algorithm", "louvain", "--json"]),
    ]
    for name, args in analyses:
        s, _ = median_of(lambda: run([BIN, *args, "--db", STORE]), runs=5)
        rows.append(("analysis", f"twindex {name}", s, ""))
    report = os.path.join(WORK, "report.html")
    s, _ = median_of(lambda: run([BIN, "report", "--db", STORE, "--out", report]), runs=3)
    rows.append(("analysis", "twindex report (every analysis + HTML)", s, f"{size_mb(report):.1f} MB page"))

    # --- the clustering against Python references on the same graph
    prefix = os.path.join(WORK, "net")
    out = json.loads(run([BIN, "cooccur", "--db", STORE, "--csv", prefix, "--json"]).stdout)
    ours = {"leiden": out["modularity"]}
    ours["louvain"] = json.loads(run([BIN, "cooccur", "--db", STORE, "--algorithm", "louvain", "--json"]).stdout)["modularity"]
    best10 = json.loads(run([BIN, "cooccur", "--db", STORE, "--runs", "10", "--json"]).stdout)["modularity"]
    import csv, networkx as nx, igraph as ig
    edges = [(r["source"], r["target"], int(r["weight"])) for r in csv.DictReader(open(prefix + "-edges.csv", newline=""))]
    nodes = [r["tag"] for r in csv.DictReader(open(prefix + "-nodes.csv", newline=""))]
    G = nx.Graph(); G.add_nodes_from(nodes); G.add_weighted_edges_from(edges)
    def nx_louvain():
        t = time.perf_counter()
        comms = nx.community.louvain_communities(G, weight="weight", resolution=1.0, seed=1)
        return time.perf_counter() - t, nx.community.modularity(G, comms, weight="weight"), len(comms)
    nl = [nx_louvain() for _ in range(5)]
    H = ig.Graph.TupleList(edges, weights=True); H.add_vertices([n for n in nodes if n not in set(H.vs["name"])])
    def ig_leiden():
        t = time.perf_counter()
        p = H.community_leiden(objective_function="modularity", weights="weight", resolution=1.0, n_iterations=-1)
        return time.perf_counter() - t, H.modularity(p, weights="weight"), len(p)
    il = [ig_leiden() for _ in range(5)]
    rows.append(("cluster", f"networkx louvain_communities ({len(nodes)} nodes, {len(edges)} edges)",
                 statistics.median(x[0] for x in nl), f"Q = {statistics.median(x[1] for x in nl):.4f} ({nl[0][2]} communities); twindex louvain Q = {ours['louvain']:.4f}"))
    rows.append(("cluster", "igraph community_leiden (modularity)", statistics.median(x[0] for x in il),
                 f"Q = {statistics.median(x[1] for x in il):.4f} ({il[0][2]} communities); twindex leiden Q = {ours['leiden']:.4f}, best of 10 seeds {best10:.4f}"))

    network_rows()

    # --- search latency (whole CLI runs)
    for q in ["tentenkamp", "\"nieuwe werken\"", "financiele OR begroting", "overleg*"]:
        times = sorted(run([BIN, "search", q, "--db", STORE, "--limit", "20", "--format", "jsonl"]).wall for _ in range(20))
        rows.append(("search", f"twindex search {q} --limit 20", statistics.median(times),
                     f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms"))

    # --- streamed results: a 1M-row sql result and search --all, peak memory
    sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
    import output_memory
    for what, s, rss in output_memory.measure(STORE):
        rows.append(("output", what, s, f"peak RSS {rss:.0f} MB (limit 100 MB)"))

    # --- memory at 3× the study size
    if os.environ.get("TWINDEX_BENCH_SCALE", "1") == "1":
        big = os.path.join(WORK, "study3x.jsonl")
        if not os.path.exists(big):
            run([BIN, "generate", "--tweets", str(TWEETS * 3), "--users", "3327", "--seed", "3", "--out", big])
        big_db = os.path.join(WORK, "study3x.db")
        fresh(big_db)
        t = run([BIN, "ingest", "--db", big_db, "--quiet", big])
        s, rss = t.wall, t.rss
        rows.append(("scale", f"twindex ingest 3× ({TWEETS * 3:,} tweets, {size_mb(big):.0f} MB)", s,
                     f"peak RSS {rss:.0f} MB (1×: {ingest_rss:.0f} MB), {TWEETS * 3 / s:,.0f} tweets/s"))
        fresh(big_db)
        os.remove(big)

    write_markdown(mb, lines)


def write_markdown(mb, lines):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    import duckdb, networkx, igraph
    su = subprocess.run(["sqlite-utils", "--version"], capture_output=True, text=True).stdout.strip()
    out = [
        "# Benchmarks",
        "",
        "Produced by `Benchmarks/run.sh` (release build; peers installed from PyPI into a throwaway virtualenv),",
        f"which writes this file. Median of {RUNS} runs unless noted (analyses and clustering: 5, search: 20),",
        "all on the same file in the same run. Whole jobs are timed as a user runs them (process start included).",
        "",
        f"- Machine: {cpu}, {os.cpu_count()} cores, {int(mem) // 1024} MB RAM; {platform.platform()}",
        f"- {swift}; SQLite {subprocess.run(['python3', '-c', 'import sqlite3; print(sqlite3.sqlite_version)'], capture_output=True, text=True).stdout.strip()} (Python's; twindex links Debian's libsqlite3), "
        f"{su}, DuckDB {duckdb.__version__}, networkx {networkx.__version__}, igraph {igraph.__version__}",
        f"- Corpus: `twindex generate` (seed 1): {TWEETS:,} tweets, {lines:,} lines, {mb:.0f} MB of v1.1 JSON",
        "",
        "| what | median | notes |",
        "| --- | ---: | --- |",
    ]
    section = None
    for sec, what, s, extra in rows:
        if sec != section:
            out.append(f"| **{sec}** | | |")
            section = sec
        out.append(f"| {what} | {fmt_seconds(s)} | {extra} |")
    out.append("")
    notes = os.path.join(ROOT, "Benchmarks", "NOTES.md")
    if os.path.exists(notes):
        out.append(open(notes).read())
    open(os.path.join(ROOT, "BENCHMARKS.md"), "w").write("\n".join(out) + "\n")
    # Issue 18's scale table (Benchmarks/scale.py, run after this by run.sh) keeps its section.
    if os.path.exists(os.path.join(ROOT, "Benchmarks", "scale.json")):
        import scale
        scale.write_section(json.load(open(os.path.join(ROOT, "Benchmarks", "scale.json"))))
    print("\n".join(out))


if __name__ == "__main__":
    main()
