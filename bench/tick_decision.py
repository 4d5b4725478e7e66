#!/usr/bin/env python3
"""Tick -> decision through the real feed, RULES mode.

Starts market-feed-service on its simulator and decision-service in RULES mode (thresholds low and a 1 s entry
cooldown, so the simulator's ticks keep making entry decisions; confirmation off) on free loopback ports, and listens
to /ws/market itself. Each frame says, per coin, the venue time of its newest event (updatedAt) and how long before
the push the feed applied it (lastEventAgeMs): the wall time the tick entered the feed's market state is
asOf - lastEventAgeMs. A decision carries the venue time it was decided on (marketAt) and when it was decided (at):
tick -> decision = at - (the wall time the tick with that venue time entered the feed). Both processes run on this
machine's clock. Prints p50/p95/p99/max; exit code 1 when nothing could be measured. Standard library only.
"""
import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (WORK, WebSocket, free_port, iso_to_epoch, pct, request, start_jvm, stop,  # noqa: E402
                   wait_http)


def ms_key(text):
    """An instant to the millisecond, as the decision ledger stores marketAt (truncated)."""
    whole, _, frac = text.rstrip("Z").partition(".")
    return whole + "." + (frac + "000")[:3]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to collect decisions (default 60)")
    parser.add_argument("--quick", action="store_true", help="30 s")
    parser.add_argument("--publish-interval", default=None,
                        help="the feed's feed.publish-interval for clients that ask for none (default: the feed's, 100ms)")
    parser.add_argument("--engine-interval", default=None,
                        help="decision.feed.publish-interval, the interval the engine asks the feed for (default: the "
                             "service's, 10ms)")
    opts = parser.parse_args()
    seconds = 30 if opts.quick else opts.seconds
    feed_port, decision_port = free_port(), free_port()
    feed_props = {"feed.source": "simulator"}
    if opts.publish_interval:
        feed_props["feed.publish-interval"] = opts.publish_interval
    feed = start_jvm("market-feed-service", feed_port, feed_props, "tick-feed")
    engine_props = {"decision.feed.publish-interval": opts.engine_interval} if opts.engine_interval else {}
    decision = start_jvm("decision-service", decision_port, {**engine_props,
        "decision.feed-url": f"ws://127.0.0.1:{feed_port}/ws/market",
        "quarkus.rest-client.ai-analyzer.url": f"http://127.0.0.1:{free_port()}",
        "decision.default-mode": "RULES", "decision.require-confirmation": "false",
        "strategy.edge.mode": "off",  # the engine's speed, not its advice: the rules' entries at once
        "decision.auto-min-confidence": "10", "strategy.entry-cooldown": "1s",
        "strategy.rules.momentum-pct": "0.001", "strategy.rules.bid-share": "0.5", "strategy.rules.flow-ratio": "1.0",
        "decision.risk.max-entries-per-hour": "1000", "decision.risk.max-open-positions": "50",
        "decision.db.path": os.path.join(WORK, "tick-decision.db")}, "tick-decision")
    entered = {}  # (coin, updatedAt) -> wall epoch the feed applied that tick
    done = threading.Event()

    def listen():
        # at the floor (10 ms), so this client sees at least every tick the engine is pushed
        ws = WebSocket(feed_port, "/ws/market?interval=10ms")
        ws.sock.settimeout(5)
        while not done.is_set():
            try:
                msg = json.loads(ws.recv_text())
            except Exception:
                continue
            if msg.get("type") != "snapshot":
                continue
            pushed = iso_to_epoch(msg["asOf"])
            for c in msg.get("coins", []):
                if c.get("updatedAt") and c.get("lastEventAgeMs") is not None:
                    entered.setdefault((c["coin"], ms_key(c["updatedAt"])), pushed - c["lastEventAgeMs"] / 1000)
        ws.close()

    try:
        wait_http(feed_port, "/q/health/ready", feed)
        wait_http(decision_port, "/q/health/ready", decision)
        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        time.sleep(5)  # the feed client connects, the simulator's 60 s windows fill
        started = time.time()
        time.sleep(seconds)
        done.set()
        status, payload = request(decision_port, "GET", "/api/decisions?limit=1000")
        if status != 200:
            raise RuntimeError(f"GET /api/decisions answered {status}")
        latencies, unmatched = [], 0
        for d in json.loads(payload):
            if d.get("kind") != "ENTRY" or not d.get("marketAt") or iso_to_epoch(d["at"]) < started:
                continue
            tick = entered.get((d["coin"], ms_key(d["marketAt"])))
            if tick is None:
                unmatched += 1
                continue
            latencies.append((iso_to_epoch(d["at"]) - tick) * 1000)
    finally:
        stop(decision)
        stop(feed)
    if not latencies:
        print("tick -> decision: no decision could be matched to its tick", file=sys.stderr)
        return 1
    intervals = (f"feed.publish-interval {opts.publish_interval or 'default (100ms)'}, "
                 f"decision.feed.publish-interval {opts.engine_interval or 'default (10ms)'}")
    print(f"tick -> decision (real feed, simulator, RULES, {intervals}, {seconds} s, load {os.getloadavg()[0]:.1f}): "
          f"{len(latencies)} decisions "
          f"({unmatched} unmatched): p50 {pct(latencies, 50):.2f} ms, p95 {pct(latencies, 95):.2f} ms, "
          f"p99 {pct(latencies, 99):.2f} ms, max {max(latencies):.2f} ms (target <= 20 ms p99)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
