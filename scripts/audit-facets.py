#!/usr/bin/env python3
"""Audit of the speaker and place facets, as a user reads them (issue 15).

Indexes each shared corpus, prints its top speakers and top places, and flags
by rule what a reader would call a bug:

  speakers  fragment  a generic word, a bare company suffix, a single letter,
                      junk, or a name that is the tail of a longer name in
                      the facet ("Motors Corp" beside "General Motors Corp")
            label     a party label, title, time word or agency glued to a
                      name ("Republican Roy Moore", "Exchequer Nigel Lawson")
            split     one entity under two values: a surname beside the
                      full name ("Reagan" / "Ronald Reagan"), a name with
                      and without its company suffix ("Chrysler" / "Chrysler
                      Corp"), a name with a label beside the bare name, or
                      a known alias pair ("Tories" / "Conservatives")
  places    person    named by a word of a quoted person's name ("Jones" of
                      Doug Jones) or of an organisation's
            word      a small place named by a common English word
                      ("Congress", "Liberty")
            alias     named by a word that is not its name ("Google" read
                      as Topeka)
            region    a wide region read as a town, or placed in one
                      country ("Middle East" in American Samoa)
            shadow    a town named like a region or country that the facet
                      also holds ("Alabama, New York" beside "Alabama")

Flags are for reading, not a verdict: the script prints every flagged value
with the words that named it, and a summary table per corpus.

    python3 scripts/audit-facets.py                 # every corpus in ../shared/corpora
    python3 scripts/audit-facets.py --corpus reuters21578 --top 30
    python3 scripts/audit-facets.py --summary       # the table only

Needs a release build (NEWSDEX=path overrides target/release/newsdex).
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Company suffixes and nouns that never name one speaker on their own.
GENERIC = {
    "inc", "corp", "co", "ltd", "plc", "ag", "sa", "nv", "llc", "group", "bank",
    "association", "exchange", "brokers", "estimates", "partners", "journal",
    "church", "center", "centre", "department", "ministry", "agency", "office",
    "committee", "commission", "council", "board", "union", "party", "company",
    "corporation", "authority", "institute", "university", "court", "circuit",
    "news", "times", "post", "profile", "quote", "chart", "consumer", "recent",
    "despite", "water", "opportunity", "report", "reports", "data", "survey",
    "study", "analysts", "officials", "sources", "police", "government",
    "industry", "traders", "dealers", "economists", "statement", "service",
    "system", "systems", "holdings", "securities", "trust", "fund", "capital",
    "international", "national", "federal", "american", "british", "european",
    "however", "meanwhile", "but", "and", "the", "this", "that", "it",
}

# Words that open a value but belong in its role: parties, titles, time
# words, agencies.
LABELS = {
    "republican", "republicans", "democrat", "democratic", "democrats", "labour",
    "tory", "conservative", "liberal", "gop", "president", "presidential", "vice",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "minister", "secretary", "chancellor",
    "exchequer", "chairman", "chairwoman", "chair", "chief", "director",
    "judge", "justice", "attorney", "professor", "prof", "dr",
    "doctor", "spokesman", "spokeswoman", "spokesperson", "analyst",
    "economist", "executive", "officer", "ambassador", "envoy", "commissioner",
    "treasurer", "deputy", "assistant", "acting", "former", "ex", "premier",
    "king", "queen", "prince", "pope", "sheikh", "coach", "manager", "captain",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "yesterday", "today",
    "reuters", "ap", "afp", "bloomberg", "xinhua", "tass", "upi",
}

# Company suffixes: a name with one is the same company as the name without.
SUFFIXES = {
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "ag",
    "sa", "nv", "llc", "group", "corporation", "incorporated", "limited",
    "company", "holdings",
}

# Names of one entity that share no words.
ALIASES = [
    {"tories", "conservatives", "conservative party", "tory party"},
    {"lib dems", "liberal democrats", "liberal democrat party"},
    {"labour", "labour party"},
    {"scottish national party", "snp"},
    {"fed", "federal reserve", "federal reserve board"},
    {"us", "u.s.", "united states", "usa", "u.s.a."},
    {"uk", "u.k.", "united kingdom", "britain"},
    {"un", "u.n.", "united nations"},
    {"eu", "e.u.", "european union"},
    {"gop", "republicans", "republican party"},
    {"democrats", "democratic party"},
    {"ft", "financial times"},
    {"wsj", "wall street journal", "the wall street journal"},
    {"usda", "u.s. agriculture department", "agriculture department", "u.s. department of agriculture", "department of agriculture"},
    {"bundesbank", "german central bank"},
    {"opec", "organization of petroleum exporting countries"},
    {"ecb", "european central bank"},
    {"imf", "international monetary fund"},
    {"sec", "securities and exchange commission"},
    {"cftc", "commodity futures trading commission"},
    {"ibm", "international business machines", "international business machines corp"},
    {"gm", "general motors", "general motors corp"},
    {"att", "at&t", "american telephone and telegraph", "american telephone and telegraph co"},
    {"vw", "volkswagen", "volkswagen ag"},
    {"twa", "trans world airlines", "trans world airlines inc"},
    {"ons", "office for national statistics"},
    {"bbc", "british broadcasting corporation"},
    {"nasa", "national aeronautics and space administration"},
]

# Regions inside one country: labelled with it ("New England, United States").
REGIONS_IN_A_COUNTRY = {"midwest", "new england", "siberia"}

# Wide regions that are never a town.
REGIONS = {
    "middle east", "near east", "far east", "gulf", "persian gulf", "arabian gulf",
    "balkans", "caucasus", "sahel", "central america", "latin america",
    "south america", "north america", "southeast asia", "south east asia",
    "central asia", "east asia", "south asia", "horn of africa", "west africa",
    "east africa", "north africa", "southern africa", "sub-saharan africa",
    "scandinavia", "baltics", "caribbean", "pacific", "atlantic", "mediterranean",
    "asia pacific", "asia-pacific", "maghreb",
    "levant", "arctic", "antarctic", "siberia", "midwest", "new england",
}


def english_words():
    path = os.path.join(ROOT, "data", "sources", "english_words.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and line[0].islower()}


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def facets(exe, index, limit):
    out = run([exe, "--index", index, "search", "*", "--facet", "speaker,place",
               "--facet-limit", str(limit), "-n", "0", "--json"], check=True).stdout
    data = json.loads(out)["facets"]
    return ([(v["value"], v["count"]) for v in data["speaker"]],
            [(v["value"], v["count"]) for v in data["place"]])


def label_of(place):
    """The facet label of a place, as newsdex's Place::label makes it."""
    parts = [place["name"]]
    region = place.get("admin1")
    if place["kind"] in ("city", "county") and region and region != place["name"]:
        if region.startswith(place["name"] + ", "):
            parts[0] = region
        else:
            parts.append(region)
    country = place.get("country")
    if place["kind"] in ("city", "county", "region", "area") and country and country != place["name"]:
        parts.append(country)
    return ", ".join(parts)


def surfaces(exe, corpus_dir):
    """Per place label, the words that named it (from `newsdex extract`),
    and what kind of place it is (city, region, area…)."""
    files = []
    for root, _dirs, names in os.walk(corpus_dir):
        for name in sorted(names):
            if name.lower().endswith((".txt", ".csv", ".sgm", ".xml", ".json", ".jsonl", ".html")) \
                    and name not in ("SOURCE.txt", "README.txt", "README.TXT", "LICENSE.txt"):
                files.append(os.path.join(root, name))
    named = collections.defaultdict(collections.Counter)
    kinds = {}
    for i in range(0, len(files), 200):
        out = run([exe, "extract", "--json"] + files[i:i + 200]).stdout
        for line in out.splitlines():
            try:
                art = json.loads(line)
            except json.JSONDecodeError:
                continue
            if art.get("offsets") == "file":
                with open(art["path"], encoding="utf-8", errors="replace") as f:
                    body = f.read()
            else:
                body = art.get("body") or ""
            for place in art.get("places", []):
                label = label_of(place)
                kinds[label] = place["kind"]
                for m in place.get("mentions", []):
                    text = body[m["start"]:m["end"]]
                    if text:
                        named[label][text] += 1
    return named, kinds


def norm(value):
    return re.sub(r"\s+", " ", value.strip().lower())


def strip_suffix(value):
    words = value.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in SUFFIXES:
        words.pop()
    return " ".join(words)


def speaker_flags(top, everything, words):
    values = [v for v, _ in everything]
    lowered = {norm(v): v for v in values}
    flags = collections.defaultdict(list)
    split_groups = []
    for value, _count in top:
        low = norm(value)
        ws = value.split()
        bare = re.sub(r"[^\w]", "", value)
        if len(bare) <= 1:
            flags[value].append("fragment: a single letter")
        elif len(ws) == 1 and low.strip(".") in GENERIC:
            flags[value].append("fragment: a generic word")
        elif len(ws) == 1 and low in words and value[0].isupper() and not value.isupper():
            flags[value].append("fragment?: a common word")
        elif (value.endswith((")", "(")) and not re.search(r" \([A-Z][^()]*\)$", value)) \
                or value.startswith(("(", "-", "'")):
            flags[value].append("fragment: punctuation")
        elif len(ws) > 1 and not any(low in alias for alias in ALIASES):
            longer = [v for v in values if len(v) > len(value) and v.endswith(" " + value)
                      and len(v.split()) > len(ws)]
            if longer and ws[-1].lower().rstrip(".") in SUFFIXES | GENERIC:
                flags[value].append(f"fragment: tail of {longer[0]!r}")
        organisation = any(w.lower().strip(".,") in SUFFIXES | GENERIC for w in ws) \
            or any(low in alias for alias in ALIASES)
        if len(ws) > 1 and ws[0].lower().rstrip(".,") in LABELS and not organisation:
            flags[value].append("label glued to the name")
    # Splits: groups of values naming one entity.
    seen = set()
    for value, _count in top:
        low = norm(value)
        if low in seen:
            continue
        group = {value}
        ws = value.split()
        if len(ws) == 1 and low.strip(".") not in GENERIC:
            group |= {v for v in values if 2 <= len(v.split()) <= 3 and v.split()[-1] == value
                      and not any(w.lower().strip(".,") in GENERIC | SUFFIXES for w in v.split())
                      and " of " not in v}
        base = norm(strip_suffix(value))
        group |= {v for v in values if norm(strip_suffix(v)) == base}
        # "Republican Moore" beside "Roy Moore": the label off.
        if len(ws) >= 2 and ws[0].lower() in LABELS and ws[-1].lower() not in GENERIC:
            rest = " ".join(ws[1:])
            group |= {v for v in values if v == rest or (len(ws) == 2 and v.split()[-1] == rest and len(v.split()) >= 2)}
        for alias in ALIASES:
            if low in alias:
                group |= {lowered[a] for a in alias if a in lowered}
        if len(group) > 1:
            seen |= {norm(v) for v in group}
            split_groups.append(sorted(group))
            for v in group:
                if v in dict(top):
                    names = sorted(group)
                    shown = " / ".join(names[:6]) + (f" / … ({len(names)})" if len(names) > 6 else "")
                    flags[v].append("split: " + shown)
    return flags, split_groups


def place_flags(top, everything_places, speakers, named, words, kinds):
    """Per place, its flags; a flag ending in "?" is a question for the
    reader, the others are errors."""
    flags = collections.defaultdict(list)
    labels = {v for v, _ in everything_places}
    wide_names = {v.split(",")[0].strip() for v in labels if len(v.split(",")) <= 2}
    speaker_values = {v for v, _ in speakers}
    surnames = set()
    for value in speaker_values:
        ws = value.split()
        if 2 <= len(ws) <= 3 and all(w[:1].isupper() for w in ws) \
                and not any(w.lower().strip(".") in GENERIC | LABELS | SUFFIXES for w in ws) \
                and ws[0] not in wide_names:
            surname = ws[-1].strip(".,'’")
            if surname.isalpha() and not surname.isupper():
                surnames.add(surname)
    by_name = collections.defaultdict(list)
    for value, count in everything_places:
        by_name[value.split(",")[0].strip().lower()].append((value, count))
    for value, count in top:
        parts = [p.strip() for p in value.split(",")]
        name = parts[0]
        town = len(parts) >= 3 or (len(parts) == 2 and value not in wide_names)
        # A named area inside a country ("New England, United States") is
        # labelled like a town; its kind tells it apart.
        if kinds.get(value) in ("continent", "country", "area", "region"):
            town = False
        forms = named.get(value, collections.Counter())
        for form, _ in forms.most_common(3):
            one_word = len(form.split()) == 1
            # A big city shares its name with many a family ("Houston");
            # a small town named by a surname is the misreading.
            if one_word and form in surnames and form not in wide_names and town and count < 50:
                flags[value].append(f"person: named as {form!r}, a word of a quoted person's name")
            if norm(form) in REGIONS and town:
                flags[value].append(f"region: {form!r} read as a town")
            unlike = norm(form).replace(".", "") not in norm(value).replace(".", "") \
                and not re.fullmatch(r"[A-Z.]{2,6}", form)
            if unlike:
                flags[value].append(f"alias?: named as {form!r}")
        if town and name.lower() in words and len(name.split()) == 1:
            flags[value].append(f"word?: {name!r} is a common word")
        if norm(name) in REGIONS and town:
            flags[value].append("region: a wide region read as a town")
        elif norm(name) in REGIONS and len(parts) >= 2 and norm(name) not in REGIONS_IN_A_COUNTRY:
            flags[value].append(f"region: a region of several countries placed in {parts[-1]!r}")
        for other, other_count in by_name.get(name.lower(), []):
            if other == value:
                continue
            if len(other.split(",")) < len(parts) and len(parts) >= 3 and count <= other_count:
                flags[value].append(f"shadow: a town beside the wider {other!r}")
            elif other_count > count:
                flags[value].append(f"shadow?: beside {other!r} ({other_count})")
    return {v: list(dict.fromkeys(f)) for v, f in flags.items()}


CORPORA = ["bbc", "reuters21578", "isot-sample", "ag-news", "gum-news"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    ap.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--work", help="keep the indexes here (default: a temporary folder)")
    ap.add_argument("--summary", action="store_true", help="print the summary table only")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()
    exe = os.environ.get("NEWSDEX", os.path.join(ROOT, "target", "release", "newsdex"))
    if not os.path.exists(exe):
        sys.exit(f"no newsdex at {exe}: cargo build --release first")
    if not os.path.isdir(args.corpora):
        sys.exit(f"no corpora at {args.corpora}")
    work = args.work or tempfile.mkdtemp(prefix="newsdex-audit-")
    words = english_words()
    summary = []
    for corpus in args.corpus or CORPORA:
        src = os.path.join(args.corpora, corpus)
        if not os.path.isdir(src):
            print(f"SKIPPED {corpus}: not in {args.corpora}", file=sys.stderr)
            continue
        index = os.path.join(work, corpus)
        run([exe, "--index", index, "index", "--rebuild", src])
        everything_speakers, everything_places = facets(exe, index, 5000)
        top_speakers = everything_speakers[:args.top]
        top_places = everything_places[:args.top]
        named, kinds = surfaces(exe, src)
        sflags, splits = speaker_flags(top_speakers, everything_speakers, words)
        pflags = place_flags(top_places, everything_places, everything_speakers, named, words, kinds)
        fragments = sum(1 for v, _ in top_speakers
                        if any(f.startswith("fragment:") for f in sflags[v]))
        speakers_to_read = sum(1 for v, _ in top_speakers
                               if any(f.startswith("fragment?") for f in sflags[v]))
        labels = sum(1 for v, _ in top_speakers if any(f.startswith("label") for f in sflags[v]))
        wrong_places = sum(1 for v, _ in top_places
                           if any(not f.split(":")[0].endswith("?") for f in pflags.get(v, [])))
        questioned = sum(1 for v, _ in top_places if pflags.get(v)) - wrong_places
        row = {"corpus": corpus, "fragments": fragments, "labels": labels, "splits": len(splits),
               "speakers_to_read": speakers_to_read,
               "wrong_places": wrong_places, "places_to_read": questioned}
        summary.append(row)
        if not args.summary:
            print(f"\n=== {corpus}: top {args.top} speakers")
            for i, (v, c) in enumerate(top_speakers, 1):
                mark = "  ← " + "; ".join(sflags[v]) if sflags[v] else ""
                print(f"{i:4} {c:6}  {v}{mark}")
            print(f"\n=== {corpus}: top {args.top} places")
            for i, (v, c) in enumerate(top_places, 1):
                forms = ", ".join(f"{f!r}×{n}" for f, n in named.get(v, collections.Counter()).most_common(3))
                mark = "  ← " + "; ".join(pflags[v]) if pflags.get(v) else ""
                print(f"{i:4} {c:6}  {v}  [{forms}]{mark}")
    if args.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"\n{'':14} {'speakers':^35} {'places':^24}   (top {args.top} of each)")
    print(f"{'corpus':14} {'fragments':>9} {'labels':>7} {'splits':>7} {'to read':>8}   {'wrong':>7} {'to read':>8}")
    for r in summary:
        print(f"{r['corpus']:14} {r['fragments']:9} {r['labels']:7} {r['splits']:7} {r['speakers_to_read']:8}"
              f"   {r['wrong_places']:7} {r['places_to_read']:8}")


if __name__ == "__main__":
    main()
