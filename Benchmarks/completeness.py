#!/usr/bin/env python3
"""Times `twindex completeness` (whole command, process start included) on the study-sized
store, beside a peer that computes the same daily rows in Python (sqlite3 + zoneinfo, reading
the same store), in the same run; checks that both, and the generator's truth, agree. Rewrites
only its own section of BENCHMARKS.md (between the completeness markers).

Needs a release build: swift build -c release --product twindex
  TWINDEX_BENCH_DIR (default /tmp/twindex-bench-completeness), TWINDEX_BENCH_RUNS (5)"""
import json, os, platform, sqlite3, statistics, sys, time
from collections import defaultdict
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from benchlib import ROOT, splice, timed as run

WORK = os.environ.get("TWINDEX_BENCH_DIR", "/tmp/twindex-bench-completeness")
RUNS = int(os.environ.get("TWINDEX_BENCH_RUNS", "5"))
TWEETS = 687_811
BIN = os.path.join(ROOT, ".build/release/twindex")
CORPUS = os.path.join(WORK, "study.jsonl")
STORE = os.path.join(WORK, "study.db")
ZONE = "Europe/Amsterdam"


def median(fn):
    results = [fn() for _ in range(RUNS)]
    return statistics.median(r[0] for r in results), results


def peer():
    """The daily rows by ANALYSIS.md, written again: tweets per local day, limit notices per
    input in file order (increase of track, whole after a drop or as an input's first), placed
    by timestamp_ms or the tweet before them."""
    t = time.perf_counter()
    zone = ZoneInfo(ZONE)
    day = lambda epoch: datetime.fromtimestamp(epoch, timezone.utc).astimezone(zone).date().isoformat()
    db = sqlite3.connect(f"file:{STORE}?mode=ro", uri=True)
    rows = defaultdict(lambda: [0, 0, 0])
    # Tweets per UTC quarter hour first (Amsterdam's offsets are whole hours), then their days.
    for quarter, n in db.execute("SELECT created_at / 900, count(*) FROM tweets WHERE created_at IS NOT NULL GROUP BY 1"):
        rows[day(quarter * 900)][0] += n
    file, previous, unplaced = None, None, 0
    for f, track, ms, prev_tweet in db.execute(
            "SELECT file_id, track, timestamp_ms, previous_tweet_at FROM notices WHERE kind = 'limit' ORDER BY file_id, offset"):
        if f != file:
            file, previous = f, None
        missed = 0
        if track is not None:
            missed = track if previous is None or track < previous else track - previous
            previous = track
        when = ms // 1000 if ms is not None else prev_tweet
        if when is None:
            unplaced += 1
            continue
        r = rows[day(when)]
        r[1] += 1
        r[2] += missed
    return time.perf_counter() - t, {d: v for d, v in rows.items()}, unplaced


def main():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(STORE):
        run([BIN, "generate", "--tweets", str(TWEETS), "--out", CORPUS, "--truth", CORPUS + ".truth.json"])
        run([BIN, "ingest", "--db", STORE, "--quiet", CORPUS])
    truth = json.load(open(CORPUS + ".truth.json"))["completeness"]
    out = []
    for label, args in [("by day", []), ("--by hour", ["--by", "hour"]), ("--tz Asia/Kathmandu --by hour", ["--tz", "Asia/Kathmandu", "--by", "hour"])]:
        s, results = median(lambda: run([BIN, "completeness", "--db", STORE, "--json", *args]))
        doc = json.loads(results[0].stdout)
        out.append((f"twindex completeness {label} --json", s, max(r.rss for r in results), doc))
    p, peers = median(peer)
    _, expected, unplaced = peers[0]
    day_doc = out[0][3]
    ours = {r["period"]: [r["tweets"], r["limit_notices"], r["missed"]] for r in day_doc["rows"] if r["tweets"] or r["limit_notices"]}
    if ours != expected or unplaced != day_doc["unplaced_limit_notices"]:
        sys.exit("twindex completeness and the Python peer disagree")
    truth_days = {d["date"]: [d["limit_notices"], d["missed"]] for d in truth["days"]}
    if {k: v[1:] for k, v in ours.items() if v[1]} != truth_days or len(day_doc["gaps"]) != len(truth["gaps"]):
        sys.exit("twindex completeness and the generator's truth disagree")
    gaps = day_doc["gaps"]
    lines = [
        "## Completeness (`twindex completeness`, issue 17)",
        "",
        f"Produced by `Benchmarks/completeness.py` (release build) on the study-sized store (`twindex generate` seed 1: "
        f"{TWEETS:,} tweets, {truth['limit_notices']} limit notices, {len(gaps):,} gaps of more than 6 hours, the planted "
        f"outage among them), zone {ZONE} unless noted. Median of {RUNS} runs; whole commands, process start included. "
        f"The Python peer reads the same store and gives the same daily rows (checked, and against the generator's truth).",
        f"Machine: {os.cpu_count()} cores, {platform.platform()}; shared with other sessions' builds while measured.",
        "",
        "| what | median | notes |",
        "| --- | ---: | --- |",
    ]
    for what, s, rss, doc in out:
        lines.append(f"| {what} | {s * 1000:.0f} ms | {len(doc['rows']):,} rows, peak RSS {rss:.0f} MB |")
    lines.append(f"| peer: Python sqlite3 + zoneinfo, the same daily rows | {p * 1000:.0f} ms | twindex by day / this = {out[0][1] / p:.2f} |")
    splice("completeness", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
