#!/usr/bin/env python3
"""The model arena on an emulated Mac: the whole desk (feed on its simulator, analyzer with a shadow model, decision
service in AI mode) against the Ollama emulator for --seconds, then the decision service's GET /api/ai/arena and its
generated Appendix A (GET /api/ai/arena/appendix-a), printed. Answers are scored at --horizon (strategy.edge.horizon),
so the run waits one horizon more before reading the arena. The emulator knows nothing about markets: its answers are
deterministic text, so the scores say how the pipeline measures, not which model trades better. Standard library
only; loopback only; every process it starts is stopped on exit. Needs node and the packaged jars (bench/run.sh).
"""
import argparse
import json
import os
import shutil
import sys
import time
import urllib.request

import emulated
from emulated import EMULATOR, WORK, free_port, jvm, start, stop

emulated.JARS["decision-service"] = os.path.join(emulated.ROOT, "decision-service", "target", "quarkus-app",
                                                 "quarkus-run.jar")


def get(port, path, raw=False):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
        body = answer.read().decode()
    return body if raw else json.loads(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default="m4max-64gb")
    parser.add_argument("--model", default="llama3.2:3b")
    parser.add_argument("--shadow", default="phi3:mini")
    parser.add_argument("--seconds", type=int, default=480)
    parser.add_argument("--horizon", default="1m")
    parser.add_argument("--cooldown", default="15s", help="strategy.entry-cooldown: how often a coin may be asked")
    opts = parser.parse_args()
    if shutil.which("node") is None or not os.path.exists(EMULATOR):
        print(f"SKIP arena: needs node and {EMULATOR}")
        return 0
    state = os.path.join(WORK, "emulator")
    emulator_port = free_port()
    emulator = start("emulator", ["node", EMULATOR, "--port", str(emulator_port), "--profile", opts.profile, "--speed",
                                  "1", "--state-dir", state], emulator_port, "/api/version")
    feed_port = free_port()
    feed = jvm("market-feed-service", feed_port, {}, "feed")
    analyzer_port = free_port()
    analyzer = jvm("ai-analyzer-service", analyzer_port, {
        "quarkus.langchain4j.ollama.base-url": f"http://127.0.0.1:{emulator_port}",
        "analyzer.ollama.model": opts.model, "analyzer.shadow.model": opts.shadow,
        "analyzer.shadow.model-memory": str(emulated.MODEL_MEMORY.get(opts.profile, 5_500_000_000)),
        "quarkus.rest-client.market-feed.url": f"http://127.0.0.1:{feed_port}"}, "analyzer")
    decision_port = free_port()
    decision = jvm("decision-service", decision_port, {
        "decision.feed-url": f"ws://127.0.0.1:{feed_port}/ws/market",
        "quarkus.rest-client.ai-analyzer.url": f"http://127.0.0.1:{analyzer_port}",
        "decision.default-mode": "AI", "strategy.edge.horizon": opts.horizon, "strategy.edge.mode": "advise",
        "strategy.entry-cooldown": opts.cooldown, "decision.db.path": os.path.join(WORK, "decision.db")}, "decision")
    print(f"desk running on {opts.profile} ({opts.model}, shadow {opts.shadow}) for {opts.seconds} s, then one horizon "
          f"({opts.horizon}) more; logs in {WORK}", flush=True)
    time.sleep(opts.seconds)
    horizon_s = int(opts.horizon[:-1]) * (60 if opts.horizon.endswith("m") else 1)
    time.sleep(horizon_s + 10)
    arena = get(decision_port, "/api/ai/arena")
    appendix = get(decision_port, "/api/ai/arena/appendix-a", raw=True)
    for proc in (decision, analyzer, feed, emulator):
        stop(proc)
    print(json.dumps(arena, indent=1))
    print()
    print(appendix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
