#!/usr/bin/env python3
"""AI latency as a user on a given Mac would feel it: ai-analyzer-service against the Ollama emulator.

For each profile (../shared/ollama-emulator, real time, --speed 1): the emulator, the feed on its simulator and
the analyzer with its defaults (2 s deadline, sentiment every 30 s, cache on); after the start-up preload and
priming call, an entry question every 3 s over Server-Sent Events for --seconds. Printed per profile:
time-to-signal and full-answer p50/p95 of the entry questions, the share answered by the model, Ollama's queue
wait (from the emulator's own log), tokens per call (prompt, cached, evaluated, output) and answers cut at
num_predict. Figures are printed and appended to --out, never asserted. Standard library only; loopback only;
every process it starts is stopped on exit. Needs node (the emulator) and the packaged jars (bench/run.sh).
"""
import argparse
import atexit
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import launch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMULATOR = os.path.join(os.path.dirname(ROOT), "shared", "ollama-emulator", "emulator.js")
JARS = {m: os.path.join(ROOT, m, "target", "quarkus-app", "quarkus-run.jar")
        for m in ("market-feed-service", "ai-analyzer-service")}
WORK = tempfile.mkdtemp(prefix="signaldesk-emulated-")
PROCS = []
COINS = ["BTC", "ETH", "SOL"]


def kill_all():
    for proc in PROCS:
        if proc.poll() is None:
            proc.terminate()
    for proc in PROCS:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


atexit.register(kill_all)
signal.signal(signal.SIGTERM, lambda signum, _: sys.exit(128 + signum))


_NEXT_PORT = [int(os.environ["BENCH_PORT_BASE"])] if os.environ.get("BENCH_PORT_BASE") else []


def free_port():
    """A free loopback port: any, or the next free one from BENCH_PORT_BASE up (a range agreed on a shared machine)."""
    while _NEXT_PORT:
        port = _NEXT_PORT[0]
        _NEXT_PORT[0] += 1
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name, args, port, path):
    log = open(os.path.join(WORK, name + ".log"), "w")
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=WORK, env=launch.java_env())
    PROCS.append(proc)
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as answer:
                if answer.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer {path} within 90 s; see {log.name}")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()


def jvm(module, port, props, name):
    """A packaged service with the launch settings of deploy/jvm.conf (BENCH_JAVA_OPTS instead, when set)."""
    args = ["java"] + launch.java_args(module) + [f"-Dquarkus.http.port={port}", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.level=WARN",
            "-Dquarkus.log.category.\"io.signaldesk\".level=INFO"] + [f"-D{k}={v}" for k, v in props.items()]
    return start(name, args + ["-jar", JARS[module]], port, "/q/health/live")


def pct(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def sec(value):
    return "n/a" if value is None else f"{value:.2f} s"


def price_of(feed_port, coin):
    with urllib.request.urlopen(f"http://127.0.0.1:{feed_port}/api/market/snapshot", timeout=5) as answer:
        snapshot = json.loads(answer.read())
    return next((c.get("lastPrice") or c.get("midPrice") for c in snapshot.get("coins", []) if c.get("coin") == coin), 1.0)


# The model's record per setup as the decision service sends it between two refreshes (decision.model-record.refresh,
# 10 min: longer than a run, so each setup's record stays the same all run): calls, right, acted, net, last, edge.
RECORDS = {("BTC", "LONG"): (14, 6, 8, -0.2125, "RWWRW"), ("BTC", "SHORT"): (9, 5, 3, -0.4010, "WRRWR"),
           ("ETH", "LONG"): (22, 9, 12, -0.1875, "WWRWR"), ("ETH", "SHORT"): (5, 3, 1, 0.1500, "RRWWR"),
           ("SOL", "LONG"): (31, 12, 17, -0.3302, "RWWWR"), ("SOL", "SHORT"): (0, 0, 0, None, "")}


def record_of(coin, side):
    calls, right, acted, net, last = RECORDS[(coin, side)]
    record = {"horizonMinutes": 15, "calls": calls, "right": right, "acted": acted, "last": last, "measuredEdge": False}
    if net is not None:
        record["netPct"] = net
    return record


# Lessons (issue 20): a draft's digest as the decision service sends it (the six setups of its test fixture, 120 entries
# scored on the Q4-2024 candles), and five accepted lessons near the 120-character limit, as a trader may keep them.
LESSON_DIGEST = {"max": 3, "setups": [
    {"id": "S1", "kind": "ENTRY", "coin": "SOL", "side": "LONG", "calls": 24, "right": 14, "acted": 14, "actedNetPct": -0.2105, "netPct": -0.2348},
    {"id": "S2", "kind": "ENTRY", "coin": "BTC", "side": "LONG", "calls": 22, "right": 10, "acted": 11, "actedNetPct": -0.3312, "netPct": -0.3043},
    {"id": "S3", "kind": "ENTRY", "coin": "ETH", "side": "LONG", "calls": 22, "right": 11, "acted": 12, "actedNetPct": -0.2711, "netPct": -0.2560},
    {"id": "S4", "kind": "ENTRY", "coin": "BTC", "side": "SHORT", "calls": 18, "right": 11, "acted": 7, "actedNetPct": -0.3502, "netPct": -0.3638},
    {"id": "S5", "kind": "ENTRY", "coin": "ETH", "side": "SHORT", "calls": 18, "right": 10, "acted": 8, "actedNetPct": -0.3104, "netPct": -0.3518},
    {"id": "S6", "kind": "ENTRY", "coin": "SOL", "side": "SHORT", "calls": 16, "right": 7, "acted": 11, "actedNetPct": -0.3310, "netPct": -0.3086}]}
ACCEPTED_LESSONS = [
    "Skip SOL longs after a five-minute rise: 24 calls netted -0.23 % each after the 0.30 % round trip.",
    "BTC shorts after a five-minute fall lost after costs in 18 calls; enter only on a much stronger signal.",
    "A move under 0.30 % in 15 minutes does not pay the round trip: skip entries whose momentum is below that.",
    "Hold a position that moves your way while bids lead; close it when the book turns against it.",
    "ETH longs and shorts both lost after costs: weigh the record's net figure before the momentum."]
# A draft's prompt (the system message and the digest, about 560 Llama 3 tokens) is far larger than an entry's (about
# 380) or the sentiment's (about 420): the emulator's log tells them apart by that.
DRAFT_PROMPT_TOKENS = 500


def draft_loop(port, running, drafts):
    """Lesson drafts back to back for the whole run (the decision service drafts at most once per 20 scored answers:
    this is the worst case), each as the decision service asks it; their outcomes and times appended to {drafts}."""
    body = json.dumps(LESSON_DIGEST)
    while running.is_set():
        sent = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=200)
            conn.request("POST", "/api/analysis/lessons", body, {"Content-Type": "application/json"})
            answer = json.loads(conn.getresponse().read())
            conn.close()
        except (OSError, ValueError) as e:
            answer = {"status": "ERROR", "problem": str(e)}
        answer["wallS"] = time.perf_counter() - sent
        drafts.append(answer)


def put_lessons(port, lessons):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("PUT", "/api/ai/lessons", json.dumps({"version": 1, "lessons": lessons}), {"Content-Type": "application/json"})
    answer = json.loads(conn.getresponse().read())
    conn.close()
    return answer


# Memory each emulated profile lets Ollama give models (the emulator's modelMemoryGb), for the shadow's fit check.
MODEL_MEMORY = {"m1-8gb": 5_500_000_000, "m1-8gb-slow": 5_500_000_000, "m2-16gb": 11_000_000_000,
                "m2pro-16gb": 11_000_000_000, "m4max-64gb": 48_000_000_000}


def shadow_ask(port, body, shadow_results):
    """The question the model in use answered, asked of the shadow as the decision service asks it (same body)."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/api/analysis/shadow/entry", body, {"Content-Type": "application/json"})
        shadow_results.append(json.loads(conn.getresponse().read()))
        conn.close()
    except (OSError, ValueError) as e:
        shadow_results.append({"status": "ERROR", "reason": str(e)})


def entry_over_sse(port, feed_port, coin, side, results, with_record=False, shadow_results=None):
    """One entry question as a trader's tool asks it (at the feed's price); times the signal event and done. With
    {with_record} it carries the model's record on the setup, as the decision service's questions do. With
    {shadow_results} (a list) it carries the feed's snapshot, as the decision service's do, and once the model in use
    has answered, the same question goes to the shadow model (its answer appended to the list)."""
    question = {"coin": coin, "side": side, "price": price_of(feed_port, coin)}
    if with_record:
        question["record"] = record_of(coin, side)
    if shadow_results is not None:
        with urllib.request.urlopen(f"http://127.0.0.1:{feed_port}/api/market/snapshot", timeout=5) as answer:
            question["market"] = json.loads(answer.read())
    body = json.dumps(question)
    sent = time.perf_counter()
    record = {"coin": coin, "side": side, "signal": None, "done": None, "source": None, "fallback": None,
              "reasonCut": False}
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/api/analysis/entry", body,
                     {"Content-Type": "application/json", "Accept": "text/event-stream"})
        response = conn.getresponse()
        event = None
        while True:
            line = response.readline()
            if not line:
                break
            text = line.decode("utf-8").rstrip("\r\n")
            if text.startswith("event:"):
                event = text[6:].strip()
            elif text.startswith("data:") and event == "signal" and record["signal"] is None:
                record["signal"] = time.perf_counter() - sent
                data = json.loads(text[5:])
                record["source"], record["fallback"] = data.get("source"), data.get("fallbackReason")
            elif text.startswith("data:") and event == "done":
                record["done"] = time.perf_counter() - sent
                data = json.loads(text[5:])
                record["source"] = data.get("source")
                record["fallback"] = data.get("fallbackReason")
                record["reasonCut"] = bool(data.get("reasonCut"))
        conn.close()
    except OSError as e:
        record["error"] = str(e)
    results.append(record)
    if shadow_results is not None and record["source"] == "AI" and shadow_results is not NO_SHADOW:
        shadow_ask(port, body, shadow_results)


def probe_ask(port, feed_port, coin, side, probe_results):
    """A probe as the decision service asks it for a setup its edge gate no longer asks about live: the model in use,
    on the analyzer's idle time (the shadow's lane), with the feed's snapshot; the answer appended to the list."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{feed_port}/api/market/snapshot", timeout=5) as answer:
            market = json.loads(answer.read())
        body = json.dumps({"coin": coin, "side": side, "price": price_of(feed_port, coin), "market": market})
        sent = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/api/analysis/probe/entry", body, {"Content-Type": "application/json"})
        answer = json.loads(conn.getresponse().read())
        conn.close()
        answer["benchS"] = time.perf_counter() - sent
        probe_results.append(answer)
    except (OSError, ValueError) as e:
        probe_results.append({"status": "ERROR", "reason": str(e)})


# Questions carry the snapshot, but no shadow is asked (the shadow-off run of --shadow-mode both).
NO_SHADOW = []


def burst(analyzer_port, feed_port, callers):
    """{callers} distinct entry questions at once (JSON): each must be answered by the deadline, counted from its
    arrival, whether the one model got to it or the rules did."""
    with urllib.request.urlopen(f"http://127.0.0.1:{feed_port}/api/market/snapshot", timeout=5) as answer:
        snapshot = json.loads(answer.read())
    btc = next(c for c in snapshot["coins"] if c["coin"] == "BTC")
    times, server, sources = [], [], {}
    lock = threading.Lock()

    def one(i):
        coin = dict(btc, momentum60sPct=round(-2.5 + i * 0.05, 2))  # a distinct market state per caller
        body = json.dumps({"coin": "BTC", "side": "LONG" if i % 2 else "SHORT", "price": btc.get("lastPrice"),
                           "market": dict(snapshot, coins=[coin])})
        sent = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", analyzer_port, timeout=30)
            conn.request("POST", "/api/analysis/entry", body, {"Content-Type": "application/json"})
            reply = conn.getresponse()
            payload = json.loads(reply.read())
            conn.close()
            key = f"{payload.get('source')} {payload.get('fallbackReason') or ''}".strip()
            measured = payload.get("latencyMs")
        except (OSError, ValueError) as e:
            key, measured = f"error {type(e).__name__}", None
        with lock:
            times.append(time.perf_counter() - sent)
            if measured is not None:
                server.append(measured / 1000)
            sources[key] = sources.get(key, 0) + 1

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return times, server, sources


def metric(text, name, kind):
    """(count, sum) of a Micrometer summary for one analysis type, from the Prometheus text."""
    count = total = None
    for line in text.splitlines():
        if f'type="{kind}"' not in line:
            continue
        if line.startswith(name + "_count"):
            count = float(line.rsplit(" ", 1)[1])
        elif line.startswith(name + "_sum"):
            total = float(line.rsplit(" ", 1)[1])
    return (count, total) if count is not None and total is not None else None


def read_log(path):
    if not os.path.exists(path):
        return []
    with open(path) as log:
        return [json.loads(line) for line in log if line.strip()]


def run_profile(profile, seconds, feed_port, model, callers, with_record=False, shadow=None, with_market=False,
                probes_per_minute=0, lessons=None):
    # a state directory (and so a request log) of its own per run: a second variant of the same profile would otherwise
    # find the first one's priming call in the log, measure from before its own analyzer primed, and mix the two logs
    state = tempfile.mkdtemp(dir=WORK, prefix="emulator-" + profile + "-")
    load_at_start = os.getloadavg()[0]
    emulator_port = free_port()
    emulator = start("emulator-" + profile, ["node", EMULATOR, "--port", str(emulator_port), "--profile", profile,
                                            "--speed", "1", "--state-dir", state], emulator_port, "/api/version")
    analyzer_port = free_port()
    analyzer = jvm("ai-analyzer-service", analyzer_port, {
        "quarkus.langchain4j.ollama.base-url": f"http://127.0.0.1:{emulator_port}",
        "analyzer.ollama.model": model,
        "quarkus.rest-client.market-feed.url": f"http://127.0.0.1:{feed_port}",
        **({"analyzer.shadow.model": shadow, "analyzer.shadow.model-memory": str(MODEL_MEMORY.get(profile, 5_500_000_000))}
           if shadow else {})}, "analyzer-" + profile)
    log_path = os.path.join(state, "requests.jsonl")
    warm_deadline = time.time() + 30  # the start-up preload and priming call, as a user's first minute has
    while time.time() < warm_deadline and not any(e.get("outputTokens") == 1 and "cancelled" not in e
                                                  for e in read_log(log_path)):
        time.sleep(0.2)
    warmed = len(read_log(log_path))
    drafts, drafting = [], threading.Event()
    if lessons == "accepted":
        status_lessons = put_lessons(analyzer_port, ACCEPTED_LESSONS)
    elif lessons == "drafting":
        drafting.set()
        threading.Thread(target=draft_loop, args=(analyzer_port, drafting, drafts), daemon=True).start()
    results, threads = [], []
    shadow_results = [] if shadow else (NO_SHADOW if with_market else None)
    started = time.time()
    probe_results, probe_threads = [], []
    if probes_per_minute:
        def probing():
            k = 0
            while time.time() - started < seconds:
                coin, side = COINS[k % 3], "SHORT" if (k // 3) % 2 == 0 else "LONG"
                thread = threading.Thread(target=probe_ask, args=(analyzer_port, feed_port, coin, side, probe_results),
                                          daemon=True)
                thread.start()
                probe_threads.append(thread)
                k += 1
                time.sleep(max(0.0, started + 1.5 + k * 60 / probes_per_minute - time.time()))
        prober = threading.Thread(target=probing, daemon=True)
        prober.start()
        probe_threads.append(prober)
    i = 0
    while time.time() - started < seconds:
        coin, side = COINS[i % 3], "LONG" if (i // 3) % 2 == 0 else "SHORT"
        thread = threading.Thread(target=entry_over_sse, args=(analyzer_port, feed_port, coin, side, results, with_record, shadow_results),
                                  daemon=True)
        thread.start()
        threads.append(thread)
        i += 1
        time.sleep(max(0.0, started + i * 3 - time.time()))
    for thread in threads:
        thread.join(90 if shadow else 30)
    for thread in list(probe_threads):
        thread.join(60)
    drafting.clear()
    time.sleep(3)  # the last scheduled sentiment may still be writing
    with urllib.request.urlopen(f"http://127.0.0.1:{analyzer_port}/api/ai/status", timeout=5) as answer:
        status = json.loads(answer.read())
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{analyzer_port}/api/analysis/latest", timeout=5) as answer:
            status["latestSentiment"] = json.loads(answer.read())
    except OSError:
        status["latestSentiment"] = None
    with urllib.request.urlopen(f"http://127.0.0.1:{analyzer_port}/q/metrics", timeout=5) as answer:
        status["metrics"] = answer.read().decode()
    with urllib.request.urlopen(f"http://127.0.0.1:{analyzer_port}/api/ai/shadow", timeout=5) as answer:
        status["shadow"] = json.loads(answer.read())
    with urllib.request.urlopen(f"http://127.0.0.1:{analyzer_port}/api/ai/metrics", timeout=5) as answer:
        status["aiMetrics"] = json.loads(answer.read())
    status["shadowAnswers"] = shadow_results if shadow else None
    status["probeAnswers"] = probe_results if probes_per_minute else None
    logged = read_log(log_path)
    status_burst = burst(analyzer_port, feed_port, callers) if callers else None
    stop(analyzer)
    stop(emulator)
    calls = [e for e in logged[warmed:] if not e.get("preload") and "cancelled" not in e]
    cancelled = [e for e in logged[warmed:] if "cancelled" in e]
    if lessons:
        # the lesson drafts' own calls apart (their prompt is the largest), so the other figures are the questions'
        status["lessonRun"] = {"mode": lessons, "drafts": drafts,
                             "draftCalls": [e for e in calls if e.get("promptTokens", 0) >= DRAFT_PROMPT_TOKENS],
                             "draftCancelled": [e for e in cancelled if e.get("promptTokens", 0) >= DRAFT_PROMPT_TOKENS],
                             "inPrompt": status_lessons if lessons == "accepted" else None,
                             # the first call after the change reads the new system message uncached (put back or not)
                             "firstAfter": next((e for e in logged[warmed:] if not e.get("preload")), None)}
        calls = [e for e in calls if e.get("promptTokens", 0) < DRAFT_PROMPT_TOKENS]
        cancelled = [e for e in cancelled if e.get("promptTokens", 0) < DRAFT_PROMPT_TOKENS]
    status["burst"] = status_burst
    status["log"] = [e for e in logged[warmed:] if not e.get("preload")]
    status["wholeLog"] = [e for e in logged if not e.get("preload")]  # since the analyzer started, as /api/ai/metrics
    status["load"] = (load_at_start, os.getloadavg()[0])
    return results, calls, cancelled, status


def collisions(log, model):
    """From the emulator's log: the desk's entries that Ollama held behind a background call (the scheduled sentiment,
    the larger prompt; or another model, the shadow) still reading its prompt when the entry reached Ollama, and how
    long; and the sentiments decided (completed, or cut after 20 tokens, past its decision fields), with the longest gap
    between two. Ollama reads a prompt without interruption: a cancel takes effect at the next output token."""
    runs = []
    for e in log:
        start = e["at"] + e.get("queuedS", 0)
        runs.append(dict(e, start=start, read_end=start + e.get("loadS", 0) + e.get("prefillS", 0)))
    runs.sort(key=lambda e: e["start"])
    primary = [e for e in runs if e.get("model") == model and e.get("promptTokens")]
    sizes = [e["promptTokens"] for e in primary if e.get("outputTokens", 0) > 1 or e.get("cancelled")]
    cut_at = (min(sizes) + max(sizes)) / 2 if sizes and max(sizes) - min(sizes) > 40 else float("inf")

    def kind(e):
        if e.get("model") != model:
            return "shadow"
        return "sentiment" if e.get("promptTokens", 0) >= cut_at else "entry"

    held, entries = [], 0
    for e in runs:
        if kind(e) != "entry" or e.get("cancelled") or e.get("outputTokens", 0) <= 1:
            continue
        entries += 1
        if e.get("queuedS", 0) <= 0.05:
            continue
        before = [b for b in runs if b["start"] < e["at"] and b is not e]
        if before and kind(before[-1]) != "entry" and e["at"] < before[-1]["read_end"]:
            held.append((kind(before[-1]), e["queuedS"]))
    decided = sorted(e["start"] for e in runs if kind(e) == "sentiment"
                     and (not e.get("cancelled") and e.get("outputTokens", 0) > 1 or e.get("outputTokens", 0) >= 20))
    gaps = [b - a for a, b in zip(decided, decided[1:])]
    return held, entries, decided, gaps


def summarise(profile, model, seconds, results, calls, cancelled, status):
    signals = [r["signal"] for r in results if r["signal"] is not None]
    dones = [r["done"] for r in results if r["done"] is not None]
    from_model = [r for r in results if r["source"] in ("AI", "CACHE")]
    computed = [r for r in results if r["source"] == "AI"]
    fallbacks = {}
    for r in results:
        if r["source"] == "RULES":
            fallbacks[r["fallback"]] = fallbacks.get(r["fallback"], 0) + 1
    waits = [e.get("queuedS", 0) for e in calls]
    answers = [e for e in calls if e.get("outputTokens", 0) > 1]  # the priming call writes one token on purpose
    cut = sum(1 for e in answers if e.get("doneReason") == "length")

    def avg(entries, key):
        return sum(e.get(key, 0) for e in entries) / len(entries) if entries else 0

    overall = (f"all {len(answers)} answers: prompt {avg(answers, 'promptTokens'):.0f}, cached {avg(answers, 'cachedTokens'):.0f}, "
               f"evaluated {avg(answers, 'evalTokens'):.0f}, output {avg(answers, 'outputTokens'):.0f}")
    per_type = []
    for kind in ("SENTIMENT", "ENTRY", "EXIT", "RISK"):
        evaluated = metric(status.get("metrics", ""), "analyzer_tokens_evaluated", kind)
        output = metric(status.get("metrics", ""), "analyzer_tokens_output", kind)
        if evaluated and evaluated[0]:
            per_type.append(f"{kind.lower()} x{evaluated[0]:.0f}: evaluated {evaluated[1] / evaluated[0]:.0f}, "
                            f"output {output[1] / output[0]:.0f}" if output and output[0] else "")
    tokens = overall + ("; per type (analyzer's meters): " + "; ".join(per_type) if per_type else "")
    # the entries: the smaller prompts (the scheduled sentiment asks about all three coins)
    sizes = [e.get("promptTokens", 0) for e in answers]
    cut_at = (min(sizes) + max(sizes)) / 2 if sizes and max(sizes) - min(sizes) > 40 else float("inf")
    entries = [e for e in answers if e.get("promptTokens", 0) < cut_at]
    prompt_sum = sum(e.get("promptTokens", 0) for e in entries)
    entry_tokens = (f"{len(entries)} entries: prompt {avg(entries, 'promptTokens'):.1f}, cached {avg(entries, 'cachedTokens'):.1f}, "
                    f"evaluated {avg(entries, 'evalTokens'):.1f}, output {avg(entries, 'outputTokens'):.1f}; cached prefix share "
                    f"{(sum(e.get('cachedTokens', 0) for e in entries) / prompt_sum * 100) if prompt_sum else 0:.1f} %")
    machine = status.get("machine") or {}
    share = len(from_model) / len(results) if results else 0
    held, n_entries, decided, gaps = collisions(status.get("log", []), model)
    metrics_text = status.get("metrics", "")
    waited = metric(metrics_text, "analyzer_queue_wait_seconds", "ENTRY")
    wait_max = next((float(line.rsplit(" ", 1)[1]) for line in metrics_text.splitlines()
                     if line.startswith("analyzer_queue_wait_seconds_max") and 'type="ENTRY"' in line), None)
    queue_wait = (f"{sec(waited[1] / waited[0])} / {sec(wait_max)} over {waited[0]:.0f} calls"
                  if waited and waited[0] else "n/a")
    sentiment_sources = {}
    for line in metrics_text.splitlines():
        if line.startswith("analyzer_analyses_total") and 'type="SENTIMENT"' in line:
            source = line.split('source="', 1)[1].split('"', 1)[0]
            sentiment_sources[source] = sentiment_sources.get(source, 0) + int(float(line.rsplit(" ", 1)[1]))
    rows = [
        ("machine load (1-min average) at start / end", f"{status['load'][0]:.1f} / {status['load'][1]:.1f}"),
        ("entry questions (every 3 s, SSE)", f"{len(results)} asked, {len(signals)} decided, {len(dones)} completed"),
        ("time-to-signal p50 / p95", f"{sec(pct(signals, 50))} / {sec(pct(signals, 95))}"),
        ("time-to-signal p50 / p95, model-computed only", f"{sec(pct([r['signal'] for r in computed if r['signal']], 50))} / "
                                                          f"{sec(pct([r['signal'] for r in computed if r['signal']], 95))}"),
        ("full answer p50 / p95", f"{sec(pct(dones, 50))} / {sec(pct(dones, 95))}"),
        ("answers from the model (AI + its cache)", f"{share * 100:.0f} % ({len(computed)} AI, "
                                                     f"{len(from_model) - len(computed)} cache, "
                                                     f"rules {fallbacks or 0}; reasons cut to free the model: "
                                                     f"{sum(1 for r in results if r['reasonCut'])})"),
        ("scheduled sentiment (every 30 s): last answer",
         "none" if not status.get("latestSentiment") else
         f"{status['latestSentiment'].get('source')}{' ' + status['latestSentiment']['fallbackReason'] if status['latestSentiment'].get('fallbackReason') else ''}, "
         f"decision after {status['latestSentiment'].get('signalMs')} ms, reason cut to free the model: "
         f"{status['latestSentiment'].get('reasonCut')}"),
        ("Ollama queue wait max / p95 (emulator log)", f"{sec(max(waits) if waits else None)} / {sec(pct(waits, 95))}"),
        ("model answers: completed / cancelled by the analyzer / cut at num_predict", f"{len(answers)} / {len(cancelled)} / {cut}"),
        ("entries Ollama held behind a background prompt read (sentiment/shadow): count of entries, waits (emulator log)",
         f"{len(held)} of {n_entries}: " + (", ".join(f"{k} {w:.2f} s" for k, w in held) or "none")),
        ("analyzer's queue wait of the entries: mean / max (analyzer.queue.wait)", queue_wait),
        ("scheduled sentiment decided by the model (emulator log): times, longest gap; answers by source (analyzer)",
         f"{len(decided)} in {seconds} s, longest gap {sec(max(gaps) if gaps else None)}; {sentiment_sources or 'none'}"),
        ("tokens per model answer (emulator log, Llama 3 tokenizer; per type: Ollama's counts)", tokens),
        ("tokens per entry question (emulator log)", entry_tokens),
        ("100 concurrent callers, distinct questions (after the run): slowest / p50 answer at the client; slowest "
         "as the analyzer measured it from the request's arrival; sources",
         "not run" if not status.get("burst") else
         f"{sec(max(status['burst'][0]))} / {sec(pct(status['burst'][0], 50))}; {sec(max(status['burst'][1]) if status['burst'][1] else None)} "
         f"(deadline {sec(machine.get('deadlineMs', 2000) / 1000)}), {status['burst'][2]}"),
        ("analyzer's measured rates (prefill / decode tokens/s)",
         f"{machine.get('prefillTokensPerSecond')} / {machine.get('decodeTokensPerSecond')}; warnings: "
         f"{machine.get('warnings') or 'none'}"),
    ]
    shadow = status.get("shadow") or {}
    if status.get("shadowAnswers") is not None:
        sf, pf = shadow.get("shadow") or {}, shadow.get("primary") or {}
        by_status = {}
        for a in status["shadowAnswers"]:
            by_status[a.get("status")] = by_status.get(a.get("status"), 0) + 1
        rows += [
            ("shadow model: state", f"{sf.get('model')}: {shadow.get('state')} ({shadow.get('reason')})"),
            ("shadow coverage (answered / asked), skipped by why, put back for the desk",
             f"{sf.get('answered', 0) + sf.get('invalid', 0)} / {sf.get('asked', 0)}"
             f" ({(sf.get('answered', 0) + sf.get('invalid', 0)) / sf['asked'] * 100 if sf.get('asked') else 0:.0f} %), "
             f"skipped {sf.get('skipped')}, put back {sf.get('preempted')} times; the bench heard {by_status}"),
            ("shadow valid output, decision p50 / p95 on the model, tokens in / out, RAM (/api/ps)",
             f"{sf.get('validOutputRate')}, {sf.get('decisionMsP50')} / {sf.get('decisionMsP95')} ms, "
             f"{sf.get('promptTokensMean')} / {sf.get('outputTokensMean')}, {sf.get('ramBytes')} B"),
            ("model in use (same figures)",
             f"{pf.get('model')}: valid {pf.get('validOutputRate')}, {pf.get('decisionMsP50')} / {pf.get('decisionMsP95')} ms, "
             f"{pf.get('promptTokensMean')} / {pf.get('outputTokensMean')}, {pf.get('ramBytes')} B"),
        ]
    if status.get("probeAnswers") is not None:
        pr = (status.get("shadow") or {}).get("probes") or {}
        heard = {}
        for a in status["probeAnswers"]:
            heard[a.get("status")] = heard.get(a.get("status"), 0) + 1
        minutes = seconds / 60
        rows += [
            ("probes (model in use on idle time): asked / answered / skipped per minute",
             f"{pr.get('asked', 0) / minutes:.1f} / {pr.get('answered', 0) / minutes:.1f} / "
             f"{sum((pr.get('skipped') or {}).values()) / minutes:.1f} ({pr.get('asked', 0)} asked, "
             f"{pr.get('answered', 0)} answered, {pr.get('invalid', 0)} invalid, skipped {pr.get('skipped')}, "
             f"put back {pr.get('preempted')} times; the bench heard {heard})"),
            ("probe decision p50 / p95 on the model; wait+answer at the bench p50 / p95",
             f"{pr.get('decisionMsP50')} / {pr.get('decisionMsP95')} ms; "
             f"{sec(pct([a['benchS'] for a in status['probeAnswers'] if 'benchS' in a], 50))} / "
             f"{sec(pct([a['benchS'] for a in status['probeAnswers'] if 'benchS' in a], 95))}"),
        ]
    account = status.get("aiMetrics")
    if account and not status.get("shadowAnswers") and not status.get("lessonRun"):
        # the analyzer's token account against the emulator's log since start (the model in use only: no shadow, no drafts)
        whole = status["wholeLog"]
        decoded = [e for e in whole if e.get("cancelled") == "decode"]
        unread = [e for e in whole if e.get("cancelled") == "prefill"]
        rows += [
            ("token account, analyzer vs emulator log: output; prompt evaluated",
             f"{account.get('totalCompletionTokens')} vs {sum(e.get('outputTokens', 0) for e in whole)}; "
             f"{account.get('totalPromptTokens')} vs {sum(e.get('evalTokens', 0) for e in whole)}"),
            ("calls cut while writing: analyzer (streamed output, estimated prompt) vs log",
             f"{account.get('cutCalls')} ({account.get('cutCompletionTokensStreamed')}, "
             f"{account.get('cutPromptTokensEstimated')}) vs {len(decoded)} ({sum(e.get('outputTokens', 0) for e in decoded)}, "
             f"{sum(e.get('evalTokens', 0) for e in decoded)}); put back before writing, not counted: {len(unread)} "
             f"({sum(e.get('evalTokens', 0) for e in unread)} prompt tokens)"),
        ]
    lessons = status.get("lessonRun")
    if lessons and lessons["mode"] == "drafting":
        outcomes = {}
        for d in lessons["drafts"]:
            outcomes[d.get("status")] = outcomes.get(d.get("status"), 0) + 1
        done = [d for d in lessons["drafts"] if d.get("status") == "DRAFTED"]
        held = [e.get("queuedS", 0) for e in calls if e.get("queuedS", 0) > 0.01]
        rows += [
            ("lesson drafts asked back to back all run (worst case): outcomes, wall time p50 of a DRAFTED one",
             f"{outcomes}, {sec(pct([d['wallS'] for d in done], 50))}"),
            ("draft calls in Ollama: completed / put back (cancelled) / tokens of a completed one (prompt, evaluated, output)",
             f"{len(lessons['draftCalls'])} / {len(lessons['draftCancelled'])} / " + (
                 f"{avg(lessons['draftCalls'], 'promptTokens'):.0f}, {avg(lessons['draftCalls'], 'evalTokens'):.0f}, "
                 f"{avg(lessons['draftCalls'], 'outputTokens'):.0f}" if lessons['draftCalls'] else "none")),
            ("questions Ollama held (queue wait > 10 ms): count, max", f"{len(held)}, {sec(max(held) if held else None)}"),
        ]
    if lessons and lessons["mode"] == "accepted":
        first = lessons["firstAfter"] or {}
        rows += [
            ("accepted lessons in the system message (analyzer's GET /api/ai/lessons)",
             f"{len(lessons['inPrompt'].get('lessons', []))} lessons, version {lessons['inPrompt'].get('version')}, "
             f"system message {lessons['inPrompt'].get('systemChars')} characters"),
            ("the first call after the change (emulator log, put back or not): prompt, cached, evaluated tokens",
             f"{first.get('promptTokens')}, {first.get('cachedTokens')}, {first.get('evalTokens')}"),
        ]
    verdict = {
        "signal50": pct(signals, 50) is not None and pct(signals, 50) <= 1.0,
        "signal95": pct(signals, 95) is not None and pct(signals, 95) <= 2.0,
        "done50": pct(dones, 50) is not None and pct(dones, 50) <= 2.0,
        "share": share >= 0.95,
        "wait": (max(waits) if waits else 0) <= 1.0,
        "cut": cut == 0,
    }
    print(f"\n== {profile} ({model}, {seconds} s)")
    for figure, value in rows:
        print(f"  {figure:<55} {value}")
    return rows, verdict


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", default="m1-8gb,m2-16gb,m4max-64gb")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--model", default="llama3.2:3b")
    parser.add_argument("--callers", type=int, default=100, help="concurrent distinct questions after the run (0: none)")
    parser.add_argument("--out", help="Markdown file to append the section to (e.g. bench/RESULTS.md)")
    parser.add_argument("--record", choices=("off", "on", "both"), default="off",
                        help="entry questions carry the model's record on their setup (on), or each profile runs "
                             "without then with it, back to back (both)")
    parser.add_argument("--shadow", help="a shadow model (analyzer.shadow.model) asked each question the model in use "
                             "answered; questions then carry the feed's snapshot, as the decision service's do")
    parser.add_argument("--shadow-mode", choices=("on", "both"), default="on",
                        help="with --shadow: on, or each profile without then with the shadow, back to back (both)")
    parser.add_argument("--probes", type=float, default=0,
                        help="probes a minute (POST /api/analysis/probe/entry, the model in use on idle time, as the "
                             "decision service asks them for gated setups; 1.2 = six setups every 5 min)")
    parser.add_argument("--probes-mode", choices=("on", "both"), default="on",
                        help="with --probes: on, or each profile without then with the probes, back to back (both)")
    parser.add_argument("--lessons", choices=("off", "drafting", "accepted", "all"), default="off",
                        help="lessons (issue 20): lesson drafts asked back to back all run (drafting), five accepted "
                             "lessons in the system message (accepted), or each profile without, drafting, accepted, "
                             "back to back (all)")
    opts = parser.parse_args()
    if shutil.which("node") is None or not os.path.exists(EMULATOR):
        print(f"SKIP emulated AI latency: needs node and {EMULATOR}")
        return 0
    for module, jar in JARS.items():
        if not os.path.exists(jar):
            print(f"missing {jar}: run bench/run.sh (it builds the jars)")
            return 1
    feed_port = free_port()
    feed = jvm("market-feed-service", feed_port, {}, "feed")
    sections = []
    variants = {"off": [False], "on": [True], "both": [False, True]}[opts.record]
    shadows = [None] if not opts.shadow else ([None, opts.shadow] if opts.shadow_mode == "both" else [opts.shadow])
    probe_rates = [0] if not opts.probes else ([0, opts.probes] if opts.probes_mode == "both" else [opts.probes])
    lesson_modes = {"off": [None], "drafting": ["drafting"], "accepted": ["accepted"],
                    "all": [None, "drafting", "accepted"]}[opts.lessons]
    for profile in [p.strip() for p in opts.profiles.split(",") if p.strip()]:
        for with_record in variants:
            for shadow in shadows:
              for probes in probe_rates:
                for lessons in lesson_modes:
                    name = profile + (" with record" if with_record else "") if opts.record != "off" else profile
                    if opts.shadow:
                        name += f" shadow {shadow}" if shadow else " shadow off"
                    if opts.probes:
                        name += f" probes {probes:g}/min" if probes else " probes off"
                    if opts.lessons != "off":
                        name += f" lessons {lessons}" if lessons else " lessons off"
                    results, calls, cancelled, status = run_profile(profile, opts.seconds, feed_port, opts.model,
                                                                    opts.callers, with_record, shadow, bool(opts.shadow),
                                                                    probes, lessons)
                    sections.append((name, summarise(name, opts.model, opts.seconds, results, calls, cancelled, status)))
    stop(feed)
    if opts.out:
        lines = ["", "## AI latency on emulated Macs (Ollama emulator, not a real model)", "",
                 f"`bench/emulated.py --profiles {opts.profiles} --seconds {opts.seconds}` ({opts.model}): the analyzer "
                 "with its defaults against `../shared/ollama-emulator` at `--speed 1` (real time, the profile's prefill "
                 "and decode rates, one request at a time, prefix KV cache, real Llama 3 token counts); the scheduled "
                 "sentiment every 30 s plus an entry question every 3 s over Server-Sent Events. Emulated: a real M1 "
                 "may differ by ±30 % (the emulator's README); `bench/evaluate.py` measures a real Ollama.", "",
                 "Targets (issue 10, m1-8gb): time-to-signal p50 <= 1.0 s and p95 <= 2.0 s, full answer p50 <= 2.0 s, "
                 ">= 95 % from the model, no Ollama queue wait > 1 s, no answer cut at num_predict.", "",
                 "| Profile | Figure | Emulated |", "|---|---|---|"]
        for profile, (rows, verdict) in sections:
            lines += [f"| {profile} | {figure} | {value} |" for figure, value in rows]
            met = [name for name, ok in verdict.items() if ok]
            missed = [name for name, ok in verdict.items() if not ok]
            lines.append(f"| {profile} | targets | meets: {', '.join(met) or 'none'}; MISSES: {', '.join(missed) or 'none'} |")
        with open(opts.out, "a") as out:
            out.write("\n".join(lines) + "\n")
        print(f"\nappended to {opts.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
