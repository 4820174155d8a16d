#!/usr/bin/env python3
"""Crash and concurrency drills for a PostgreSQL store (issue 16), as scripts/drills.py does
for SQLite.

    swift build -c release && TWINDEX_TEST_PG=postgresql://… scripts/pg-drills.py [--trials 10]
    TWINDEX_TEST_PG=postgresql://…coordinator… scripts/pg-drills.py --citus   # on a Citus cluster

1. Crash: a generated corpus (three files, one gzip) is ingested cleanly once; then, per
   trial, into a fresh database, the ingester is killed with SIGKILL at random moments (1-3
   times) and rerun until it finishes. The final store must equal the clean one (tweets,
   hashtags, mentions, urls, deletes, users, full-text matches, run counts).
2. One writer: a second ingester started while one writes is refused with a clear message,
   and the first one's store equals the clean one.
3. Readers while writing: stats and search run in a loop while an ingest writes; each must
   succeed and the tweet count may only grow.
Prints one line per drill; exits 1 on any failure."""
import argparse, gzip, hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import pgdb  # noqa: E402
failures = []


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


CITUS = {"on": False, "binary": None}


def database(server, name):
    """A fresh database `name` on `server`; its URL. With --citus, a store distributed over
    the cluster's workers (`init --distributed`) before any ingest."""
    url = pgdb.fresh(server, name, citus=CITUS["on"])
    if CITUS["on"]:
        r = sh([CITUS["binary"], "init", "--db", url, "--distributed", "--shards", "4"])
        if r.returncode != 0:
            sys.exit(f"pg-drills: init --distributed failed: {r.stderr.strip()}")
    return url


FINGERPRINT = [
    "SELECT id, created_at, author_id, text, has_hashtags, has_mentions, has_urls, starts_with_at, located, line FROM tweets ORDER BY id",
    "SELECT tweet_id, tag, spelling FROM hashtags ORDER BY 1, 2", "SELECT tweet_id, lower(screen_name) FROM mentions ORDER BY 1, 2",
    "SELECT tweet_id, url FROM urls ORDER BY 1, 2", "SELECT id FROM deleted_tweets ORDER BY id",
    "SELECT id, screen_name, location FROM users ORDER BY id", "SELECT count(fts) FROM tweets",
    "SELECT sum(duplicates), sum(notices), sum(suppressed) FROM ingest_runs",
]


def fingerprint(binary, url):
    h = hashlib.sha256()
    for q in FINGERPRINT:
        r = sh([binary, "sql", "--db", url, "--format", "csv", q])
        if r.returncode != 0:
            return f"error: {r.stderr.strip()}"
        h.update(r.stdout.encode())
    r = sh([binary, "search", "--db", url, "--all", "--sort", "oldest", "--format", "csv", "de OR het OR vandaag"])
    h.update(r.stdout.encode())
    return h.hexdigest()


def corpus(binary, folder, tweets):
    path = os.path.join(folder, "all.jsonl")
    r = sh([binary, "generate", "--tweets", str(tweets), "--users", "500", "--seed", "5", "--out", path])
    if r.returncode != 0:
        sys.exit(f"pg-drills: generate failed: {r.stderr}")
    lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
    third = len(lines) // 3
    files = []
    for i, part in enumerate([lines[:third], lines[third:2 * third], lines[2 * third:]]):
        name = os.path.join(folder, f"part{i}.jsonl" + (".gz" if i == 1 else ""))
        with (gzip.open(name, "wt", encoding="utf-8") if i == 1 else open(name, "w", encoding="utf-8")) as f:
            f.writelines(part)
        files.append(name)
    os.remove(path)
    return files


def crash_drill(binary, server, files, clean, trials, rng):
    kills = 0
    for t in range(trials):
        url = database(server, f"twindex_drill_{t}")
        for _ in range(rng.randint(1, 3)):
            p = subprocess.Popen([binary, "ingest", "--quiet", "--db", url] + files,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.2, 2.5))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                kills += 1
            p.wait()
        r = sh([binary, "ingest", "--quiet", "--db", url] + files)
        if r.returncode != 0:
            failures.append(f"crash trial {t}: the resumed ingest failed: {r.stderr.strip()}")
            continue
        got = fingerprint(binary, url)
        if got != clean:
            failures.append(f"crash trial {t}: the store differs from one clean run")
        pgdb.drop(server, f"twindex_drill_{t}", citus=CITUS["on"])
    print(f"crash: {trials} trials, {kills} SIGKILLs mid-ingest, every resumed store equal to one clean run"
          if not any(f.startswith("crash") for f in failures) else "crash: FAILED")


def writer_drill(binary, server, files, clean):
    url = database(server, "twindex_drill_writers")
    first = subprocess.Popen([binary, "ingest", "--quiet", "--db", url] + files, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = sh([binary, "ingest", "--quiet", "--db", url] + files)
    first.wait()
    ok = second.returncode != 0 and "another twindex ingest" in second.stderr and first.returncode == 0
    if not ok:
        failures.append(f"writers: second ingester not refused clearly (exit {second.returncode}: {second.stderr.strip()})")
    if fingerprint(binary, url) != clean:
        failures.append("writers: the first writer's store differs from one clean run")
    print(f"one writer: the second ingester was refused: {second.stderr.strip()}" if ok else "one writer: FAILED")


def reader_drill(binary, server, files):
    url = database(server, "twindex_drill_readers")
    p = subprocess.Popen([binary, "ingest", "--quiet", "--db", url] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, reads, last = [], 0, -1
    while p.poll() is None:
        r = sh([binary, "sql", "--db", url, "--format", "csv", "SELECT count(*) FROM tweets"])
        s = sh([binary, "search", "--db", url, "--limit", "5", "vandaag"])
        if r.returncode != 0 and "not a twindex store" not in r.stderr and "empty" not in r.stderr:
            failures.append(f"readers: sql failed during ingest: {r.stderr.strip()}")
            break
        if r.returncode == 0:
            n = int(r.stdout.splitlines()[1])
            if n < last:
                failures.append(f"readers: the tweet count went down ({last} → {n})")
            last = n
            seen.append(n)
            reads += 1
            if s.returncode != 0:
                failures.append(f"readers: search failed during ingest: {s.stderr.strip()}")
    print(f"readers: {reads} sql+search reads during the ingest, counts {seen[:1]}…{seen[-1:]} never going down"
          if not any(f.startswith("readers") for f in failures) else "readers: FAILED")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--tweets", type=int, default=200_000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/twindex"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--citus", action="store_true", help="TWINDEX_TEST_PG is a Citus coordinator: drill distributed stores")
    args = ap.parse_args()
    CITUS.update(on=args.citus, binary=args.binary)
    server = os.environ.get("TWINDEX_TEST_PG")
    if not server:
        sys.exit("pg-drills: set TWINDEX_TEST_PG (scripts/pg-cluster.sh start DIR prints a URL)")
    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="twindex-pg-drills-")
    try:
        files = corpus(args.binary, folder, args.tweets)
        url = database(server, "twindex_drill_clean")
        r = sh([args.binary, "ingest", "--quiet", "--db", url] + files)
        if r.returncode != 0:
            sys.exit(f"pg-drills: the clean ingest failed: {r.stderr}")
        clean = fingerprint(args.binary, url)
        crash_drill(args.binary, server, files, clean, args.trials, rng)
        writer_drill(args.binary, server, files, clean)
        reader_drill(args.binary, server, files)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
