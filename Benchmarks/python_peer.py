#!/usr/bin/env python3
"""The plain-Python peer of `twindex ingest`: what a researcher would write instead.

orjson + the standard sqlite3 module, with the same rules as twindex (ANALYSIS.md): one row per
unique tweet id (first version kept, duplicates counted), delete notices remove a tweet and are
remembered, other notices counted, hashtags NFC + case folded and counted once per tweet,
mentions and URLs from the tweet's entities (the extended_tweet ones for truncated streaming
tweets), and an FTS5 index over the texts built at the end. It does not extract entities from
texts that carry none (twindex follows twitter-text there), so its entity counts can be lower on
such corpora; it is here for time.

usage: python_peer.py STORE.db INPUT.jsonl"""
import sqlite3, sys, unicodedata

import orjson

SCHEMA = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE tweets (id INTEGER PRIMARY KEY, created_at TEXT, author_id INTEGER, text TEXT,
                     in_reply_to_status_id INTEGER, retweeted_id INTEGER, lang TEXT);
CREATE TABLE users (id INTEGER PRIMARY KEY, screen_name TEXT, followers_count INTEGER);
CREATE TABLE hashtags (tweet_id INTEGER, tag TEXT, spelling TEXT, PRIMARY KEY (tweet_id, tag)) WITHOUT ROWID;
CREATE TABLE mentions (tweet_id INTEGER, screen_name TEXT, PRIMARY KEY (tweet_id, screen_name)) WITHOUT ROWID;
CREATE TABLE urls (tweet_id INTEGER, url TEXT, PRIMARY KEY (tweet_id, url)) WITHOUT ROWID;
CREATE TABLE deleted_tweets (id INTEGER PRIMARY KEY);
"""


def main(store, path):
    db = sqlite3.connect(store, isolation_level=None)
    db.executescript(SCHEMA)
    deleted = set()
    counts = dict(lines=0, tweets=0, duplicates=0, deleted=0, notices=0, bad=0)
    db.execute("BEGIN")
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            counts["lines"] += 1
            if not line.strip():
                continue
            try:
                o = orjson.loads(line)
            except orjson.JSONDecodeError:
                counts["bad"] += 1
                continue
            if "delete" in o:
                s = o["delete"].get("status", {})
                i = int(s.get("id_str") or s.get("id") or 0)
                if i and i not in deleted:
                    deleted.add(i)
                    counts["deleted"] += 1
                    db.execute("INSERT OR IGNORE INTO deleted_tweets VALUES (?)", (i,))
                    db.execute("DELETE FROM tweets WHERE id = ?", (i,))
                    for t in ("hashtags", "mentions", "urls"):
                        db.execute(f"DELETE FROM {t} WHERE tweet_id = ?", (i,))
                continue
            if "id_str" not in o and "id" not in o:
                counts["notices" if len(o) == 1 else "bad"] += 1
                continue
            i = int(o.get("id_str") or o["id"])
            if i in deleted:
                continue
            ext = o.get("extended_tweet") if o.get("truncated") else None
            text = (ext or {}).get("full_text") or o.get("full_text") or o.get("text") or ""
            ent = (ext or {}).get("entities") or o.get("entities") or {}
            text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            u = o.get("user") or {}
            cur = db.execute("INSERT OR IGNORE INTO tweets VALUES (?,?,?,?,?,?,?)",
                             (i, o.get("created_at"), u.get("id"), text, o.get("in_reply_to_status_id"),
                              (o.get("retweeted_status") or {}).get("id"), o.get("lang")))
            if cur.rowcount == 0:
                counts["duplicates"] += 1
                continue
            counts["tweets"] += 1
            if u.get("id") is not None:
                db.execute("INSERT OR REPLACE INTO users VALUES (?,?,?)",
                           (u["id"], u.get("screen_name"), u.get("followers_count")))
            for h in ent.get("hashtags") or []:
                s = h.get("text") or h.get("tag") or ""
                tag = unicodedata.normalize("NFC", s).casefold()
                db.execute("INSERT OR IGNORE INTO hashtags VALUES (?,?,?)", (i, tag, s))
            for m in ent.get("user_mentions") or []:
                db.execute("INSERT OR IGNORE INTO mentions VALUES (?,?)", (i, m.get("screen_name")))
            for l in ent.get("urls") or []:
                db.execute("INSERT OR IGNORE INTO urls VALUES (?,?)", (i, l.get("expanded_url") or l.get("url")))
            if counts["tweets"] % 50000 == 0:
                db.execute("COMMIT")
                db.execute("BEGIN")
    db.execute("COMMIT")
    db.executescript("""
        CREATE INDEX tweets_created_at ON tweets(created_at);
        CREATE INDEX hashtags_tag ON hashtags(tag);
        CREATE VIRTUAL TABLE tweets_fts USING fts5(text, content="tweets", content_rowid="id",
                                                   tokenize="unicode61 remove_diacritics 2");
        INSERT INTO tweets_fts(tweets_fts) VALUES ('rebuild');
    """)
    db.close()
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
