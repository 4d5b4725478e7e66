#!/usr/bin/env python3
"""Backtest speed: frames per second of the live engine's backtest (BacktestMain on the packaged jar).

Runs io.signaldesk.decision.backtest.BacktestMain on the first --bars one-minute bars of the Q4 2024 BTC, ETH and SOL
candles (shared/data/klines-1m beside the repository) in RULES mode with the service's default settings (fee 0.1 %,
slippage 0.05 %, every proposal confirmed), --runs times in fresh JVMs. Prints, per run, the frames and the engine's
own time from the runner's summary line ("N frames in M ms": the replay loop, without JVM start and file reading) and
the process's wall time, then the median frames/s. Standard library only; needs
`./mvnw -B -pl decision-service -am package -DskipTests` first.
"""
import argparse
import datetime
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import launch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "decision-service", "target", "quarkus-app")
KLINES = os.path.join(os.path.dirname(ROOT), "shared", "data", "klines-1m")
START = datetime.datetime(2024, 10, 1, 3, 0, tzinfo=datetime.timezone.utc)
SUMMARY = re.compile(r"backtest (\w+) on \w+: ([\d,]+) frames in ([\d,]+) ms, ([\d,]+) decisions, (\d+) fills")


def run_once(bars, mode, out, app=APP):
    to = START + datetime.timedelta(minutes=bars - 1)
    cp = ":".join(os.path.join(app, d, "*") for d in ("app", "lib/boot", "lib/main"))
    args = ["java"] + launch.java_args("decision-service") + ["-cp", cp,
            "io.signaldesk.decision.backtest.BacktestMain", "--mode", mode, "--fee-pct", "0.1",
            "--slippage-pct", "0.05", "--from", START.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "--to", to.strftime("%Y-%m-%dT%H:%M:%SZ"), "--out", out]
    args += [f"{coin}={os.path.join(KLINES, coin + 'USDT-1m-2024Q4.csv')}" for coin in ("BTC", "ETH", "SOL")]
    started = time.time()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=out, env=launch.java_env())
    wall = time.time() - started
    match = SUMMARY.search(proc.stdout + proc.stderr)
    if proc.returncode != 0 or not match:
        sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-2000:])
        raise RuntimeError(f"BacktestMain failed (exit {proc.returncode})")
    frames, ms = int(match.group(2).replace(",", "")), int(match.group(3).replace(",", ""))
    return frames, ms, wall, int(match.group(4).replace(",", "")), int(match.group(5))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=5000, help="one-minute bars per coin from 2024-10-01 03:00 UTC")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mode", default="RULES")
    parser.add_argument("--app", default=APP, help="a decision-service quarkus-app folder (default: this checkout's)")
    opts = parser.parse_args()
    if not os.path.exists(os.path.join(opts.app, "quarkus-run.jar")):
        print("backtest speed: package decision-service first", file=sys.stderr)
        return 1
    out = tempfile.mkdtemp(prefix="signaldesk-backtest-bench-")
    rates = []
    for i in range(opts.runs):
        frames, ms, wall, decisions, fills = run_once(opts.bars, opts.mode, out, opts.app)
        rates.append(frames * 1000 / ms)
        print(f"run {i + 1}: {frames:,} frames in {ms:,} ms ({rates[-1]:,.0f} frames/s), {decisions:,} decisions, "
              f"{fills} fills; {wall:.1f} s with JVM start (load {os.getloadavg()[0]:.1f})")
    print(f"backtest speed ({opts.mode}, BTC+ETH+SOL, {opts.bars:,} bars): median {statistics.median(rates):,.0f} "
          f"frames/s over {opts.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
