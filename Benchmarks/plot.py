#!/usr/bin/env python3
"""Draws Benchmarks/time-per-tweet.svg from Benchmarks/scale.json (scale.py calls it): wall time
per tweet of each whole ingest against the store's size in tweets (log scale), for twindex and
its peers, and twindex's appends of 1% new tweets (the nightly newest 1%, and a backfill from
across the span), each into an empty store and onto the store.
Plain SVG, no plotting library.  usage: plot.py [scale.json] [out.svg]"""
import json, math, os, sys

COLORS = {"twindex": "#1f77b4", "python": "#d62728", "duckdb_file": "#2ca02c", "duckdb_memory": "#98df8a",
          "sqlite_utils": "#9467bd", "nightly": "#ff7f0e", "backfill": "#8c564b"}
LABELS = {"twindex": "twindex ingest", "python": "Python baseline (orjson + sqlite3)", "duckdb_file": "DuckDB read_ndjson → file",
          "duckdb_memory": "DuckDB read_ndjson → memory", "sqlite_utils": "sqlite-utils insert + FTS",
          "nightly": "twindex nightly: newest 1%, empty store / onto the rest",
          "backfill": "twindex backfill: 1% of the span, empty store / onto it"}


def series(results):
    """{name: [(store tweets after the run, µs per tweet)]}."""
    out = {}
    for size in sorted(results, key=int):
        r = results[size]
        for key in ("twindex", "python", "duckdb_file", "duckdb_memory", "sqlite_utils"):
            if key in r:
                out.setdefault(key, []).append((r["tweets"], r[key]["wall"] / r["tweets"] * 1e6))
    # The appends of the largest size measured: the file into an empty store, then onto the
    # store (newest: onto the store of the rest, which holds the size's tweets less the file's).
    for key, name in (("newest", "nightly"), ("nightly", "backfill")):
        big = max((s for s in results if key in results[s]), key=int, default=None)
        if big:
            n, total = results[big][key], results[big]["tweets"]
            out[name] = [(n["tweets"], n["empty"]["wall"] / n["tweets"] * 1e6),
                         (total if key == "newest" else total + n["tweets"], n["append"]["wall"] / n["tweets"] * 1e6)]
    return out


def write(results, path):
    data = series(results)
    width, height, left, right, top, bottom = 880, 420, 70, 370, 30, 50
    xs = [x for pts in data.values() for x, _ in pts] or [1]
    ys = [y for pts in data.values() for _, y in pts] or [1]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)) + 0.01)
    ymax = max(ys) * 1.1
    pw, ph = width - left - right, height - top - bottom
    px = lambda x: left + (math.log10(x) - x0) / (x1 - x0) * pw
    py = lambda y: top + ph - y / ymax * ph
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="14">Wall time per tweet against store size (whole ingest commands)</text>']
    for e in range(x0, x1 + 1):
        x = px(10 ** e)
        svg.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#ddd"/>')
        svg.append(f'<text x="{x:.1f}" y="{top + ph + 16}" text-anchor="middle">10^{e}</text>')
    step = 10 ** math.floor(math.log10(ymax / 4)) if ymax > 0 else 1
    y = 0.0
    while y <= ymax:
        svg.append(f'<line x1="{left}" y1="{py(y):.1f}" x2="{left + pw}" y2="{py(y):.1f}" stroke="#eee"/>')
        svg.append(f'<text x="{left - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}</text>')
        y += step * (2 if ymax / step > 10 else 1)
    svg.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    svg.append(f'<text x="{left + pw / 2}" y="{height - 10}" text-anchor="middle">tweets in the store after the run (log scale)</text>')
    svg.append(f'<text transform="translate(16,{top + ph / 2}) rotate(-90)" text-anchor="middle">µs per tweet (wall)</text>')
    for i, (key, pts) in enumerate(data.items()):
        c = COLORS[key]
        if len(pts) > 1:
            d = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
            dash = ' stroke-dasharray="5,4"' if key in ("nightly", "backfill") else ""
            svg.append(f'<polyline points="{d}" fill="none" stroke="{c}" stroke-width="2"{dash}/>')
        for x, y in pts:
            svg.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{c}"><title>{LABELS[key]}: {x:,} tweets, {y:.1f} µs</title></circle>')
        ly = top + 10 + i * 20
        svg.append(f'<rect x="{left + pw + 12}" y="{ly - 8}" width="12" height="12" fill="{c}"/>')
        svg.append(f'<text x="{left + pw + 30}" y="{ly + 2}" font-size="11">{LABELS[key]}</text>')
    svg.append("</svg>")
    open(path, "w").write("\n".join(svg) + "\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "scale.json")
    write(json.load(open(src)), sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "time-per-tweet.svg"))
