#!/usr/bin/env python3
"""Derive two name lists from the 1990 US Census name-frequency files
(dist.male.first, dist.female.first, dist.all.last; a work of the US
Government, public domain), as packaged in the PyPI package names 0.3.0:

  data/sources/given_names.tsv   the lower-case given name, a tab, M or F (at
      least four times as common for one sex as for the other) or U (both).
      The speaker resolver uses it to tell a person's name from a title
      ("professor Marc Lamont Hill") and a pronoun's antecedent.
  data/sources/plural_surnames.txt   surnames among the 40,000 most common
      that read as plural English words ("Sanders", "Rogers"): "Brokers
      said" is vague, "Sanders said" is not.

    python3 scripts/derive-names.py [names-0.3.0.tar.gz]
"""
import gzip, io, os, subprocess, sys, tarfile, tempfile

OUT = os.path.join("data", "sources", "given_names.tsv")
SURNAMES_OUT = os.path.join("data", "sources", "plural_surnames.txt")
WORDS = os.path.join("data", "sources", "english_words.txt.gz")


def fetch():
    if len(sys.argv) > 1:
        return sys.argv[1]
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "names==0.3.0", "--no-deps",
                    "--no-binary", ":all:", "-d", tmp], check=True)
    return os.path.join(tmp, "names-0.3.0.tar.gz")


def read(tar, member):
    freq = {}
    for line in io.TextIOWrapper(tar.extractfile(member), encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0].lower()] = float(parts[1])
    return freq


def main():
    with tarfile.open(fetch()) as tar:
        male = read(tar, "names-0.3.0/names/dist.male.first")
        female = read(tar, "names-0.3.0/names/dist.female.first")
        last = [line.split()[0].lower() for line in
                io.TextIOWrapper(tar.extractfile("names-0.3.0/names/dist.all.last"), encoding="ascii")
                if line.strip()][:40000]
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        sex = "M" if m >= 4 * f else "F" if f >= 4 * m else "U"
        rows.append(f"{name}\t{sex}")
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    print(f"{OUT}: {len(rows)} names")
    with gzip.open(WORDS, "rt", encoding="utf-8") as f:
        words = {w.strip() for w in f}
    def plural(w):
        return w.endswith("s") and (w[:-1] in words or w[:-2] in words
                                    or (w.endswith("ies") and w[:-3] + "y" in words))
    plurals = [w for w in last if plural(w)]
    with open(SURNAMES_OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(plurals) + "\n")
    print(f"{SURNAMES_OUT}: {len(plurals)} surnames")


if __name__ == "__main__":
    main()
