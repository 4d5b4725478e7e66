#!/usr/bin/env python3
"""Analysis throughput over Kafka: analyses per second with one and with two analyzers, each beside its own Ollama.

For each emulated Mac profile (../shared/ollama-emulator at --speed 1, real time: one request at a time per
Ollama), a one-node KRaft broker (the kafka-test-support module's broker jars), then n = 1 and n = 2 packaged
analyzers with SIGNAL_TRANSPORT=kafka in the ai-analyzers group, each on an emulator of its own. bench/AnalysisLoad.java
waits until the group is stable, publishes a backlog of --requests entry questions (round robin over --coins coins,
each a distinct market state: no cache hit, nothing coalesced, deadlines far enough that nothing is dropped) and
reads the answers: analyses per second from the first request to the last whole answer, time to decision and to
the whole answer, answers per analyzer. Figures are printed and appended to --out, never asserted. Standard library
only; loopback only; every process started is stopped on exit. Needs node, the packaged analyzer and the
kafka-test-support module built (./mvnw -B -DskipTests package -pl ai-analyzer-service,kafka-test-support -am).
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import time
import uuid

import emulated
from emulated import EMULATOR, ROOT, WORK, free_port, start, stop

BROKER_CLASSPATH = os.path.join(ROOT, "kafka-test-support", "target", "classes", "io", "signaldesk", "kafka", "test",
                                "broker.classpath")
LIB = os.path.join(ROOT, "ai-analyzer-service", "target", "quarkus-app", "lib", "main", "*")
IN_FLIGHT = 2


def start_broker():
    classpath = open(BROKER_CLASSPATH).read().strip()
    port, controller = free_port(), free_port()
    directory = os.path.join(WORK, "kafka")
    os.makedirs(directory)
    props = os.path.join(directory, "server.properties")
    with open(props, "w") as out:
        out.write("\n".join([
            "process.roles=broker,controller", "node.id=1", f"controller.quorum.voters=1@127.0.0.1:{controller}",
            f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}", "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT", "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            f"log.dirs={os.path.join(directory, 'data')}", "num.partitions=12", "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3", "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true", ""]))
    java = ["java", "-Xmx512m", "-XX:+UseSerialGC", f"-Dkafka.logs.dir={os.path.join(directory, 'logs')}", "-cp", classpath]
    cluster = "-"
    while cluster.startswith("-"):  # StorageTool would read an id that starts with "-" as an option (as KafkaBroker)
        cluster = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    subprocess.run(java + ["kafka.tools.StorageTool", "format", "-t", cluster, "-c", props], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = open(os.path.join(WORK, "kafka.log"), "w")
    proc = subprocess.Popen(java + ["kafka.Kafka", props], stdout=log, stderr=subprocess.STDOUT, cwd=WORK)
    emulated.PROCS.append(proc)
    return proc, f"127.0.0.1:{port}"


def analyzers(n, profile, bootstrap):
    started = []
    for i in range(1, n + 1):
        name = f"{profile}-{n}-{i}"
        emulator_port = free_port()
        emulator = start("emulator-" + name, ["node", EMULATOR, "--port", str(emulator_port), "--profile", profile,
                                              "--speed", "1", "--state-dir", os.path.join(WORK, "emulator-" + name)],
                         emulator_port, "/api/version")
        port = free_port()
        analyzer = emulated.jvm("ai-analyzer-service", port, {
            "signal.transport": "kafka", "kafka.bootstrap.servers": bootstrap, "analyzer.kafka.instance": f"analyzer-{i}",
            "mp.messaging.incoming.analysis-requests.concurrency": IN_FLIGHT,
            "quarkus.langchain4j.ollama.base-url": f"http://127.0.0.1:{emulator_port}", "analyzer.sentiment.every": "off",
            "quarkus.rest-client.market-feed.url": f"http://127.0.0.1:{free_port()}"}, "analyzer-" + name)
        started += [analyzer, emulator]
    time.sleep(5)  # the start-up preload and priming call of each model
    return started


def load(bootstrap, requests, coins, members):
    out = subprocess.run(["java", "-cp", LIB, os.path.join(ROOT, "bench", "AnalysisLoad.java"), bootstrap, str(requests),
                          str(coins), str(members)], capture_output=True, text=True, timeout=1200)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError("AnalysisLoad failed:\n" + out.stdout[-2000:] + out.stderr[-2000:])
    return json.loads(lines[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", default="m2-16gb,m4max-64gb")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--coins", type=int, default=24)
    parser.add_argument("--bootstrap", help="a running broker (host:port) instead of starting one")
    parser.add_argument("--out", help="Markdown file to append the section to (e.g. bench/RESULTS.md)")
    opts = parser.parse_args()
    if shutil.which("node") is None or not os.path.exists(EMULATOR):
        print(f"SKIP analysis throughput over Kafka: needs node and {EMULATOR}")
        return 0
    for path in ([] if opts.bootstrap else [BROKER_CLASSPATH]) + [emulated.JARS["ai-analyzer-service"]]:
        if not os.path.exists(path):
            print(f"missing {path}: ./mvnw -B -DskipTests package -pl ai-analyzer-service,kafka-test-support -am")
            return 1
    broker, bootstrap = (None, opts.bootstrap) if opts.bootstrap else start_broker()
    rows = []
    for profile in [p.strip() for p in opts.profiles.split(",") if p.strip()]:
        single = None
        for n in (1, 2):
            procs = analyzers(n, profile, bootstrap)
            figures = load(bootstrap, opts.requests, opts.coins, n * IN_FLIGHT)
            for proc in procs:
                stop(proc)
            single = single or figures["analysesPerSecond"]
            scale = figures["analysesPerSecond"] / single if single else 0
            rows.append((profile, n, figures, scale))
            print(f"{profile} analyzers={n}: {figures['analysesPerSecond']:.2f} analyses/s ({scale:.2f}x), "
                  f"{figures['answered']}/{figures['requests']} in {figures['seconds']:.1f} s, decision p50/p95 "
                  f"{figures['signalP50Ms'] / 1000:.2f}/{figures['signalP95Ms'] / 1000:.2f} s, whole answer p50/p95 "
                  f"{figures['doneP50Ms'] / 1000:.2f}/{figures['doneP95Ms'] / 1000:.2f} s, by analyzer {figures['byAnalyzer']}, "
                  f"not from the model {figures['notFromModel']}", flush=True)
    if broker:
        stop(broker)
    if opts.out:
        lines = ["", "## Analysis throughput over Kafka (one and two analyzers, emulated Ollamas)", "",
                 f"`bench/kafka_analyses.py --profiles {opts.profiles} --requests {opts.requests} --coins {opts.coins}`: a "
                 "one-node KRaft broker, n packaged analyzers (SIGNAL_TRANSPORT=kafka, group ai-analyzers, "
                 f"{IN_FLIGHT} records in flight each) each on its own `../shared/ollama-emulator` (`--speed 1`, one "
                 "request at a time); a backlog of entry questions published at once, each a distinct market state, "
                 "answered on a reply topic. Analyses/s = answers / time from the first request to the last whole answer.",
                 "", "| Profile | Analyzers | Analyses/s | Scale | Decision p50 / p95 | Whole answer p50 / p95 | Answers per analyzer | Not from the model |",
                 "|---|---|---|---|---|---|---|---|"]
        for profile, n, f, scale in rows:
            lines.append(f"| {profile} | {n} | {f['analysesPerSecond']:.2f} | {scale:.2f}x | {f['signalP50Ms'] / 1000:.2f} s / "
                         f"{f['signalP95Ms'] / 1000:.2f} s | {f['doneP50Ms'] / 1000:.2f} s / {f['doneP95Ms'] / 1000:.2f} s | "
                         f"{', '.join(f'{k} {v}' for k, v in f['byAnalyzer'].items())} | {f['notFromModel']} |")
        with open(opts.out, "a") as out:
            out.write("\n".join(lines) + "\n")
        print(f"\nappended to {opts.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
