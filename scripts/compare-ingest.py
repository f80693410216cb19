#!/usr/bin/env python3
"""Ingest speed of this build against another newsdex binary, in the same run.

For each corpus, indexes it from scratch with both binaries in turn
(alternating, ROUNDS times, so machine noise falls on both), and prints the
wall seconds of each run, the median of each binary, and the ratio
(baseline / this build: above 1 means this build is slower). When this
build's JSON summary reports it, the share of the time taken by the
corpus-wide name pass (`naming_seconds`) is shown too.

    python3 scripts/compare-ingest.py BASELINE_BINARY [CORPUS ...]
    # e.g. build the commit before a change in a worktree, then
    python3 scripts/compare-ingest.py /tmp/base/target/release/newsdex \\
        ../shared/corpora/bbc ../shared/corpora/reuters21578

NEWSDEX=path picks this build's binary (default target/release/newsdex);
ROUNDS=n the rounds (default 3).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ingest(exe, corpus):
    with tempfile.TemporaryDirectory(prefix="newsdex-compare-") as tmp:
        started = time.monotonic()
        out = subprocess.run([exe, "--index", os.path.join(tmp, "index"), "index", corpus, "--json"],
                             capture_output=True, text=True)
        seconds = time.monotonic() - started
        try:
            summary = json.loads(out.stdout)
        except json.JSONDecodeError:
            sys.exit(f"{exe} failed on {corpus}: {out.stderr.strip()}")
        return seconds, summary


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    baseline = sys.argv[1]
    corpora = sys.argv[2:] or [os.path.join(ROOT, "..", "shared", "corpora", "bbc")]
    current = os.environ.get("NEWSDEX", os.path.join(ROOT, "target", "release", "newsdex"))
    rounds = int(os.environ.get("ROUNDS", "3"))
    for corpus in corpora:
        # Read once so every run finds the files in the page cache.
        ingest(current, corpus)
        base_times, times, naming, renamed = [], [], [], 0
        for _ in range(rounds):
            seconds, _ = ingest(baseline, corpus)
            base_times.append(seconds)
            seconds, summary = ingest(current, corpus)
            times.append(seconds)
            naming.append(summary.get("naming_seconds", 0.0))
            renamed = summary.get("renamed", 0)
            documents = summary.get("documents", 0)
        b, c = statistics.median(base_times), statistics.median(times)
        name = os.path.basename(os.path.normpath(corpus))
        print(f"{name}: {documents} articles")
        print(f"  baseline  {' '.join(f'{t:.2f}' for t in base_times)} s  median {b:.2f} s")
        print(f"  this      {' '.join(f'{t:.2f}' for t in times)} s  median {c:.2f} s"
              f"  (name pass median {statistics.median(naming):.2f} s, {renamed} articles rewritten)")
        print(f"  ratio this/baseline {c / b:.2f}")


if __name__ == "__main__":
    main()
