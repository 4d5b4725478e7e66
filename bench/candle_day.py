#!/usr/bin/env python3
"""Usage: python3 bench/candle_day.py 2024-10-02 day.jsonl (then feed.source=replay, feed.replay.file=day.jsonl).
One UTC day of the shared 1-minute candles as a feed replay (MarketEvent JSON Lines), coins merged in venue-time
order. Per candle: trades at open, the two extremes (low first on an up candle, high first on a down one) and close,
15 s apart, a quarter of the volume each, aggressor by the tick's direction; a neutral 20-level book (equal sizes,
1 bp spread) around the open and the close: candles carry no book, so the book votes stay neutral."""
import csv, json, os, sys
from datetime import datetime, timedelta, timezone

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data", "klines-1m")

day = sys.argv[1]                       # a UTC date of the candles, e.g. 2024-10-02
out = sys.argv[2]
start = datetime.fromisoformat(day).replace(tzinfo=timezone.utc)
end = start + timedelta(days=1)
events = []

def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"

def book(coin, t, px):
    step = px * 0.0001
    bids = [{"price": round(px - step / 2 - i * step, 2), "size": 1.0} for i in range(20)]
    asks = [{"price": round(px + step / 2 + i * step, 2), "size": 1.0} for i in range(20)]
    return {"type": "book", "instrument": {"symbol": coin + "USDT", "venue": "BINANCE", "coin": coin},
            "kind": "SNAPSHOT", "bids": bids, "asks": asks, "venueTime": iso(t),
            "receiveTime": iso(t + timedelta(milliseconds=5))}

for coin in ("BTC", "ETH", "SOL"):
    n, last = 0, None
    with open(os.path.join(DATA, f"{coin}USDT-1m-2024Q4.csv")) as f:
        for row in csv.DictReader(f):
            t0 = datetime.fromisoformat(row["timestamp"]).replace(tzinfo=timezone.utc)
            if not (start <= t0 < end):
                continue
            o, h, l, c, v = (float(row[k]) for k in ("open", "high", "low", "close", "volume"))
            path = [o, l, h, c] if c >= o else [o, h, l, c]
            events.append((t0, 0, book(coin, t0, o)))
            for i, px in enumerate(path):
                t = t0 + timedelta(seconds=15 * i, milliseconds=1)
                n += 1
                side = "BUY" if last is None or px >= last else "SELL"
                last = px
                events.append((t, 1, {"type": "trade", "instrument": {"symbol": coin + "USDT", "venue": "BINANCE",
                              "coin": coin}, "price": px, "size": round(v / 4, 8), "aggressor": side,
                              "tradeId": f"{coin}-{int(t0.timestamp())}-{i}", "venueTime": iso(t),
                              "receiveTime": iso(t + timedelta(milliseconds=5))}))
            events.append((t0 + timedelta(seconds=59), 0, book(coin, t0 + timedelta(seconds=59), c)))
    print(coin, n // 4, "candles", file=sys.stderr)

events.sort(key=lambda e: (e[0], e[1]))
with open(out, "w") as f:
    for _, _, e in events:
        f.write(json.dumps(e, separators=(",", ":")) + "\n")
print(len(events), "events", file=sys.stderr)
