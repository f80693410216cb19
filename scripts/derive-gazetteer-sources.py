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

Run from the project root (needs network access to PyPI, or pass the two
wheel files):
    python3 scripts/derive-gazetteer-sources.py [countryinfo.whl english_words.whl]
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


def main():
    given = sys.argv[1:3] + [None, None]
    os.makedirs(OUT, exist_ok=True)
    print("countries:", country_points(wheel("countryinfo==1.0.1", given[0])))
    print("english words:", english_words(wheel("english-words==2.0.2", given[1])))


if __name__ == "__main__":
    main()
