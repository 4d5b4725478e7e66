#!/usr/bin/env python3
"""Fills the product's model comparison table on this machine: starts ai-analyzer-service against your Ollama,
calls POST /api/ai/evaluate (the four analyses on snapshots of a replay, per model) and writes the table as
Markdown and JSON. Standard library only.

    bench/evaluate.py --ollama http://localhost:11434 [--models llama3.2:3b,mistral:7b] [--samples 10]

Defaults: every model in Ollama's /api/tags, the simulator sample bench/replay/simulator-sample.jsonl.gz,
output bench/out/evaluation.md and bench/out/evaluation.json (bench/out/ is ignored by git). Needs the analyzer jar (bench/run.sh or
./mvnw -B -DskipTests package -pl ai-analyzer-service -am builds it).
"""
import argparse
import json
import os
import sys

import bench


def evaluate(port, replay, models, samples, out_dir):
    """POST /api/ai/evaluate on a running analyzer whose data directory (signal.data-dir) is the replay's folder;
    writes evaluation.md and evaluation.json; returns the report."""
    body = {"replayFile": os.path.basename(replay), "samples": samples, "everySeconds": 60}
    if models:
        body["models"] = models
    status, payload = bench.request(port, "POST", "/api/ai/evaluate", json.dumps(body), timeout=6 * 3600)
    if status != 200:
        raise RuntimeError(f"POST /api/ai/evaluate answered {status}: {payload[:500].decode(errors='replace')}")
    report = json.loads(payload)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "evaluation.json"), "w") as out:
        json.dump(report, out, indent=2)
    with open(os.path.join(out_dir, "evaluation.md"), "w") as out:
        out.write(f"# Model comparison\n\n{report['generatedAt']}, Ollama {report['ollamaUrl']}, replay "
                  f"{os.path.basename(report['replayFile'])}, {report['samples']} snapshots x 4 analyses per model. "
                  f"Machine: {bench.machine()}.\n\n{report['markdown']}\n"
                  "Quality Score = round(100 x (0.4 x valid-output rate + 0.3 x hit rate 1m + 0.3 x hit rate 5m)); "
                  "see ai-analyzer-service/README.md.\n")
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ollama", default=os.environ.get("OLLAMA_BASE_URL", "http://localhost:11434"))
    parser.add_argument("--models", default="", help="comma-separated; default: all in /api/tags")
    parser.add_argument("--replay", default=bench.SAMPLE)
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--out", default=os.path.join(bench.BENCH, "out"), help="folder for evaluation.md/.json")
    opts = parser.parse_args()
    if not os.path.isfile(bench.JARS["ai-analyzer-service"]):
        sys.exit("no analyzer jar: run ./mvnw -B -DskipTests package -pl ai-analyzer-service -am first")
    port = bench.free_port()
    print(f"starting ai-analyzer-service on :{port} against {opts.ollama}", flush=True)
    bench.start_jvm("ai-analyzer-service", port, {"quarkus.langchain4j.ollama.base-url": opts.ollama,
                                                 "analyzer.sentiment.every": "off", "analyzer.ollama.preload": "false",
                                                 "quarkus.langchain4j.ollama.timeout": "120s",
                                                 "signal.data-dir": os.path.dirname(os.path.abspath(opts.replay))},
                 "evaluate-analyzer")
    models = [m.strip() for m in opts.models.split(",") if m.strip()]
    report = evaluate(port, opts.replay, models, opts.samples, opts.out)
    print(report["markdown"])
    print(f"written {os.path.join(opts.out, 'evaluation.md')} and evaluation.json")


if __name__ == "__main__":
    main()
