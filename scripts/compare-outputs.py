#!/usr/bin/env python3
"""Do two newsdex builds answer the same? Indexes a corpus with each, then
compares, byte for byte, the JSON of the 57 benchmark queries
(benches/queries.tsv, first page and facets), `terms --field quote`,
`quotes`, `export` of every
article and `show` of each query's first hit.

A change meant to leave results alone (an index layout, tokenising once)
runs this against the build before it:

    python3 scripts/compare-outputs.py OLD_BINARY NEW_BINARY ../shared/corpora/reuters21578

Exit status 1 and the first differences when the answers differ. Needs a
release build of each (`cargo build --release`, copy target/release/newsdex).

Articles are extracted on one thread, so both builds see them in the same
order: which copy of a story comes first decides its cluster (and what
`terms` reads), and the running name table names articles in that order.
tantivy's indexing threads still race, and `quotes` and `export` list
matches in index order: their entries are compared as sets.
BM25 scores count deleted documents, and how many the name pass leaves
depends on that order too: scores are left out (the order of hits is
still compared). Cluster ids are left out too: the same story may be
named by either copy's id when the two copies race in tantivy.
"""

import difflib
import pathlib
import re
import subprocess
import sys
import tempfile

QUERIES = pathlib.Path(__file__).resolve().parent.parent / "benches" / "queries.tsv"


def queries():
    for line in QUERIES.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, query = line.split("\t", 1)
        yield kind, query


def run(binary, index, *args):
    """Exit status and output; JSON pretty-printed, so a difference shows
    as the lines that differ."""
    import json
    result = subprocess.run(
        [binary, *args, "--index", index],
        capture_output=True,
        text=True,
    )
    try:
        shown = json.dumps(json.loads(result.stdout), indent=1, ensure_ascii=False)
    except ValueError:
        shown = result.stdout
    shown = re.sub(r'"cluster": ?"[0-9a-f]*"', '"cluster": "?"', shown)
    return f"exit {result.returncode}\n{shown}{result.stderr}"


def answers(binary, corpus, index):
    # Exit status 3: some files could not be read (a README among SGML
    # files); the rest is indexed.
    # One extraction thread: articles reach the writer in the same order
    # in both runs, so copies of a story and names are assigned alike.
    indexed = subprocess.run([binary, "index", corpus, "--index", index, "--threads", "1"],
                             capture_output=True, text=True)
    if indexed.returncode not in (0, 3):
        sys.exit(f"{binary} could not index {corpus}:\n{indexed.stderr}")
    out = {}
    for kind, query in queries():
        out[f"search {query}"] = without_scores(run(
            binary, index, "search", query, "--json",
            "--facet", "speaker,place,source,date:month"))
        out[f"terms {query}"] = run(
            binary, index, "terms", query, "--field", "quote", "--json")
        out[f"quotes {query}"] = in_any_order(
            run(binary, index, "quotes", query, "--json", "-n", "100000"))
    out["export"] = in_any_order(run(binary, index, "export", "*"))
    out["facets speaker"] = run(binary, index, "facets", "speaker", "-n", "1000000", "--json")
    out["facets place"] = run(binary, index, "facets", "place", "--json")
    return out


def in_any_order(output):
    """The output with its lines, and the quotes of a `quotes --json`
    answer, sorted."""
    import json
    status, body = output.split("\n", 1)
    try:
        answer = json.loads(body)
    except ValueError:
        return "\n".join([status, *sorted(body.splitlines())])
    if isinstance(answer, dict) and isinstance(answer.get("quotes"), list):
        answer["quotes"].sort(key=lambda q: json.dumps(q, sort_keys=True))
    return f"{status}\n{json.dumps(answer, indent=1, ensure_ascii=False)}"


def without_scores(output):
    return re.sub(r'"score": ?[0-9.eE+-]+', '"score": "?"', output)


def first_ids(search_json):
    import json
    body = search_json.split("\n", 1)[1]
    try:
        hits = json.loads(body).get("hits", [])
    except ValueError:
        return []
    return [hit["id"] for hit in hits[:1]]


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    old, new, corpus = sys.argv[1:]
    with tempfile.TemporaryDirectory() as scratch:
        old_index, new_index = f"{scratch}/old", f"{scratch}/new"
        before = answers(old, corpus, old_index)
        after = answers(new, corpus, new_index)
        for key, value in list(before.items()):
            if key.startswith("search "):
                for article in first_ids(value):
                    before[f"show {article}"] = run(old, old_index, "show", article, "--json")
                    after[f"show {article}"] = run(new, new_index, "show", article, "--json")
    differing = [key for key in before if before[key] != after.get(key)]
    print(f"{len(before)} answers compared, {len(differing)} differ")
    if differing:
        kinds = sorted({key.split(" ", 1)[0] for key in differing})
        print(f"differing: {', '.join(kinds)}")
    for key in differing[:5]:
        print(f"--- {key}")
        diff = difflib.unified_diff(
            before[key].splitlines(), after[key].splitlines(), "old", "new", lineterm="", n=1)
        for line in list(diff)[:20]:
            print(line[:300])
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
