#!/usr/bin/env python3
"""Error analysis for the place extractor against an EUPEG-style dev set
(../shared/eval/places): lists missed gold toponyms, predicted mentions with
no gold, and resolutions more than 161 km off, with counts per surface form.

    python3 scripts/place-errors.py ../shared/eval/places/TR-News [--one-based] [--show fn|fp|geo]
"""
import collections, json, math, os, subprocess, sys, tempfile, shutil

def km(a, b):
    (la1, lo1), (la2, lo2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))

def main():
    d = sys.argv[1]
    one = "--one-based" in sys.argv
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else "all"
    gold_lines = open(os.path.join(d, "gold.txt"), encoding="utf-8").read().splitlines()
    tmp = tempfile.mkdtemp()
    files = []
    for i in range(len(gold_lines)):
        shutil.copyfile(os.path.join(d, "docs", str(i)), os.path.join(tmp, f"{i}.txt"))
        files.append(os.path.join(tmp, f"{i}.txt"))
    exe = os.environ.get("NEWSDEX", "target/release/newsdex")
    out = subprocess.run([exe, "extract", "--json"] + files, capture_output=True, text=True, check=True).stdout
    preds = {}
    for line in out.splitlines():
        o = json.loads(line)
        i = int(os.path.basename(o["path"]).split(".")[0])
        preds[i] = [(m["start"], m["end"], p) for p in o["places"] for m in p["mentions"]]
    fn, fp, geo = collections.Counter(), collections.Counter(), collections.Counter()
    for i, line in enumerate(gold_lines):
        text = open(files[i], encoding="utf-8").read()
        gold = []
        for rec in line.split("||"):
            f = rec.split(",,")
            if len(f) < 6:
                continue
            s, e = int(f[4]) - one, int(f[5]) - one
            gold.append((s, e, f[0], float(f[2]), float(f[3])))
        used = set()
        for s, e, p in preds.get(i, []):
            hit = next((j for j, g in enumerate(gold) if j not in used and s < g[1] and g[0] < e), None)
            if hit is None:
                ctx = text[max(0, s - 30):e + 30].replace("\n", " ")
                fp[(text[s:e], p["name"], p["country_code"])] += 1
                if show == "fpctx":
                    print("FP", repr(ctx))
            else:
                used.add(hit)
                g = gold[hit]
                dist = km((p["lat"], p["lon"]), (g[3], g[4]))
                if dist > 161:
                    geo[(text[s:e], p["name"], p["country_code"], p.get("admin1"), g[2], round(g[3], 1), round(g[4], 1), int(dist))] += 1
        for j, g in enumerate(gold):
            if j not in used:
                fn[text[g[0]:g[1]]] += 1
                if show == "fnctx":
                    print("FN", repr(text[max(0, g[0] - 40):g[1] + 30].replace("\n", " ")))
    if show in ("all", "fn"):
        print("== missed", sum(fn.values()))
        for k, v in fn.most_common(60):
            print(v, k)
    if show in ("all", "fp"):
        print("== spurious", sum(fp.values()))
        for k, v in fp.most_common(60):
            print(v, k)
    if show in ("all", "geo"):
        print("== >161 km", sum(geo.values()))
        for k, v in geo.most_common(60):
            print(v, k)

main()
