#!/usr/bin/env python3
"""Reliability drills for twindex (issue: crash, concurrency and hostile input).

    swift build -c release && scripts/drills.py [--trials 20] [--fuzz 3000000]

1. Crash: a generated corpus (several files, one gzip, delete notices before and after their
   tweets) is ingested cleanly once; then, per trial, the ingester is killed with SIGKILL at
   random moments (1-3 times) and rerun until it finishes. The final store must equal the
   clean one exactly (tweets, hashtags, mentions, urls, deletes, users, full-text rows and
   matches, duplicate/suppressed/notice counts) and pass PRAGMA integrity_check and FTS5's
   integrity-check.
2. Concurrency: stats and search run in a loop while an ingest writes: every query must
   succeed and tweets + deleted may only grow; a second ingester must be refused with a clear message.
   Symlink writer: two ingesters started at once on one store, one by its path and one through a
   symbolic link, a hard link or a relative path: one must be refused, and the store must equal
   the clean one. Search during ingest: in every snapshot read while an ingest writes (and after
   it is killed), the full-text index holds exactly the stored tweets, a word matches exactly the
   stored tweets whose text has it (tokenised here in Python), and `twindex search` finds them.
3. Hostile input: a 100 MB line, a full disk (an 8 MB tmpfs, when mounting is allowed), and
   the seeded mutation fuzzer over the real-tweet fixtures.
Prints one summary line per drill; exits 1 on any failure."""
import argparse, hashlib, json, os, random, re, shutil, signal, sqlite3, subprocess, sys, tempfile, time, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/twindex")
BENCH = os.path.join(ROOT, ".build/release/twindex-bench")
FIXTURES = os.path.join(os.path.dirname(ROOT), "shared/fixtures/real-tweets")
failures = []


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def fingerprint(db):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    h = hashlib.sha256()
    for q in ["SELECT id, created_at, author_id, text, has_hashtags, has_mentions, has_urls, starts_with_at, located FROM tweets ORDER BY id",
              "SELECT tweet_id, tag, spelling FROM hashtags ORDER BY 1, 2", "SELECT tweet_id, screen_name FROM mentions ORDER BY 1, 2",
              "SELECT tweet_id, url FROM urls ORDER BY 1, 2", "SELECT id FROM deleted_tweets ORDER BY id",
              "SELECT id, screen_name, location FROM users ORDER BY id",
              "SELECT t.id FROM tweets_fts JOIN tweets t ON t.seq = tweets_fts.rowid WHERE tweets_fts MATCH 'overleg OR tentenkamp' ORDER BY t.id",
              "SELECT sum(duplicates), sum(suppressed), sum(notices) FROM ingest_runs"]:
        for row in c.execute(q):
            h.update(repr(row).encode())
    counts = c.execute("SELECT (SELECT count(*) FROM tweets), (SELECT count(*) FROM tweets_fts), (SELECT count(*) FROM deleted_tweets)").fetchone()
    ok = c.execute("PRAGMA integrity_check").fetchone()[0]
    c.close()
    w = sqlite3.connect(db)
    try:
        w.execute("INSERT INTO tweets_fts(tweets_fts) VALUES('integrity-check')")
        fts_ok = "ok"
    except sqlite3.DatabaseError as e:
        fts_ok = str(e)
    w.close()
    return h.hexdigest(), counts, ok, fts_ok


def make_corpus(folder, tweets):
    os.makedirs(folder, exist_ok=True)
    for k in range(3):
        sh([BIN, "generate", "--tweets", str(tweets // 3), "--users", "300", "--seed", str(100 + k), "--out",
            os.path.join(folder, f"part{k}.jsonl")])
    sh(["gzip", "-n", os.path.join(folder, "part2.jsonl")])
    ids = []
    with open(os.path.join(folder, "part1.jsonl")) as f:
        for i, line in enumerate(f):
            if i % 97 == 0 and '"id_str":"' in line:   # the generator's limit notices carry no id
                ids.append(line.split('"id_str":"', 1)[1].split('"', 1)[0])
    half = len(ids) // 2
    with open(os.path.join(folder, "part0-deletes-ahead.jsonl"), "w") as f:   # sorts before part1: deletes before tweets
        for i in ids[:half]:
            f.write('{"delete":{"status":{"id_str":"%s","user_id_str":"1"}}}\n' % i)
        f.write('{"limit":{"track":12}}\n')
    with open(os.path.join(folder, "part9-deletes-after.jsonl"), "w") as f:
        for i in ids[half:]:
            f.write('{"delete":{"status":{"id_str":"%s","user_id_str":"1"}}}\n' % i)


def crash_drill(trials, tweets, work):
    corpus = os.path.join(work, "corpus")
    make_corpus(corpus, tweets)
    clean = os.path.join(work, "clean.db")
    t = time.time()
    sh([BIN, "ingest", "--db", clean, "--quiet", corpus])
    clean_seconds = time.time() - t
    reference = fingerprint(clean)
    rng = random.Random(20261123)
    identical = 0
    kills = 0
    for trial in range(trials):
        db = os.path.join(work, f"crash{trial}.db")
        for k in range(rng.randint(1, 3)):
            p = subprocess.Popen([BIN, "ingest", "--db", db, "--quiet", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, clean_seconds * 0.9))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                kills += 1
            p.wait()
        r = sh([BIN, "ingest", "--db", db, "--quiet", corpus])
        fp = fingerprint(db)
        if r.returncode == 0 and fp == reference:
            identical += 1
        else:
            failures.append(f"crash trial {trial}: {fp[1:]} vs {reference[1:]} rc={r.returncode} {r.stderr[-300:]}")
        for suffix in ("", "-wal", "-shm", ".lock"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    print(f"crash drill: {identical}/{trials} final stores identical to the clean run "
          f"({kills} SIGKILLs, {reference[1][0]} tweets, {reference[1][2]} deletes; integrity {reference[2]}, fts {reference[3]})")
    return corpus


def concurrency_drill(corpus, work):
    db = os.path.join(work, "busy.db")
    writer = subprocess.Popen([BIN, "ingest", "--db", db, "--quiet", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not os.path.exists(db):
        time.sleep(0.01)
    time.sleep(0.3)
    second = sh([BIN, "ingest", "--db", db, "--quiet", corpus])
    refused = second.returncode == 1 and "another twindex ingest" in second.stderr
    if not refused:
        failures.append(f"second ingester not refused: rc={second.returncode} {second.stderr}")
    queries, errors, last = 0, 0, -1
    while writer.poll() is None:
        for args in (["stats", "--json"], ["search", "overleg", "--limit", "5", "--format", "jsonl"]):
            r = sh([BIN, *args, "--db", db])
            queries += 1
            if r.returncode != 0:
                errors += 1
                failures.append(f"query during ingest failed: {args} {r.stderr.strip()}")
            elif args[0] == "stats":
                import json
                stats = json.loads(r.stdout)
                # A delete notice takes a tweet out and adds a deleted id: the sum never shrinks.
                n = stats["tweets"] + stats["deleted"]
                if n < last:
                    failures.append(f"tweets + deleted went down during ingest: {last} → {n}")
                last = n
    print(f"concurrency drill: {queries} queries during one ingest, {errors} errors; second ingester refused: {refused}")


def symlink_writer_drill(corpus, work, trials):
    """Two ingesters at once on one store file under two names: exactly one may write."""
    reference = fingerprint(os.path.join(work, "clean.db"))
    kinds = ["symlink", "hard link", "relative path"]
    held = 0
    for trial in range(trials):
        db = os.path.join(work, f"names{trial}.db")
        open(db, "w").close()                      # a hard link needs the file to exist
        kind = kinds[trial % len(kinds)]
        if kind == "symlink":
            alias = db[:-3] + "-link.db"
            os.symlink(os.path.basename(db), alias)
        elif kind == "hard link":
            alias = db[:-3] + "-hard.db"
            os.link(db, alias)
        else:
            alias = os.path.relpath(db)
        procs = [subprocess.Popen([BIN, "ingest", "--db", name, "--quiet", corpus], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for name in (db, alias)]
        results = [(p.wait(), p.stderr.read()) for p in procs]
        codes = sorted(rc for rc, _ in results)
        refused = [err for rc, err in results if rc == 1 and "another twindex ingest is writing to" in err]
        fp = fingerprint(db)
        if codes == [0, 1] and len(refused) == 1 and fp == reference:
            held += 1
        else:
            failures.append(f"symlink writer ({kind}): exit codes {codes}, {[e.strip()[:160] for _, e in results]}, "
                            f"store {'identical' if fp == reference else fp[1:]}")
    print(f"symlink writer drill: {held}/{trials} trials with one writer refused and the store identical to the clean run "
          f"(two ingesters at once through the path and a {', a '.join(kinds[:min(trials, 3)])})")


def tokens(text):
    """unicode61 with remove_diacritics 2, as tweets_fts tokenises: runs of letters and digits,
    case and diacritics folded."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return set(re.findall(r"[^\W_]+", folded))


def stored_count(db):
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return c.execute("SELECT count(*) FROM tweets").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0


def search_snapshot(db, word):
    """One read transaction: (stored ids, ids whose text has `word`, ids the index matches,
    documents in the index)."""
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        c.execute("BEGIN")
        rows = c.execute("SELECT id, text FROM tweets").fetchall()
        matched = {r[0] for r in c.execute("SELECT t.id FROM tweets_fts JOIN tweets t ON t.seq = tweets_fts.rowid "
                                           "WHERE tweets_fts MATCH ?", (word,))}
        docs = c.execute("SELECT count(*) FROM tweets_fts_docsize").fetchone()[0]
        deleted = {r[0] for r in c.execute("SELECT id FROM deleted_tweets")}
        c.execute("COMMIT")
    finally:
        c.close()
    return {r[0] for r in rows}, {r[0] for r in rows if word in tokens(r[1])}, matched, docs, deleted


def cli_search(db, word):
    """`twindex search --all`: (exit code, ids found, whether stderr is only its count line)."""
    r = sh([BIN, "search", "--db", db, word, "--all", "--format", "jsonl"])
    found = {int(json.loads(line)["id"]) for line in r.stdout.splitlines() if line.strip()}
    return r.returncode, found, r.stderr == f"{len(found)} matched, {len(found)} shown\n", r.stderr


def search_during_ingest_drill(corpus, work, word="overleg"):
    db = os.path.join(work, "searching.db")
    writer = subprocess.Popen([BIN, "ingest", "--db", db, "--quiet", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    snapshots, searches, most = 0, 0, 0

    def check(label):
        nonlocal snapshots, most
        stored, expected, matched, docs, deleted = search_snapshot(db, word)
        snapshots += 1
        most = max(most, len(expected))
        if matched != expected or docs != len(stored):
            failures.append(f"search {label}: {len(stored)} stored, {docs} indexed; '{word}' in {len(expected)} texts, "
                            f"index matches {len(matched)}")
        return stored, expected, deleted

    while not os.path.exists(db):
        time.sleep(0.01)
    while writer.poll() is None:
        try:
            stored_a, expected_a, _ = check("during ingest")
        except sqlite3.OperationalError:       # the schema is not committed yet
            time.sleep(0.05)
            continue
        rc, found, quiet, err = cli_search(db, word)
        stored_b, expected_b, deleted_b = check("during ingest")
        searches += 1
        # Tweets stored before and after the search were stored during it: it must find those
        # of them that have the word, and nothing without it (but for a tweet stored and then
        # removed by a delete notice while it ran).
        missing = (expected_a & stored_b) - found
        extra = found - expected_a - expected_b - deleted_b
        if rc != 0 or not quiet or missing or extra:
            failures.append(f"search during ingest: exit {rc}, {len(found)} found, {len(missing)} missing, "
                            f"{len(extra)} unexpected (e.g. {sorted(extra)[:3]}); {err.strip()[:200]}")
    # A killed run: everything it committed is searchable until (and without) the next run.
    killed = os.path.join(work, "killed.db")
    p = subprocess.Popen([BIN, "ingest", "--db", killed, "--quiet", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while p.poll() is None and stored_count(killed) == 0:   # kill it once something is committed
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.wait()
    stored, expected, matched, docs, _ = search_snapshot(killed, word)
    rc, found, quiet, err = cli_search(killed, word)
    if matched != expected or docs != len(stored) or found != expected or rc != 0 or not quiet:
        failures.append(f"search after a kill: {len(stored)} stored, {docs} indexed, {len(expected)} with '{word}', "
                        f"{len(found)} found; {err.strip()[:200]}")
    print(f"search during ingest drill: {snapshots} snapshots and {searches} searches while an ingest wrote (up to {most} "
          f"tweets with '{word}'), index = stored tweets in each; after a kill: {len(found)} of {len(expected)} "
          f"found among {len(stored)} stored")


def hostile_drill(work, fuzz):
    big = os.path.join(work, "big.jsonl")
    good = '{"id_str":"%d","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"fine","user":{"id_str":"7"}}\n'
    with open(big, "w") as f:
        f.write(good % 1)
        f.write('{"text":"' + "x" * (100 << 20) + '"}\n')
        f.write(good % 2)
    db = os.path.join(work, "big.db")
    r = sh(["/usr/bin/time", "-f", "%M", BIN, "ingest", "--db", db, "--json", big])
    rss = int(r.stderr.strip().splitlines()[-1]) // 1024
    ok = '"tweets_inserted" : 2' in r.stdout.replace(": ", " : ") or '"tweets_inserted": 2' in r.stdout
    bad = sh([BIN, "bad-lines", "--db", db]).stdout.splitlines()[:1]
    print(f"100 MB line: {'2 tweets kept, 1 bad line' if ok else 'FAILED'}, peak RSS {rss} MB; {bad[0][:110] if bad else ''}")
    if not ok:
        failures.append("100 MB line: " + r.stdout + r.stderr)
    os.remove(big)

    mnt = os.path.join(work, "tiny")
    os.makedirs(mnt, exist_ok=True)
    if sh(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt]).returncode == 0:
        try:
            src = os.path.join(work, "full.jsonl")
            sh([BIN, "generate", "--tweets", "40000", "--users", "100", "--out", src])
            db = os.path.join(mnt, "full.db")
            r = sh([BIN, "ingest", "--db", db, "--quiet", src])
            c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
            c.close()
            clear = r.returncode == 1 and "disk is full" in r.stderr and "Fatal" not in r.stderr
            print(f"full disk (8 MB tmpfs): exit {r.returncode}, message: {r.stderr.strip()[:140]}; store integrity {integrity}")
            if not clear or integrity != "ok":
                failures.append("full disk: " + r.stderr)
        finally:
            sh(["umount", mnt])
    else:
        print("full disk: skipped (cannot mount a tmpfs here)")

    if os.path.exists(BENCH) and os.path.isdir(FIXTURES):
        r = sh([BENCH, "fuzz", FIXTURES, str(fuzz), "1"])
        print(f"fuzzer: {r.stdout.strip()} (exit {r.returncode})")
        if r.returncode != 0:
            failures.append("fuzzer crashed: " + r.stderr[-500:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--tweets", type=int, default=60000)
    ap.add_argument("--fuzz", type=int, default=3_000_000)
    ap.add_argument("--writer-trials", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="twindex-drills-")
    try:
        corpus = crash_drill(args.trials, args.tweets, work)
        concurrency_drill(corpus, work)
        symlink_writer_drill(corpus, work, args.writer_trials)
        search_during_ingest_drill(corpus, work)
        hostile_drill(work, args.fuzz)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAILURE:", f)
    print(f"drills: {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
