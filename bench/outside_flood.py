#!/usr/bin/env python3
"""Outside flood: N clients on loopback, each asking distinct entry questions (no X-Engine-Key) back to back, bounded
in time and count; prints the answers by status and source.

    python3 bench/outside_flood.py http://127.0.0.1:8082 8 150 400   # analyzer, clients, seconds, asks per client at most

Read the engine's side before and after from decision-service's /q/metrics (decision_analyzer_answers_total by source,
decision_analyzer_fallbacks_total) and /api/decision/risk (safeMode); see ai-analyzer-service/README.md.
"""
import json, sys, threading, time, urllib.request, urllib.error
base, clients, seconds, cap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
stats, lock = {}, threading.Lock()
def count(key):
    with lock:
        stats[key] = stats.get(key, 0) + 1
def client(n):
    end = time.time() + seconds
    for i in range(cap):
        if time.time() > end:
            return
        price = 90000 + n * 1000 + i
        body = {"coin": "BTC", "side": "LONG", "price": price, "market": {"source": "flood", "asOf": "2026-12-07T09:00:00Z",
                "coins": [{"coin": "BTC", "lastPrice": price, "momentum60sPct": round(0.01 * (i % 50), 2),
                           "bookImbalance": {"bidShare": 0.6, "bidAskRatio": 1.5, "levels": 10},
                           "trades60s": {"buyCount": n + 1, "sellCount": i % 7 + 1, "buyVolume": 1.0 + i, "sellVolume": 2.0}}]}}
        req = urllib.request.Request(base + "/api/analysis/entry", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=15) as r:
                count("200 " + json.load(r).get("source", "?"))
        except urllib.error.HTTPError as e:
            count(str(e.code))
            if e.code == 429:
                time.sleep(min(5, int(e.headers.get("Retry-After", "1"))))
        except Exception as e:
            count("error " + type(e).__name__)
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
start = time.time()
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps({"clients": clients, "seconds": round(time.time() - start, 1), "answers": stats}, sort_keys=True))
