"""The services' launch settings of deploy/jvm.conf, as deploy/run-local.sh and the Dockerfiles start them.

java_args(module): the JVM flags (JVM_BOUNDS and the module's -Xmx), or BENCH_JAVA_OPTS instead when it is set;
java_env(): the environment with MALLOC_ARENA_MAX (kept when already set). Standard library only.
"""
import os
import re
import shlex

CONF = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "deploy", "jvm.conf")
HEAP_KEY = {"market-feed-service": "FEED_HEAP", "ai-analyzer-service": "ANALYZER_HEAP",
            "decision-service": "DECISION_HEAP"}


def settings(path=CONF):
    """The NAME=value lines of jvm.conf (values unquoted)."""
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = re.match(r'^([A-Z_]+)=("?)(.*)\2\s*$', line.strip())
            if match:
                values[match.group(1)] = match.group(3)
    return values


def java_args(module):
    """The JVM flags a service starts with: BENCH_JAVA_OPTS when set, else jvm.conf's bounds and heap."""
    if os.environ.get("BENCH_JAVA_OPTS"):
        return shlex.split(os.environ["BENCH_JAVA_OPTS"])
    conf = settings()
    return shlex.split(conf["JVM_BOUNDS"]) + ["-Xmx" + conf[HEAP_KEY[module]]]


def java_env():
    """This process's environment with jvm.conf's MALLOC_ARENA_MAX (an explicit one wins)."""
    env = dict(os.environ)
    env.setdefault("MALLOC_ARENA_MAX", settings()["MALLOC_ARENAS"])
    return env


def describe(module):
    """The flags in words, for a report."""
    return " ".join(java_args(module)) + " MALLOC_ARENA_MAX=" + java_env()["MALLOC_ARENA_MAX"]
