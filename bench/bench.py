#!/usr/bin/env python3
"""Signal Desk benchmarks: every figure is a ratio or a delta measured side by side in the same run.

Started by bench/run.sh (which builds the jars). Standard library only. Loopback only, bounded loops,
every process it starts is killed on exit. Writes bench/RESULTS.md and prints the same table.
"""
import argparse
import atexit
import base64
import datetime
import glob
import http.client
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import launch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
JARS = {m: os.path.join(ROOT, m, "target", "quarkus-app", "quarkus-run.jar")
        for m in ("market-feed-service", "ai-analyzer-service", "decision-service")}
# the real Binance captures live in shared/ beside the repository (as in CI); a copy under bench/replay/binance also works
CAPTURES = sorted(glob.glob(os.path.join(os.path.dirname(ROOT), "shared", "data", "binance-spot", "*.gz"))) or sorted(
    glob.glob(os.path.join(ROOT, "bench", "replay", "binance", "*.gz")))
SAMPLE = os.path.join(BENCH, "replay", "simulator-sample.jsonl.gz")
PROCS = []
WORK = tempfile.mkdtemp(prefix="signaldesk-bench-")


# ---------------------------------------------------------------- processes

def kill_all():
    for proc in PROCS:
        if proc.poll() is None:
            proc.terminate()
    deadline = time.time() + 10
    for proc in PROCS:
        try:
            proc.wait(max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            proc.kill()


def on_signal(signum, _frame):
    raise SystemExit(128 + signum)


atexit.register(kill_all)
signal.signal(signal.SIGTERM, on_signal)
signal.signal(signal.SIGINT, on_signal)


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


def start_jvm(module, port, props, name):
    """A packaged service with the launch settings of deploy/jvm.conf (BENCH_JAVA_OPTS instead, when set)."""
    args = ["java"] + launch.java_args(module)
    args += [f"-Dquarkus.http.port={port}", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.level=WARN",
             "-Dquarkus.log.category.\"io.signaldesk\".level=INFO"]
    args += [f"-D{k}={v}" for k, v in props.items()]
    args += ["-jar", JARS[module]]
    log = open(os.path.join(WORK, name + ".log"), "w")
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=WORK, env=launch.java_env())
    PROCS.append(proc)
    proc.bench_log = log.name
    proc.bench_port = port
    proc.bench_started = time.time()
    wait_http(port, "/q/health/live", proc)
    return proc


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_http(port, path, proc, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process on :{port} exited ({proc.returncode}); see {proc.bench_log}")
        try:
            status, _ = request(port, "GET", path, timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered {path} on :{port} within {timeout}s")


def cpu_ms(proc):
    """User + system CPU time of a process so far, from /proc/<pid>/stat."""
    with open(f"/proc/{proc.pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def rss_mb(proc):
    with open(f"/proc/{proc.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class RssSampler(threading.Thread):
    """Largest RSS of a process while a load runs."""

    def __init__(self, proc):
        super().__init__(daemon=True)
        self.proc, self.peak, self.done = proc, 0.0, threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak = max(self.peak, rss_mb(self.proc))
            self.done.wait(0.2)

    def stop(self):
        self.done.set()
        self.join()
        self.peak = max(self.peak, rss_mb(self.proc))
        return self.peak


# ---------------------------------------------------------------- HTTP

_local = threading.local()


def conn(port):
    pool = getattr(_local, "pool", None)
    if pool is None:
        pool = _local.pool = {}
    c = pool.get(port)
    if c is None:
        c = pool[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.connect()
        c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return c


def request(port, method, path, body=None, timeout=None):
    """One call on this thread's keep-alive connection; returns (status, body bytes)."""
    if timeout is not None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
            r = c.getresponse()
            return r.status, r.read()
        finally:
            c.close()
    c = conn(port)
    data = body.encode() if isinstance(body, str) else body
    try:
        c.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        r = c.getresponse()
        return r.status, r.read()
    except (http.client.HTTPException, OSError):
        _local.pool.pop(port, None)
        c.close()
        raise


def timed(port, method, path, body=None):
    start = time.perf_counter_ns()
    status, payload = request(port, method, path, body)
    return (time.perf_counter_ns() - start) / 1e6, status, payload


def pct(values, p):
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# ---------------------------------------------------------------- Ollama stub

# keyed by the task line that opens the user message (ai-analyzer's Prompts)
STUB_ANSWERS = {
    "ENTRY ": {"enter": True, "confidence": 7, "reason": "Buyers dominate the book"},
    "EXIT ": {"action": "HOLD", "confidence": 6, "reason": "Momentum still favours the position"},
    "RISK ": {"positionSizePct": 2.0, "stopLossPct": 1.5, "confidence": 6, "reason": "Volatility is moderate"},
}
SENTIMENT_TASK = "SENTIMENT for "


def approx_tokens(text):
    """The stub's token count: one token per 4 characters, rounded up (Ollama's tokenizers land near it for English)."""
    return math.ceil(len(text) / 4)


class OllamaStub(ThreadingHTTPServer):
    """Ollama's /api/tags, /api/ps, /api/generate and /api/chat (documented payloads) with a fixed delay."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, delay_ms):
        super().__init__(("127.0.0.1", 0), StubHandler)
        self.delay = delay_ms / 1000
        self.last_chat = {}
        self.chats = 0
        self.connections = 0
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]


class StubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.server.connections += 1

    def reply(self, payload, status=200):
        body = json.dumps(payload).encode()
        head = (f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        self.wfile.write(head + body)  # one write: no Nagle / delayed-ACK stall between head and body

    def do_GET(self):
        if self.path == "/api/tags":
            self.reply({"models": [
                {"name": "llama3.2:3b", "model": "llama3.2:3b", "size": 2019393189,
                 "details": {"format": "gguf", "family": "llama", "parameter_size": "3.2B", "quantization_level": "Q4_K_M"}},
                {"name": "mistral:7b", "model": "mistral:7b", "size": 4113301824,
                 "details": {"format": "gguf", "family": "llama", "parameter_size": "7.2B", "quantization_level": "Q4_0"}}]})
        elif self.path == "/api/ps":
            self.reply({"models": [{"name": "llama3.2:3b", "model": "llama3.2:3b", "size": 2800000000,
                                    "size_vram": 0, "expires_at": "2099-01-01T00:00:00Z"}]})
        else:
            self.reply({"error": "not found"}, 404)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self.path == "/api/generate":
            self.reply({"model": body.get("model"), "created_at": now_iso(), "response": "", "done": True,
                        "done_reason": "load"})
            return
        if self.path != "/api/chat":
            self.reply({"error": "not found"}, 404)
            return
        time.sleep(self.server.delay)
        messages = body.get("messages", [])
        user = messages[-1]["content"] if messages else ""
        task = next((t for t in STUB_ANSWERS if user.startswith(t)), SENTIMENT_TASK)
        self.server.last_chat[task] = body
        self.server.chats += 1
        if task in STUB_ANSWERS:
            answer = STUB_ANSWERS[task]
        else:
            asked = re.match(r"SENTIMENT for ([A-Z0-9, ]+)\n", user)
            coin = asked.group(1).split(",")[0].strip() if asked else "BTC"
            answer = {"sentiment": "BULLISH", "confidence": 7, "signal": "LONG", "coin": coin,
                      "reason": "Strong buying pressure and positive momentum"}
        content = json.dumps(answer)
        prompt = "".join(m.get("content", "") for m in messages)
        delay_ns = int(self.server.delay * 1e9)
        self.reply({"model": body.get("model"), "created_at": now_iso(),
                    "message": {"role": "assistant", "content": content}, "done": True, "done_reason": "stop",
                    "total_duration": delay_ns, "load_duration": 0, "prompt_eval_count": approx_tokens(prompt),
                    "prompt_eval_duration": delay_ns // 2, "eval_count": approx_tokens(content),
                    "eval_duration": delay_ns // 2})


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


# ---------------------------------------------------------------- market snapshots

EXTRA_COINS = ["SOL", "ADA", "XRP", "DOGE", "AVAX", "DOT", "LINK", "LTC"]


def coin(name, price, i):
    return {"coin": name, "symbol": name + "USDT", "venue": "SIMULATOR", "lastPrice": price,
            "bestBid": round(price - 0.1, 2), "bestAsk": round(price + 0.1, 2), "midPrice": price, "spread": 0.2,
            "momentum60sPct": round(0.35 - 0.07 * i, 4),
            "bookImbalance": {"bidShare": 0.62, "bidAskRatio": 1.63, "levels": 10},
            "trades60s": {"buyCount": 26, "sellCount": 14, "buyVolume": 1.23674, "sellVolume": 0.79024},
            "vwap60s": round(price * 0.9999, 4), "volatility60sPct": 0.0134, "lastEventAgeMs": 73,
            "updatedAt": now_iso()}


def market(n):
    names = (["BTC", "ETH"] + EXTRA_COINS)[:n]
    prices = {"BTC": 95000.10, "ETH": 3300.25, "SOL": 180.12}
    return {"source": "simulator", "asOf": now_iso(),
            "coins": [coin(c, prices.get(c, 100.0 + i), i) for i, c in enumerate(names)]}


# ---------------------------------------------------------------- WebSocket client (RFC 6455, read side)

class WebSocket:
    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during handshake")
            self.buf += chunk
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(head.split(b"\r\n")[0].decode())

    def _exact(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def recv_text(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            length = b1 & 0x7F
            if length == 126:
                length = int.from_bytes(self._exact(2), "big")
            elif length == 127:
                length = int.from_bytes(self._exact(8), "big")
            payload = self._exact(length)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise ConnectionError("server closed the WebSocket")
            if opcode == 0x9:
                self._send(0xA, payload)
                continue
            if opcode in (0x1, 0x0):
                message += payload
                if b0 & 0x80:
                    return message.decode()

    def _send(self, opcode, payload):
        mask = os.urandom(4)
        header = bytes([0x80 | opcode, 0x80 | len(payload)]) if len(payload) < 126 else \
            bytes([0x80 | opcode, 0x80 | 126]) + len(payload).to_bytes(2, "big")
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def close(self):
        try:
            self._send(0x8, b"\x03\xe8")
        except OSError:
            pass
        self.sock.close()


def iso_to_epoch(text):
    text = text.rstrip("Z")
    whole, _, frac = text.partition(".")
    base = datetime.datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp()
    return base + (float("0." + frac) if frac else 0.0)


# ---------------------------------------------------------------- benchmarks

class Results:
    def __init__(self):
        self.rows = []  # (benchmark, figure, value, target, verdict)
        self.notes = []
        self.failed = []

    def add(self, bench, figure, value, target="", ok=None):
        verdict = "" if ok is None else ("meets" if ok else "MISSES")
        self.rows.append((bench, figure, value, target, verdict))


def fmt(ms):
    return f"{ms:.2f} ms"


def bench_overhead(res, analyzer, stub, iterations, warmup):
    body = json.dumps({"market": market(3)})
    for _ in range(warmup):
        status, _ = request(analyzer.bench_port, "POST", "/api/analysis/sentiment", body)
    chat_body = json.dumps(stub.last_chat[SENTIMENT_TASK])
    for _ in range(warmup):
        request(stub.port, "POST", "/api/chat", chat_body)
    direct, through, sources = [], [], {}
    cpu_before = cpu_ms(analyzer)
    for _ in range(iterations):
        t, status, _ = timed(stub.port, "POST", "/api/chat", chat_body)
        direct.append(t)
        t, status, payload = timed(analyzer.bench_port, "POST", "/api/analysis/sentiment", body)
        through.append(t)
        source = json.loads(payload).get("source") if status == 200 else f"HTTP {status}"
        sources[source] = sources.get(source, 0) + 1
    cpu_per_call = (cpu_ms(analyzer) - cpu_before) / iterations
    if sources.get("AI", 0) != iterations:
        raise RuntimeError(f"overhead: not every answer came from the model: {sources}")
    d50, d99 = pct(through, 50) - pct(direct, 50), pct(through, 99) - pct(direct, 99)
    res.add("1 analyzer overhead", f"direct to stub p50 / p99 ({iterations} calls, stub delay {stub.delay * 1000:.0f} ms)",
            f"{fmt(pct(direct, 50))} / {fmt(pct(direct, 99))}")
    res.add("1 analyzer overhead", "through POST /api/analysis/sentiment p50 / p99",
            f"{fmt(pct(through, 50))} / {fmt(pct(through, 99))}")
    res.add("1 analyzer overhead", "analyzer CPU time per call (all its threads, /proc/<pid>/stat)", fmt(cpu_per_call))
    res.add("1 analyzer overhead", "added p50", fmt(d50), "<= 1 ms", d50 <= 1)
    res.add("1 analyzer overhead", "added p99", fmt(d99), "<= 5 ms", d99 <= 5)


def bench_cache(res, analyzer, iterations, warmup):
    body = json.dumps({"market": market(3)})
    status, payload = request(analyzer.bench_port, "POST", "/api/analysis/sentiment", body)
    hits, bare = [], []
    for i in range(warmup + iterations):
        t, status, payload = timed(analyzer.bench_port, "POST", "/api/analysis/sentiment", body)
        if status != 200 or json.loads(payload).get("source") != "CACHE":
            raise RuntimeError(f"cache: expected a CACHE answer, got {status} {payload[:200]!r}")
        b, _, _ = timed(analyzer.bench_port, "GET", "/api/ai/mode")
        if i >= warmup:
            hits.append(t)
            bare.append(b)
    res.add("2 cache hit", f"cached sentiment p50 / p99 ({iterations} calls)",
            f"{fmt(pct(hits, 50))} / {fmt(pct(hits, 99))}", "<= 1 ms p50", pct(hits, 50) <= 1)
    res.add("2 cache hit", "vs GET /api/ai/mode on the same server: added p50 / p99",
            f"{fmt(pct(hits, 50) - pct(bare, 50))} / {fmt(pct(hits, 99) - pct(bare, 99))}")


def bench_prompt(res, analyzer, stub):
    for n in (1, 3, 10):
        m = market(n)
        status, payload = request(analyzer.bench_port, "POST", "/api/analysis/sentiment", json.dumps({"market": m}))
        chat = stub.last_chat[SENTIMENT_TASK]
        user = chat["messages"][-1]["content"]
        data = user.split("\n", 1)[1]
        total = sum(len(msg["content"]) for msg in chat["messages"])
        target = "<= 1,000 chars market data" if n == 3 else ""
        res.add("5 prompt size", f"sentiment, {n} coin{'s' if n > 1 else ''}: market data / whole prompt (≈tokens)",
                f"{len(data)} / {total} chars (≈{approx_tokens(''.join(x['content'] for x in chat['messages']))})",
                target, len(data) <= 1000 if n == 3 else None)
    one = market(1)
    calls = {"entry": {"coin": "BTC", "side": "LONG", "price": 95000.1, "market": one},
             "exit": {"coin": "BTC", "side": "LONG", "entryPrice": 94000.0, "currentPrice": 95000.1, "size": 0.01,
                      "market": one},
             "risk": {"coin": "BTC", "side": "LONG", "price": 95000.1, "equity": 10000.0, "market": one}}
    tasks = {"entry": "ENTRY ", "exit": "EXIT ", "risk": "RISK "}
    for name, body in calls.items():
        status, payload = request(analyzer.bench_port, "POST", f"/api/analysis/{name}", json.dumps(body))
        if status != 200:
            raise RuntimeError(f"prompt size: {name} answered {status} {payload[:200]!r}")
        chat = stub.last_chat[tasks[name]]
        total = sum(len(msg["content"]) for msg in chat["messages"])
        data = chat["messages"][-1]["content"].split("\n", 1)[1]
        res.add("5 prompt size", f"{name}, 1 coin: market data / whole prompt (≈tokens)",
                f"{len(data)} / {total} chars (≈{approx_tokens(''.join(x['content'] for x in chat['messages']))})")


def run_clients(n, per_client, call):
    latencies, errors, lock = [], [], threading.Lock()

    def client():
        mine, bad = [], 0
        for _ in range(per_client):
            try:
                t, ok = call()
                mine.append(t)
                bad += 0 if ok else 1
            except Exception as e:  # counted, the load goes on
                bad += 1
                _local.pool = {}
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    threads = [threading.Thread(target=client) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, sum(errors), time.perf_counter() - start


def bench_analyzer_load(res, analyzer, clients, per_client):
    body = json.dumps({"market": market(3)})

    def call():
        t, status, payload = timed(analyzer.bench_port, "POST", "/api/analysis/sentiment", body)
        return t, status == 200 and json.loads(payload).get("source") == "AI"

    sampler = RssSampler(analyzer)
    sampler.start()
    latencies, errors, elapsed = run_clients(clients, per_client, call)
    peak = sampler.stop()
    res.add("7 load", f"analyzer: {clients} clients x {per_client} sentiment calls (model stub)",
            f"{len(latencies) / elapsed:.0f} req/s, p99 {fmt(pct(latencies, 99))}, errors {errors}", "0 errors",
            errors == 0)
    return peak


def bench_ws_load(res, feed, clients, seconds):
    frames, lags, errors, lock = [0], [], [0], threading.Lock()

    def client():
        try:
            ws = WebSocket(feed.bench_port, "/ws/market")
        except Exception:
            with lock:
                errors[0] += 1
            return
        ws.sock.settimeout(5)
        end = time.time() + seconds
        mine, count, bad = [], 0, 0
        try:
            while time.time() < end:
                text = ws.recv_text()
                now = time.time()
                msg = json.loads(text)
                if msg.get("type") == "snapshot":
                    count += 1
                    mine.append((now - iso_to_epoch(msg["asOf"])) * 1000)
                else:
                    bad += 1
        except Exception:
            bad += 1
        finally:
            ws.close()
        with lock:
            frames[0] += count
            lags.extend(mine)
            errors[0] += bad

    sampler = RssSampler(feed)
    sampler.start()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    peak = sampler.stop()
    res.add("7 load", f"/ws/market: {clients} clients for {seconds} s (pushes on change, 100 ms apart at most, and every 1 s)",
            f"{frames[0]} snapshots ({frames[0] / seconds:.0f}/s), push lag p99 {fmt(pct(lags, 99))}, errors {errors[0]}",
            "0 errors", errors[0] == 0)
    return peak


def bench_evaluator(res, analyzer):
    import evaluate
    report = evaluate.evaluate(analyzer.bench_port, SAMPLE, [], 3, os.path.join(WORK, "evaluation"))
    for m in report["models"]:
        res.add("evaluator (stub)", f"{m['model']}: quality / valid / p50 / RAM",
                f"{m['qualityScore']}/100, {m['validOutputRate'] * 100:.0f} % valid, {m['p50Ms']} ms, "
                f"{m['ramBytes'] or 'n/a'} bytes")
    return report


def feed_replay_once(files):
    """One cold replay in a fresh feed JVM: (frames, normalised events, seconds from source start to FINISHED)."""
    port = free_port()
    feed = start_jvm("market-feed-service", port, {"feed.source": "replay", "feed.replay.format": "binance-capture",
                                                   "feed.replay.speed": "0", "feed.replay.file": ",".join(files),
                                                   "feed.coins": "BTC,ETH"}, "feed-replay")
    try:
        deadline = time.time() + 300
        source = None
        while time.time() < deadline:
            _, payload = request(port, "GET", "/api/market/sources")
            source = json.loads(payload)["sources"][0]
            if source["state"] == "FINISHED":
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"feed replay did not finish: {source}")
        _, metrics = request(port, "GET", "/q/metrics")
        events = sum(float(line.rsplit(" ", 1)[1]) for line in metrics.decode().splitlines()
                     if line.startswith("feed_events_total{"))
    finally:
        stop(feed)
    started = None
    with open(feed.bench_log) as log:
        for line in log:
            if "Market source replay started" in line:
                started = datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").replace(
                    tzinfo=datetime.timezone.utc).timestamp()
    if started is None:
        raise RuntimeError("feed replay: no 'Market source replay started' line in the log")
    return source["messages"], events, iso_to_epoch(source["since"]) - started


def bare_parse_once(files):
    lib = os.path.join(ROOT, "market-feed-service", "target", "quarkus-app", "lib", "main", "*")
    java = ["java"] + shlex.split(os.environ.get("BENCH_JAVA_OPTS", ""))
    out = subprocess.run(java + ["-cp", lib, os.path.join(BENCH, "BareParse.java")] + files, capture_output=True,
                         text=True, timeout=300, check=True).stdout
    bare = dict(kv.split("=") for kv in out.split())
    return int(bare["frames"]), int(bare["ms"]) / 1000


def bench_feed_ingest(res, quick):
    files = [f for f in CAPTURES if "20240808" in f] if quick else CAPTURES
    if not files:
        raise RuntimeError("no Binance capture found in ../shared/data/binance-spot (beside the repository) nor bench/replay/binance")
    runs = []
    for _ in range(1 if quick else 3):  # alternated, median ratio: the machine is shared
        frames, events, feed_s = feed_replay_once(files)
        bare_frames, bare_s = bare_parse_once(files)
        runs.append(((frames / feed_s) / (bare_frames / bare_s), frames, events, feed_s, bare_frames, bare_s))
    runs.sort()
    ratio, frames, events, feed_s, bare_frames, bare_s = runs[len(runs) // 2]
    res.add("3 feed ingest", f"{len(files)} capture files, {frames} frames -> {events:.0f} normalised events"
            + (f" (median of {len(runs)} alternated runs)" if len(runs) > 1 else ""),
            f"feed {frames / feed_s:,.0f} frames/s ({events / feed_s:,.0f} events/s) in {feed_s:.2f} s; "
            f"bare Jackson {bare_frames / bare_s:,.0f} frames/s in {bare_s:.2f} s")
    res.add("3 feed ingest", "feed throughput / bare parse", f"{ratio * 100:.0f} %"
            + (f" (runs: {', '.join(f'{r[0] * 100:.0f} %' for r in runs)})" if len(runs) > 1 else ""),
            ">= 50 %", ratio >= 0.5)


class FakeFeed:
    """A /ws/market server (RFC 6455, send side) pushing the current snapshot every 100 ms and at once on change."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.coins = [coin("BTC", 95000.1, 5)]
        self.changed = threading.Condition()
        self.version, self.sent_at = 0, {}
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def set(self, coins):
        with self.changed:
            self.coins, self.version = coins, self.version + 1
            self.changed.notify_all()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        import hashlib
        try:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = client.recv(4096)
                if not chunk:
                    return
                request += chunk
            key = re.search(rb"Sec-WebSocket-Key: *(\S+)", request, re.I).group(1)
            accept = base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
            client.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            while not self.closed:
                with self.changed:
                    version = self.version
                    coins = [dict(c, updatedAt=now_iso()) for c in self.coins]
                payload = json.dumps({"type": "snapshot", "asOf": now_iso(), "coins": coins}).encode()
                n = len(payload)
                head = bytes([0x81, n]) if n < 126 else bytes([0x81, 126]) + n.to_bytes(2, "big") if n < 65536 \
                    else bytes([0x81, 127]) + n.to_bytes(8, "big")
                client.sendall(head + payload)
                self.sent_at.setdefault(version, time.time())
                with self.changed:
                    if self.version == version:
                        self.changed.wait(0.1)
        except OSError:
            pass
        finally:
            client.close()

    def close(self):
        self.closed = True
        self.sock.close()


def bench_tick_decision(res, samples):
    fake = FakeFeed()
    proc = start_jvm("decision-service", free_port(), {
        "decision.feed-url": f"ws://127.0.0.1:{fake.port}/ws/market",
        "quarkus.rest-client.ai-analyzer.url": f"http://127.0.0.1:{free_port()}",
        "decision.default-mode": "RULES", "strategy.edge.mode": "off",  # speed, not advice: entries at once
        "decision.db.path": os.path.join(WORK, "tick.db")}, "decision-tick")
    try:
        time.sleep(4)  # connected, engine scheduler started (delayed 2 s)
        latencies = []
        neutral = coin("BTC", 95000.1, 5)
        for i in range(samples):
            name = f"T{i:03d}"
            bullish = dict(coin(name, 100.0 + i, 0), momentum60sPct=0.5,
                           bookImbalance={"bidShare": 0.7, "bidAskRatio": 2.33, "levels": 10},
                           trades60s={"buyCount": 30, "sellCount": 5, "buyVolume": 3.0, "sellVolume": 0.5})
            fake.set([neutral, bullish])
            version = fake.version
            deadline, found = time.time() + 5, None
            while time.time() < deadline and found is None:
                status, payload = request(proc.bench_port, "GET", "/api/proposals?limit=20")
                if status == 200:
                    found = next((p for p in json.loads(payload) if p.get("coin") == name), None)
                if found is None:
                    time.sleep(0.01)
            if found is None:
                raise RuntimeError(f"no proposal for {name} within 5 s of its tick")
            latencies.append((iso_to_epoch(found["createdAt"]) - fake.sent_at[version]) * 1000)
            fake.set([neutral])
            time.sleep(0.05 + (i % 7) * 0.13)  # spread the ticks over the scheduler's second
    finally:
        stop(proc)
        fake.close()
    res.add("4 tick -> decision", f"rules mode, fake /ws/market -> proposal createdAt ({samples} ticks)",
            f"p50 {fmt(pct(latencies, 50))}, p99 {fmt(pct(latencies, 99))}, max {fmt(max(latencies))}",
            "<= 5 ms p99", pct(latencies, 99) <= 5)


def bench_memory(res, name, idle, loaded):
    res.add("6 memory", f"{name} RSS after warm-up / under load", f"{idle:.0f} MB / {loaded:.0f} MB", "<= 200 MB each",
            max(idle, loaded) <= 200)


KLINES = os.path.join(os.path.dirname(ROOT), "shared", "data", "klines-1m")
THREE_COINS = [f"{coin}USDT-1m-2024Q4.csv" for coin in ("BTC", "ETH", "SOL")]


def backtest_data():
    """The decision service's data directory: a copy of the Q4 BTC, ETH and SOL candles (reports are written there)."""
    data = os.path.join(WORK, "data")
    os.makedirs(os.path.join(data, "klines-1m"), exist_ok=True)
    for name in THREE_COINS:
        if os.path.exists(os.path.join(KLINES, name)):
            shutil.copy(os.path.join(KLINES, name), os.path.join(data, "klines-1m"))
    return data


def backtest_rss(decision, body, timeout=900):
    """POST /api/backtest with body: its frames, seconds, the RSS peak while it ran (sampled every 0.2 s) and the RSS
    once the service has given the heap back (2 s after the last backtest ends, HeapGiveBack.QUIET, on a thread of its
    own: read until it has not fallen for 3 s, at most 20 s)."""
    sampler = RssSampler(decision)
    sampler.start()
    start = time.time()
    status, reply = request(decision.bench_port, "POST", "/api/backtest", json.dumps(body), timeout=timeout)
    ended = time.time()
    peak = sampler.stop()
    if status != 200:
        raise RuntimeError(f"POST /api/backtest answered {status}: {reply[:200]!r}")
    after, steady = rss_mb(decision), ended
    while time.time() - ended < 20 and time.time() - steady < 3:
        time.sleep(0.5)
        now = rss_mb(decision)
        if now < after - 0.5:
            after, steady = now, time.time()
    return json.loads(reply)["frames"], ended - start, peak, after, time.time() - ended


def bench_backtest_memory(res, decision):
    """The dashboard's backtests (RULES) on the loaded desk: the Q4 BTC candles, then BTC+ETH+SOL; the RSS while each
    runs and after it (the heap the backtest grew must be given back)."""
    for name in THREE_COINS:
        if not os.path.exists(os.path.join(KLINES, name)):
            raise RuntimeError(f"no {os.path.join(KLINES, name)} (../shared/data beside the repository)")
    frames, took, peak, after, read = backtest_rss(decision, {"files": {"BTC": "klines-1m/BTCUSDT-1m-2024Q4.csv"}})
    res.add("6 memory", f"decision-service RSS after a backtest ({frames} frames of the Q4 BTC candles, "
            f"{took:.0f} s; read {read:.0f} s after it ended)", f"{after:.0f} MB", "<= 200 MB", after <= 200)
    frames, took, peak, after, read = backtest_rss(decision, {"files": {
        coin: f"klines-1m/{coin}USDT-1m-2024Q4.csv" for coin in ("BTC", "ETH", "SOL")}})
    res.add("6 memory", f"decision-service RSS while / after a 3-coin backtest ({frames} frames of the Q4 BTC, ETH and "
            f"SOL candles, {took:.0f} s)", f"{peak:.0f} MB / {after:.0f} MB", "<= 200 MB", max(peak, after) <= 200)


# ---------------------------------------------------------------- main

def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        mem = int(info.readline().split()[1]) / 1024 / 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    opts = os.environ.get("BENCH_JAVA_OPTS")
    flags = ("BENCH_JAVA_OPTS " + opts) if opts else ("the launch settings of deploy/jvm.conf ("
                                                        + launch.describe("decision-service") + "; -Xmx per service)")
    return f"{cpu}, {os.cpu_count()} CPUs, {mem:.1f} GB RAM, {platform.system()} {platform.release()}, {java} with {flags}, Python {platform.python_version()}"


def step(res, name, fn, *args):
    print(f"-- {name}", flush=True)
    try:
        return fn(*args)
    except Exception as e:  # reported, the other benchmarks still run; exit code says it failed
        res.failed.append(f"{name}: {e}")
        res.add(name, "FAILED TO RUN", str(e)[:200])
        print(f"   FAILED: {e}", flush=True)
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer iterations (~3 min), for CI")
    parser.add_argument("--out", default=os.path.join(BENCH, "RESULTS.md"))
    opts = parser.parse_args()
    q = opts.quick
    n_overhead, warm = (300, 500) if q else (2000, 1500)
    res = Results()
    started = time.time()

    stub = OllamaStub(delay_ms=10)
    feed_port, analyzer_port, decision_port = free_port(), free_port(), free_port()
    print("-- starting ai-analyzer-service (cache off) alone: its benchmarks run without the other JVMs' load",
          flush=True)
    common = {"quarkus.langchain4j.ollama.base-url": f"http://127.0.0.1:{stub.port}", "analyzer.sentiment.every": "off",
              "quarkus.rest-client.market-feed.url": f"http://127.0.0.1:{feed_port}", "analyzer.deadline": "5s",
              "signal.data-dir": os.path.dirname(SAMPLE)}
    analyzer = start_jvm("ai-analyzer-service", analyzer_port, dict(common, **{"analyzer.cache.ttl": "0s"}), "analyzer")
    step(res, "1 analyzer overhead", bench_overhead, res, analyzer, stub, n_overhead, warm)
    time.sleep(1)
    idle = {"ai-analyzer-service": rss_mb(analyzer)}
    step(res, "5 prompt size", bench_prompt, res, analyzer, stub)
    analyzer_peak = step(res, "7 load analyzer", bench_analyzer_load, res, analyzer, 16, 25 if q else 150)
    report = step(res, "evaluator harness (stub)", bench_evaluator, res, analyzer)

    print("-- starting market-feed-service (simulator) and decision-service (RULES)", flush=True)
    feed = start_jvm("market-feed-service", feed_port, {}, "feed")
    decision = start_jvm("decision-service", decision_port, {
        "decision.feed-url": f"ws://127.0.0.1:{feed_port}/ws/market",
        "quarkus.rest-client.ai-analyzer.url": f"http://127.0.0.1:{analyzer_port}",
        "decision.default-mode": "RULES", "strategy.edge.mode": "off",  # speed, not advice: entries at once
        "decision.db.path": os.path.join(WORK, "decision.db"), "signal.data-dir": backtest_data()}, "decision")
    time.sleep(10)  # warm-up: the simulator runs, the feed pushes, the decision engine ticks
    idle["market-feed-service"], idle["decision-service"] = rss_mb(feed), rss_mb(decision)
    decision_sampler = RssSampler(decision)
    decision_sampler.start()
    feed_peak = step(res, "7 load /ws/market", bench_ws_load, res, feed, 50 if q else 200, 10 if q else 30)
    decision_peak = decision_sampler.stop()
    for name, proc, peak in (("market-feed-service", feed, feed_peak), ("ai-analyzer-service", analyzer, analyzer_peak),
                             ("decision-service", decision, decision_peak)):
        bench_memory(res, name, idle[name], peak or rss_mb(proc))
    step(res, "6 memory after a backtest", bench_backtest_memory, res, decision)
    stop(analyzer)
    stop(decision)
    stop(feed)

    cached = start_jvm("ai-analyzer-service", free_port(), dict(common, **{"analyzer.cache.ttl": "10m"}),
                       "analyzer-cached")
    step(res, "2 cache hit", bench_cache, res, cached, 300 if q else 2000, 200 if q else 1000)
    stop(cached)

    step(res, "3 feed ingest", bench_feed_ingest, res, q)
    res.notes.append("1 analyzer overhead: the analyzer calls Ollama's /api/chat itself (streamed, no AI-service "
                     "layer) and waits without holding a worker thread; what remains is JSON in and out, validation, "
                     "the queue hand-off and the JDK HTTP client (bench/README.md).")
    res.notes.append("6 memory: each service as deploy/run-local.sh and the Dockerfiles start it, with the launch "
                     "settings of deploy/jvm.conf (" + ", ".join(m.split("-")[0] + " " + launch.java_args(m)[-1]
                                                                 for m in launch.HEAP_KEY)
                     + ", serial GC, bounded metaspace/code cache/direct memory/stacks, MALLOC_ARENA_MAX); "
                     "BENCH_JAVA_OPTS replaces the flags.")
    step(res, "4 tick -> decision", bench_tick_decision, res, 10 if q else 40)
    res.notes.append("4 tick -> decision: decision-service evaluates a coin on the engine thread as soon as a "
                     "/ws/market frame updates it (MarketIntake.accept; the 1 s tick only re-checks open "
                     "positions). Measured with a fake /ws/market in the driver: time from the first frame carrying "
                     "a LONG setup for a fresh coin to the proposal's createdAt, which includes the entry checks' "
                     "SQLite reads (pending proposals, open position) before the proposal is written.")

    write(res, opts, time.time() - started, report)
    return 1 if res.failed else 0


def write(res, opts, elapsed, report):
    width = [max(len(str(r[i])) for r in res.rows + [("Benchmark", "Figure", "This machine", "Target", "")])
             for i in range(5)]
    lines = ["| Benchmark | Figure | This machine | Target | |", "|---|---|---|---|---|"]
    lines += [f"| {b} | {f} | {v} | {t} | {k} |" for b, f, v, t, k in res.rows]
    table = "\n".join(lines)
    print()
    for b, f, v, t, k in res.rows:
        print(f"{b:<{width[0]}}  {f:<{width[1]}}  {v:<{width[2]}}  {t:<{width[3]}}  {k}")
    mode = "quick (`bench/run.sh --quick`)" if opts.quick else "full (`bench/run.sh`)"
    text = [f"# Benchmark results", "",
            f"{now_iso()[:19]}Z, {mode}, {elapsed:.0f} s. Machine: {machine()}.", "",
            "Every figure is measured side by side in the same run (a delta or a ratio against a baseline "
            "taken on the same machine at the same time); absolute figures are shown for context. "
            "Targets come from issue 6; `MISSES` is printed, not asserted.", "", table, ""]
    if res.notes or res.failed:
        text += ["## Notes", ""] + [f"- {n}" for n in res.notes] + [f"- FAILED: {f}" for f in res.failed] + [""]
    if report:
        text += ["## Model evaluator harness (Ollama stub, not a real model)", "", report["markdown"]]
    with open(opts.out, "w") as out:
        out.write("\n".join(text))
    print(f"\nwritten {opts.out}")


if __name__ == "__main__":
    sys.exit(main())
