#!/usr/bin/env python3
"""bench-web.py: how fast `newsdex index` reads web pages, against another build.

Indexes the WCXB development pages (../shared/eval/html/wcxb-dev, 711 saved
pages) into a fresh index with two binaries in alternating rounds, and reports
pages per second for each and their ratio, measured in the same run (the
machine is shared and noisy, so absolute figures drift from hour to hour).

The baseline is a git revision (default: 1ee6749, the last commit with the
HTML reader newsdex had before issue 26), built once into a worktree under
/tmp; or any binary given with --baseline-bin. The candidate is this checkout's
release build (target/release/newsdex), or --candidate-bin.

Usage:
  scripts/bench-web.py [--rounds 3] [--baseline-rev REV | --baseline-bin PATH]
                       [--candidate-bin PATH] [--pages DIR] [--warc]

--warc also times the candidate on the same pages packed into one WARC.gz
(each page a response record with its request and metadata records).
"""
import argparse, gzip, json, os, shutil, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_baseline(rev):
    tree = f"/tmp/newsdex-baseline-{rev}"
    binary = os.path.join(tree, "target/release/newsdex")
    if os.path.exists(binary):
        return binary
    if not os.path.isdir(tree):
        subprocess.run(["git", "-C", REPO, "worktree", "add", "--detach", tree, rev], check=True)
    print(f"building the baseline {rev} in {tree} (a few minutes, once)", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--locked"], cwd=tree, check=True)
    return binary


def pages_folder(pages, out):
    ids = sorted(f[:-5] for f in os.listdir(os.path.join(pages, "ground-truth")) if f.endswith(".json"))
    os.makedirs(out, exist_ok=True)
    urls = {}
    for i in ids:
        with open(os.path.join(pages, "html", i + ".html.gz"), "rb") as f:
            page = gzip.decompress(f.read())
        with open(os.path.join(out, i + ".html"), "wb") as f:
            f.write(page)
        urls[i] = json.load(open(os.path.join(pages, "ground-truth", i + ".json")))["url"]
    return ids, urls


def warc_of(folder, ids, urls, path):
    def record(kind, uri, ctype, block, n):
        head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Date: 2025-12-20T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-{n}>\r\n"
                f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
        return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)
    n = 0
    with open(path, "wb") as f:
        for i in ids:
            page = open(os.path.join(folder, i + ".html"), "rb").read()
            for kind, ctype, block in [
                ("request", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
                ("response", "application/http; msgtype=response",
                 b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page),
                ("metadata", "application/warc-fields", b"fetchTimeMs: 1\r\n"),
            ]:
                n += 1
                f.write(record(kind, urls[i], ctype, block, n))


def index_seconds(binary, root):
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        out = subprocess.run([binary, "--index", os.path.join(tmp, "ix"), "index", root, "--json"],
                             capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if out.returncode not in (0, 3):
        sys.exit(f"{binary} failed: {out.stderr[-500:]}")
    summary = json.loads(out.stdout)
    return seconds, summary["documents"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline-rev", default="1ee6749")
    ap.add_argument("--baseline-bin")
    ap.add_argument("--candidate-bin", default=os.path.join(REPO, "target/release/newsdex"))
    ap.add_argument("--pages", default=os.path.join(REPO, "../shared/eval/html/wcxb-dev"))
    ap.add_argument("--warc", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.pages):
        sys.exit(f"no pages at {a.pages}")
    baseline = a.baseline_bin or build_baseline(a.baseline_rev)
    with tempfile.TemporaryDirectory() as work:
        folder = os.path.join(work, "pages")
        ids, urls = pages_folder(a.pages, folder)
        runs = {"baseline": [], "candidate": []}
        docs = {}
        if a.warc:
            crawl = os.path.join(work, "crawl")
            os.makedirs(crawl)
            warc_of(folder, ids, urls, os.path.join(crawl, "pages.warc.gz"))
            runs["candidate (WARC.gz)"] = []
        for r in range(a.rounds):
            order = [("baseline", baseline, folder), ("candidate", a.candidate_bin, folder)]
            if r % 2:
                order.reverse()
            if a.warc:
                order.append(("candidate (WARC.gz)", a.candidate_bin, crawl))
            for name, binary, root in order:
                seconds, documents = index_seconds(binary, root)
                runs[name].append(seconds)
                docs[name] = documents
                print(f"round {r + 1}: {name:20} {seconds:6.2f} s  {len(ids) / seconds:6.1f} pages/s  "
                      f"({documents} articles)", file=sys.stderr)
    base = statistics.median(runs["baseline"])
    print(f"{len(ids)} pages, median of {a.rounds} alternating rounds:")
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"  {name:20} {median:6.2f} s  {len(ids) / median:6.1f} pages/s  "
              f"{base / median:4.2f}x baseline  {docs[name]} articles")


if __name__ == "__main__":
    main()
