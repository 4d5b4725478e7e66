#!/usr/bin/env python3
"""Fills a decision ledger (SQLite file, already migrated by a start of the service) with scored model answers, to
time GET /api/lessons on a ledger of a desk that has run for weeks.

    python3 bench/lessons_ledger.py LEDGER.db [--answers 50000] [--texts 20000] [--shadow 0.2] [--market unknown]
        [--others 0.0]
    python3 bench/lessons_ledger.py --time http://127.0.0.1:8083 [--requests 40]   # the service started on it

Rows as EdgeRepository.insertAnswer writes them: ENTRY/EXIT answers on BTC/ETH/SOL, one every 30 s of market time,
scored at 900 s; the newest --texts keep their prompt and answer (about 1.5 kB, as decision.model-record.prompts-keep
keeps 20,000); a --shadow share of SHADOW rows; lesson versions 0-3 over time; scored on --market (model_answer.market,
V21: the panel reads the desk's market only, GET /api/status -> edge.market; 'unknown' for a service started without a
feed), an --others share on the simulator instead. Seeded: the same file each run."""
import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("ledger", nargs="?")
p.add_argument("--time", help="the service's base URL: time GET /api/lessons instead of filling")
p.add_argument("--requests", type=int, default=40)
p.add_argument("--answers", type=int, default=50000)
p.add_argument("--texts", type=int, default=20000)
p.add_argument("--shadow", type=float, default=0.2)
p.add_argument("--market", default="unknown")
p.add_argument("--others", type=float, default=0.0)
a = p.parse_args()

if a.time:
    url = a.time.rstrip("/") + "/api/lessons"
    took = []
    for i in range(a.requests + 5):  # the first 5 warm the JIT and the ledger's pages, not counted
        t = time.perf_counter()
        with urllib.request.urlopen(url) as r:
            r.read()
        if i >= 5:
            took.append((time.perf_counter() - t) * 1000)
    took.sort()
    print(f"GET /api/lessons x{len(took)}: p50 {statistics.median(took):.1f} ms, "
          f"p95 {took[int(len(took) * 0.95) - 1]:.1f} ms, min {took[0]:.1f} ms, max {took[-1]:.1f} ms")
    sys.exit(0)

rnd = random.Random(7)
start = dt.datetime(2024, 10, 1, tzinfo=dt.timezone.utc)
system = "You are a careful crypto trading assistant. " * 40
sha = "0" * 64
question = ("BTC 15m: momentum +0.21 %, bid share 0.57, flow 1.31, volatility calm, spread 0.01 %, "
            "record: 41 calls, 23 right, acted 12 mean net -0.04 %. ") * 9
answer = '{"enter":true,"side":"LONG","confidence":6,"reason":"momentum and flow agree; book leans bid"}'
db = sqlite3.connect(a.ledger)
db.execute("INSERT OR IGNORE INTO model_prompt (sha, system) VALUES (?, ?)", (sha, system))
rows = []
for i in range(a.answers):
    at = start + dt.timedelta(seconds=30 * i)
    kind = "ENTRY" if rnd.random() < 0.8 else "EXIT"
    acted = 1 if rnd.random() < 0.4 else 0
    move = rnd.gauss(0.0, 0.35)
    net = move - 0.30 if kind == "ENTRY" else move
    right = 1 if (acted and net > 0) or (not acted and net <= 0) else 0
    texts = i >= a.answers - a.texts
    rows.append((kind, rnd.choice(["BTC", "ETH", "SOL"]), rnd.choice(["LONG", "SHORT"]), acted, rnd.randint(1, 10),
                 "llama3.2:3b", at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), 900, f"{move:.4f}", f"{net:.4f}", right,
                 question if texts else None, answer if texts else None, sha if texts else None,
                 "SHADOW" if rnd.random() < a.shadow else "PRIMARY", min(3, i * 4 // a.answers) or None,
                 "simulator" if rnd.random() < a.others else a.market))
if "market" not in [c[1] for c in db.execute("PRAGMA table_info(model_answer)")]:  # a ledger before V21
    rows = [r[:-1] for r in rows]
db.executemany(f"""INSERT INTO model_answer (kind, coin, side, acted, confidence, model, answered_at, horizon_seconds,
    move_pct, net_pct, right_answer, question, answer, system_sha, role, lesson_version{", market" * (len(rows[0]) == 17)})
    VALUES ({", ".join("?" * len(rows[0]))})""", rows)
db.commit()
print(f"{a.answers} answers ({a.texts} with texts) in {a.ledger}")
