#!/usr/bin/env python3
"""Build a large, realistic news corpus for benchmarks from ../shared/corpora.

Articles are recombined from real sentences: each takes a real headline, a
real dateline opening ("PARIS (Reuters) - ") and 6 to 30 sentences drawn from
different real articles, so the vocabulary, names, quotes and places are
those of news, while no two articles are exact copies. Dates are spread
evenly over 2000-2024 and sources over the agencies seen. Output is JSON
Lines in shards of about 100 MB (`scale-000.jsonl`, …), which newsdex
streams.

    python3 scripts/make-scale-corpus.py --size 1G --out /tmp/scale [--seed 1]
    python3 scripts/make-scale-corpus.py --size 10G --articles 500000 --out /tmp/scale

Sizes take K, M or G suffixes (bytes of JSON written). Deterministic for a
given seed. Nothing from ../shared is copied into the repository.
"""
import argparse, glob, json, os, random, re

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
DATELINE = re.compile(r"^([A-Z][A-Z .'/-]{2,40}(?:, [A-Z][a-z]+\.?)?) (?:\((\w+)\) )?[-—] ")


def size(text):
    units = {"K": 1e3, "M": 1e6, "G": 1e9}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def load(shared):
    titles, bodies = [], []
    for path in sorted(glob.glob(os.path.join(shared, "bbc", "*", "*.txt"))):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        head, _, body = text.partition("\n")
        titles.append(head.strip())
        bodies.append(body.strip())
    for path in sorted(glob.glob(os.path.join(shared, "reuters21578", "*.sgm"))):
        text = open(path, encoding="latin-1").read()
        for story in re.findall(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", text, re.S):
            titles.append(story[0].title())
            bodies.append(re.sub(r"&#\d+;|\s*Reuter\s*$", "", story[1]).replace("&lt;", "<").strip())
    return titles, bodies


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1G")
    ap.add_argument("--articles", type=int, default=0,
                    help="stop after this many articles (whichever of --size and --articles comes first)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default=SHARED)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    titles, bodies = load(a.shared)
    sentences, openings = [], []
    for body in bodies:
        flat = " ".join(body.split())
        m = DATELINE.match(flat)
        if m:
            openings.append(m.group(0))
            flat = flat[m.end():]
        sentences.extend(s for s in SENTENCE.split(flat) if 30 <= len(s) <= 400)
    sources = ["Reuters", "AP", "AFP", "BBC", "Bloomberg", "Xinhua", "dpa", "UPI"]
    os.makedirs(a.out, exist_ok=True)
    target, written, shard, n = size(a.size), 0, 0, 0
    out = open(os.path.join(a.out, f"scale-{shard:03}.jsonl"), "w", encoding="utf-8")
    shard_bytes = 0
    while written < target and (a.articles == 0 or n < a.articles):
        day = rng.randrange(0, 25 * 365)
        year, rest = 2000 + day // 365, day % 365
        date = f"{year:04}-{1 + rest // 31 % 12:02}-{1 + rest % 28:02}"
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(6, 30)))
        if openings and rng.random() < 0.6:
            body = rng.choice(openings) + body
        line = json.dumps({"id": f"s{n}", "title": rng.choice(titles), "text": body, "date": date,
                           "source": rng.choice(sources)}, ensure_ascii=False) + "\n"
        out.write(line)
        size_line = len(line.encode("utf-8"))
        written += size_line
        shard_bytes += size_line
        n += 1
        if shard_bytes >= 100_000_000:
            out.close()
            shard += 1
            shard_bytes = 0
            out = open(os.path.join(a.out, f"scale-{shard:03}.jsonl"), "w", encoding="utf-8")
    out.close()
    print(f"{n} articles, {written / 1e6:.1f} MB in {shard + 1} files under {a.out}")


if __name__ == "__main__":
    main()
