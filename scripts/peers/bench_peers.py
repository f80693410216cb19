#!/usr/bin/env python3
"""Benchmark peer search engines on newsdex's corpus and queries.

One engine per run, on the same JSON Lines corpus (`scale-*.jsonl` from
`scripts/make-scale-corpus.py`) and the same fixed query set
(`benches/queries.tsv`) that newsdex is measured on:

    python3 scripts/peers/bench_peers.py --engine sqlite  --corpus /tmp/scale --index /tmp/peer-ix
    python3 scripts/peers/bench_peers.py --engine tantivy --corpus /tmp/scale --index /tmp/peer-ix
    /usr/bin/python3 scripts/peers/bench_peers.py --engine xapian --corpus /tmp/scale --index /tmp/peer-ix

Options: --limit N (first N articles across the files, 0 = all), --rounds R
(default 10), --queries FILE, --json (one JSON object on stdout instead of
the tables; progress goes to stderr), --show-queries (print each query as
translated for the engine; without --corpus it prints them and exits),
--cold-runs N (default 10), --xapian-flush N (XAPIAN_FLUSH_THRESHOLD).

Engines and the settings a competent user would pick:
  sqlite   SQLite FTS5 via python's sqlite3. fts5(title, text) with tokenizer
           `porter unicode61 remove_diacritics 2` and rank bm25(2.0, 1.0)
           (title weighted 2, as newsdex's boost); id, date, month, source in
           a plain table `docs` joined on rowid, indexed on date, month and
           source. Bulk load: journal_mode=OFF, synchronous=OFF, a 128 MB page
           cache, one transaction, executemany in batches of 1,000; then the
           docs indexes, ANALYZE and FTS5 'optimize' (all in the index time).
  tantivy  tantivy-py 0.27. title, text: en_stem, stored, positions; date:
           date field, indexed and fast; source and month (YYYY-MM): raw
           tokenizer, fast. Writer heap 128 MB, 2 threads; commit, then
           wait_merging_threads. Queries through Index.parse_query with
           conjunction_by_default (as newsdex) and a title boost of 2.
  xapian   python3-xapian 1.4 (Debian; run with /usr/bin/python3).
           TermGenerator, English stemmer, STEM_SOME, positions; title with
           prefix S and also in the free text with wdf weight 2, text in the
           free text. Values: 0 = YYYYMMDD, 1 = source, 2 = YYYYMM. The
           document data is "id\\ntitle\\ntext". WritableDatabase with
           DB_CREATE_OR_OVERWRITE, XAPIAN_FLUSH_THRESHOLD = 10,000 documents
           (Xapian's default, set explicitly; --xapian-flush changes it: on
           5,000 articles 1,000 was no slower and used 74 MB instead of 270 MB,
           but a low threshold means many more flushes into a large database)
           and one commit at the end.

What is measured:
  1. Ingest: seconds from the first byte read to a committed index (reading
     and JSON parsing included, as for newsdex; the input is read once
     beforehand so the page cache is warm, as scripts/bench-ingest.sh does),
     MB/s (10^6 bytes of JSONL lines consumed), docs/s, peak RSS of this
     process after the ingest (ru_maxrss), index size on disk.
  2. Queries: every query of the file, translated to the engine's syntax
     (see the translate_* functions), run once as a warm-up and then
     --rounds times, in file order each round. One sample = rank the top 10
     by relevance (bm25), count all hits, load each hit's title and build a
     highlighted snippet of its text. p50/p95/p99 over all samples, p50 per
     kind, hits per query.
  3. Counts (facets) by month (YYYY-MM) and by source, top 20 by count, over
     all documents and over the query `said`; p50 over rounds.
  4. Deep pagination: `said`, 10 hits at offset 10,000 with their titles (no
     count, no snippets); p50 over rounds.
  5. Cold start: wall time of a fresh `sys.executable` running this script in
     a mode that imports the engine, opens the index and runs `oil` (top 10,
     count, snippets); p50 of --cold-runs. Also `sys.executable -c pass` (the
     interpreter alone) and this script started without an engine (the
     interpreter plus the stdlib modules the script imports), so the engine
     part is full - script.

Query translation (newsdex syntax -> engine): words, "phrases", AND, OR,
NOT and -word, word* (prefix), title:word map to each engine's own syntax;
terms are ANDed by default, as in newsdex. speaker:NAME and place:NAME
become the name searched in title and text (as a phrase when quoted): the
peers extract no speakers or places, and this is what their users would type,
so their counts are larger than newsdex's. date:[A TO B], date:YYYY-MM,
date:YYYY and date:YYYY-MM-DD become an inclusive date range filter (FTS5: a
BETWEEN on the joined docs table; tantivy: a range on the date field;
xapian: a value range on slot 0). A query with only a date has no relevance:
every engine returns its 10 most recent matches (date descending) with the
text's first 200 characters instead of a snippet.

Engine-specific notes, also printed with the results:
  sqlite   the hit count is a separate SELECT count(*) (FTS5 has no count with
           the top-k). word* matches prefixes of porter stems. Snippets are 20
           tokens. A date range joins docs on rowid.
  tantivy  calendar months are not supported by the date_histogram
           aggregation of 0.27 (only fixed_interval), so the month counts are
           a terms aggregation on the month field. tantivy-py's query parser
           ignores `word*`, so a prefix is a regex `word.*` on the stemmed
           title and text fields (no expansion cap; regex matches are not
           highlighted by SnippetGenerator). `NOT x` after AND is a
           known trap of the grammar, so negation is written -x. Snippets
           are 200 characters.
  xapian   counts are exact: get_mset(0, 10, checkatleast=doccount) makes
           get_matches_estimated() exact, at the cost of visiting every
           match. Query words are lower-cased: under STEM_SOME a capitalised
           word (Japan) is searched unstemmed and would miss Japan's.
           Phrases match the exact, unstemmed words ("interest rates" misses
           "interest rate", "Tony Blair" misses "Tony Blair's"), so phrase
           counts are lower than the other engines'. word* expands over
           unstemmed terms. Snippets are 200 characters. STEM_SOME indexes
           each word twice (stemmed, and unstemmed with positions): on 2,000
           articles STEM_ALL indexed about twice as fast. The index is not
           compacted (xapian-compact would shrink it).

Stdlib only, besides the engine module. Runs under any python3 >= 3.8.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_QUERIES = os.path.join(REPO, "benches", "queries.tsv")
TOP_K = 10
DEEP_OFFSET = 10_000
BROAD_QUERY = "said"
COLD_QUERY = "oil"
FACET_TOP = 20
SNIPPET_CHARS = 200  # tantivy and xapian snippets; FTS5 counts tokens instead


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# newsdex query syntax -> a flat list of clauses shared by all translators.
#
# The query set is flat (no parentheses): operands joined by AND, OR, NOT or
# nothing (AND). Each clause is a dict:
#   {"op": "AND"|"OR"|"NOT"}                         an explicit operator
#   {"word": w, "field": None|"title", "prefix": b, "neg": b}
#   {"phrase": p, "field": None|"title", "neg": b}
#   {"date": (first, last)}                          ISO days, inclusive

TOKEN = re.compile(
    r"""\s*(?:
      (?P<neg>-)?(?:(?P<field>[A-Za-z_]+):)?
      (?: "(?P<phrase>[^"]*)"
        | \[(?P<lo>[^\s\]]+)\s+TO\s+(?P<hi>[^\s\]]+)\]
        | (?P<word>[^\s"()\[\]]+) )
    )""",
    re.X,
)
TEXT_FIELDS = {None: None, "title": "title", "speaker": None, "place": None,
               "body": None, "text": None}


def month_end(year, month):
    nxt = datetime.date(year + month // 12, month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def period(text):
    """A newsdex date (YYYY, YYYY-MM or YYYY-MM-DD) -> (first, last) days."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1), month_end(*parts)
    day = datetime.date(*parts)
    return day, day


def parse_newsdex(query):
    clauses, pos = [], 0
    query = query.strip()
    while pos < len(query):
        m = TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise ValueError("cannot parse %r at %d" % (query, pos))
        pos = m.end()
        field, neg = m.group("field"), bool(m.group("neg"))
        word = m.group("word")
        if field is None and not neg and word in ("AND", "OR", "NOT"):
            clauses.append({"op": word})
            continue
        if field == "date":
            if m.group("lo"):
                first, last = period(m.group("lo"))[0], period(m.group("hi"))[1]
            else:
                first, last = period(word or m.group("phrase"))
            clauses.append({"date": (first.isoformat(), last.isoformat())})
            continue
        if field not in TEXT_FIELDS:
            raise ValueError("unknown field %r in %r" % (field, query))
        target = TEXT_FIELDS[field]
        if m.group("phrase") is not None:
            clauses.append({"phrase": m.group("phrase"), "field": target, "neg": neg})
        else:
            prefix = word.endswith("*")
            clauses.append({"word": word.rstrip("*"), "field": target,
                            "prefix": prefix, "neg": neg})
    return clauses


def split_dates(clauses):
    """Separates the date clauses (always ANDed in the query set) from the
    text clauses; drops the operator that joined a date to the rest."""
    dates = [c["date"] for c in clauses if "date" in c]
    text, pending = [], None
    for c in clauses:
        if "op" in c:
            pending = c
            continue
        if "date" in c:
            if pending and pending["op"] != "AND":
                raise ValueError("a date can only be ANDed with the rest")
            pending = None
            continue
        if pending and text:
            text.append(pending)
        pending = None
        text.append(c)
    date = None
    if dates:
        date = (max(d[0] for d in dates), min(d[1] for d in dates))
    return text, date


def operands(text_clauses):
    """Yields (joining operator, clause): "AND", "OR" or "NOT"; the first
    operand's operator is None. A -word is NOT; juxtaposition is AND."""
    op = None
    first = True
    for c in text_clauses:
        if "op" in c:
            op = c["op"]
            continue
        join = None if first else (op or "AND")
        if c.get("neg"):
            join = "NOT"
        yield join, c
        op, first = None, False


# ---------------------------------------------------------------------------
# Input

def corpus_files(folder):
    files = sorted(glob.glob(os.path.join(folder, "scale-*.jsonl")))
    rest = sorted(set(glob.glob(os.path.join(folder, "*.jsonl"))) - set(files))
    files += rest
    if not files:
        sys.exit("bench_peers: no *.jsonl files in %s" % folder)
    return files


def read_articles(files, limit, stats):
    """Yields parsed articles, counting the bytes of lines consumed."""
    n = 0
    for path in files:
        with open(path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                stats["bytes"] += len(line)
                yield json.loads(line)
                n += 1
                if limit and n >= limit:
                    stats["docs"] = n
                    return
    stats["docs"] = n


def warm_cache(files, limit):
    n = 0
    for path in files:
        with open(path, "rb") as f:
            for _ in f:
                n += 1
                if limit and n >= limit:
                    return


def dir_size(path):
    total = 0
    for root, _, names in os.walk(path):
        for name in names:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def reset_dir(path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)


# ---------------------------------------------------------------------------
# Engines. Each has: create(dir), add(doc), finish(), open(dir),
# translate(query) -> prepared, show(prepared) -> str,
# search(prepared, offset, limit, count, snippets) -> (hits or None, [(title, snippet)]),
# facets(prepared or None) -> {"month": [(k, n)], "source": [(k, n)]}.
# A prepared query is (engine-native text, (first, last) or None, date_only).


def translate_sqlite(query):
    """FTS5 MATCH syntax: "quoted" words and phrases, word* as "word"*,
    title:word as a column filter, binary NOT. Dates leave the MATCH for a
    BETWEEN on docs.date."""
    text, date = split_dates(parse_newsdex(query))
    out = []
    for join, c in operands(text):
        if join:
            out.append(join)
        term = '"%s"' % (c.get("phrase") or c.get("word")).replace('"', '""')
        if c.get("prefix"):
            term += "*"
        if c["field"]:
            term = "%s:%s" % (c["field"], term)
        out.append(term)
    return " ".join(out) or None, date, not out


def translate_tantivy(query):
    """tantivy query grammar, parsed with conjunction_by_default: words,
    "phrases", title:word, AND/OR, -word for negation (`AND NOT x` yields no
    hits in this grammar), word* as a regex on the stemmed fields (the
    parser of tantivy-py silently drops the *), dates as an RFC 3339 range."""
    text, date = split_dates(parse_newsdex(query))
    out = []
    for join, c in operands(text):
        if c.get("prefix"):
            pattern = re.escape(c["word"].lower()) + ".*"
            fields = [c["field"]] if c["field"] else ["title", "text"]
            term = "(%s)" % " OR ".join("%s:/%s/" % (f, pattern) for f in fields)
        elif "phrase" in c:
            term = '"%s"' % c["phrase"]
        else:
            term = c["word"]
        if c["field"] and not c.get("prefix"):
            term = "%s:%s" % (c["field"], term)
        if join == "NOT":
            term = "-" + term
        elif join == "OR":
            out.append("OR")
        elif join == "AND":
            out.append("AND")
        out.append(term)
    if date:
        if out:
            out.append("AND")
        out.append("date:[%sT00:00:00Z TO %sT00:00:00Z]" % date)
    return " ".join(out), date, not text


def translate_xapian(query):
    """Xapian QueryParser syntax (FLAG_DEFAULT | FLAG_WILDCARD, default op
    AND): words (lower-cased), "phrases", AND/OR/NOT, word*, title:word
    (prefix S), and dates as date:YYYYMMDD..YYYYMMDD (a RangeProcessor on
    value slot 0)."""
    text, date = split_dates(parse_newsdex(query))
    out = []
    for join, c in operands(text):
        if join:
            out.append(join)
        # Lower-cased so that STEM_SOME stems the word as the other engines
        # do: a capitalised word is searched unstemmed (Japan misses Japan's).
        term = '"%s"' % c["phrase"] if "phrase" in c else c["word"].lower()
        if c.get("prefix"):
            term += "*"
        if c["field"]:
            term = "%s:%s" % (c["field"], term)
        out.append(term)
    if date:
        if out:
            out.append("AND")
        out.append("date:%s..%s" % (date[0].replace("-", ""), date[1].replace("-", "")))
    return " ".join(out), date, not text


class SqliteEngine:
    name = "sqlite"
    translate = staticmethod(translate_sqlite)
    BATCH = 1000
    notes = [
        "SQLite FTS5, tokenizer 'porter unicode61 remove_diacritics 2', rank bm25(2.0, 1.0)",
        "bulk load: journal_mode=OFF, synchronous=OFF, cache 128 MB, one transaction; "
        "index time includes CREATE INDEX on docs, ANALYZE and FTS5 'optimize'",
        "hit count: a separate SELECT count(*) per query",
        "date ranges: JOIN docs (a plain table) ON rowid with BETWEEN on docs.date",
        "snippets: snippet(t, 1, '[', ']', '…', 20), i.e. 20 tokens",
        "facets: GROUP BY on docs.month / docs.source (joined with MATCH for the query)",
    ]

    def __init__(self):
        import sqlite3
        self.sqlite3 = sqlite3
        self.version = "SQLite %s" % sqlite3.sqlite_version

    def create(self, path):
        self.con = self.sqlite3.connect(os.path.join(path, "fts.db"), isolation_level=None)
        c = self.con
        c.execute("PRAGMA journal_mode=OFF")
        c.execute("PRAGMA synchronous=OFF")
        c.execute("PRAGMA cache_size=-131072")  # KiB: 128 MB, like tantivy's heap
        c.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, ext_id TEXT, date TEXT, "
                  "month TEXT, source TEXT)")
        c.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, "
                  "tokenize='porter unicode61 remove_diacritics 2')")
        # Persistent: ORDER BY rank means bm25 with title weighted 2.
        c.execute("INSERT INTO t(t, rank) VALUES('rank', 'bm25(2.0, 1.0)')")
        c.execute("BEGIN")
        self.rowid, self.docs, self.texts = 0, [], []

    def add(self, a):
        self.rowid += 1
        date = a.get("date") or ""
        self.docs.append((self.rowid, a.get("id"), date, date[:7], a.get("source") or ""))
        self.texts.append((self.rowid, a.get("title") or "", a.get("text") or ""))
        if len(self.docs) >= self.BATCH:
            self.flush()

    def flush(self):
        self.con.executemany("INSERT INTO docs VALUES(?,?,?,?,?)", self.docs)
        self.con.executemany("INSERT INTO t(rowid, title, text) VALUES(?,?,?)", self.texts)
        self.docs, self.texts = [], []

    def finish(self):
        self.flush()
        c = self.con
        for col in ("date", "month", "source"):
            c.execute("CREATE INDEX docs_%s ON docs(%s)" % (col, col))
        c.execute("INSERT INTO t(t) VALUES('optimize')")
        c.execute("COMMIT")
        c.execute("ANALYZE")
        c.close()

    def open(self, path):
        self.con = self.sqlite3.connect(os.path.join(path, "fts.db"), isolation_level=None)
        self.con.execute("PRAGMA cache_size=-131072")

    def search(self, prepared, offset=0, limit=TOP_K, count=True, snippets=True):
        match, date, date_only = prepared
        c = self.con
        snip = "snippet(t, 1, '[', ']', '…', 20)" if snippets else "''"
        if date_only:
            rows = c.execute(
                "SELECT t.title, substr(t.text, 1, %d) FROM docs d JOIN t ON t.rowid = d.id "
                "WHERE d.date BETWEEN ? AND ? ORDER BY d.date DESC LIMIT ? OFFSET ?"
                % SNIPPET_CHARS, (date[0], date[1], limit, offset)).fetchall()
            total = c.execute("SELECT count(*) FROM docs WHERE date BETWEEN ? AND ?",
                              date).fetchone()[0] if count else None
        elif date:
            rows = c.execute(
                "SELECT t.title, %s FROM t JOIN docs d ON d.id = t.rowid "
                "WHERE t MATCH ? AND d.date BETWEEN ? AND ? ORDER BY rank LIMIT ? OFFSET ?"
                % snip, (match, date[0], date[1], limit, offset)).fetchall()
            total = c.execute(
                "SELECT count(*) FROM t JOIN docs d ON d.id = t.rowid "
                "WHERE t MATCH ? AND d.date BETWEEN ? AND ?",
                (match, date[0], date[1])).fetchone()[0] if count else None
        else:
            rows = c.execute(
                "SELECT title, %s FROM t WHERE t MATCH ? ORDER BY rank LIMIT ? OFFSET ?"
                % snip, (match, limit, offset)).fetchall()
            total = c.execute("SELECT count(*) FROM t WHERE t MATCH ?",
                              (match,)).fetchone()[0] if count else None
        return total, rows

    def facets(self, prepared):
        out = {}
        for col in ("month", "source"):
            if prepared is None:
                sql = ("SELECT %s, count(*) FROM docs GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %d"
                       % (col, FACET_TOP))
                args = ()
            else:
                sql = ("SELECT d.%s, count(*) FROM t JOIN docs d ON d.id = t.rowid "
                       "WHERE t MATCH ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %d" % (col, FACET_TOP))
                args = (prepared[0],)
            out[col] = [tuple(r) for r in self.con.execute(sql, args)]
        return out


class TantivyEngine:
    name = "tantivy"
    translate = staticmethod(translate_tantivy)
    notes = [
        "tantivy-py: title/text en_stem with positions, stored; date indexed+fast; "
        "source, month raw+fast",
        "writer heap 128 MB, 2 threads; commit + wait_merging_threads in the index time",
        "hit count: searcher.search(q, 10, count=True).count (same pass as the top 10)",
        "snippets: SnippetGenerator per query, max 200 chars, to_html()",
        "prefix word*: regex word.* on stemmed title and text (the parser drops '*'); "
        "regex matches are not highlighted",
        "facets: searcher.aggregate terms on source and month (date_histogram has no "
        "calendar months in 0.27: 'only fixed_interval is supported')",
    ]

    def __init__(self):
        try:
            import tantivy
        except ImportError:
            sys.exit("bench_peers: the tantivy module is missing for %s; install it with "
                     "`pip install tantivy==0.27.*` (or run with the python that has it)"
                     % sys.executable)
        self.t = tantivy
        self.version = str(getattr(tantivy, "__version__", "tantivy-py ?"))
        if "0.27" not in self.version:
            log("bench_peers: warning: expected tantivy-py 0.27, found %s" % self.version)
        self.utc = datetime.timezone.utc

    def schema(self):
        sb = self.t.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("title", stored=True, tokenizer_name="en_stem", index_option="position")
        sb.add_text_field("text", stored=True, tokenizer_name="en_stem", index_option="position")
        sb.add_date_field("date", indexed=True, fast=True)
        sb.add_text_field("source", fast=True, tokenizer_name="raw")
        sb.add_text_field("month", fast=True, tokenizer_name="raw")
        return sb.build()

    def create(self, path):
        self.index = self.t.Index(self.schema(), path=path)
        self.writer = self.index.writer(heap_size=128_000_000, num_threads=2)

    def add(self, a):
        fields = {"id": a.get("id") or "", "title": a.get("title") or "",
                  "text": a.get("text") or "", "source": a.get("source") or ""}
        d = a.get("date")
        if d:
            fields["date"] = datetime.datetime(int(d[:4]), int(d[5:7]), int(d[8:10]),
                                               tzinfo=self.utc)
            fields["month"] = d[:7]
        self.writer.add_document(self.t.Document(**fields))

    def finish(self):
        self.writer.commit()
        self.writer.wait_merging_threads()

    def open(self, path):
        self.index = self.t.Index.open(path)
        self.searcher = self.index.searcher()
        self.schema_ = self.index.schema

    def parse(self, text):
        return self.index.parse_query(text, ["title", "text"], {"title": 2.0},
                                      conjunction_by_default=True, allow_regexes=True)

    def search(self, prepared, offset=0, limit=TOP_K, count=True, snippets=True):
        text, _, date_only = prepared
        q = self.parse(text)
        s = self.searcher
        if date_only:
            res = s.search(q, limit, count=count, order_by_field="date", offset=offset)
        else:
            res = s.search(q, limit, count=count, offset=offset)
        gen = None
        if snippets and not date_only:
            gen = self.t.SnippetGenerator.create(s, q, self.schema_, "text")
            gen.set_max_num_chars(SNIPPET_CHARS)
        rows = []
        for _, addr in res.hits:
            doc = s.doc(addr)
            title = doc["title"][0]
            if gen is not None:
                snip = gen.snippet_from_doc(doc).to_html()
            elif snippets:
                snip = doc["text"][0][:SNIPPET_CHARS]
            else:
                snip = ""
            rows.append((title, snip))
        return (res.count if count else None), rows

    def facets(self, prepared):
        q = self.t.Query.all_query() if prepared is None else self.parse(prepared[0])
        agg = {"month": {"terms": {"field": "month", "size": FACET_TOP}},
               "source": {"terms": {"field": "source", "size": FACET_TOP}}}
        res = self.searcher.aggregate(q, agg)
        return {k: [(b["key"], b["doc_count"]) for b in res[k]["buckets"]] for k in agg}


class XapianEngine:
    name = "xapian"
    translate = staticmethod(translate_xapian)
    notes = [
        "xapian TermGenerator: English stemmer, STEM_SOME, positions; title prefix S "
        "and in free text with weight 2",
        "values: 0 = YYYYMMDD, 1 = source, 2 = YYYYMM; one commit at the end",
        "hit count: exact, get_mset(0, 10, checkatleast=doccount) (visits every match)",
        "query words lower-cased so STEM_SOME stems them; phrases match exact unstemmed "
        "words (fewer hits than the other engines)",
        "snippets: mset.snippet(text, 200, stemmer, defaults, '[', ']', '…')",
        "facets: ValueCountMatchSpy on slots 2 and 1 with checkatleast=doccount",
    ]

    def __init__(self):
        try:
            import xapian
        except ImportError:
            sys.exit("bench_peers: the xapian module is missing for %s; install it with "
                     "`apt-get install python3-xapian` and run with /usr/bin/python3"
                     % sys.executable)
        self.x = xapian
        self.version = "xapian %s" % xapian.version_string()
        self.stem = xapian.Stem("english")

    def create(self, path):
        x = self.x
        self.db = x.WritableDatabase(path, x.DB_CREATE_OR_OVERWRITE)
        self.tg = x.TermGenerator()
        self.tg.set_stemmer(self.stem)
        self.tg.set_stemming_strategy(x.TermGenerator.STEM_SOME)

    def add(self, a):
        x, tg = self.x, self.tg
        title, text = a.get("title") or "", a.get("text") or ""
        doc = x.Document()
        tg.set_document(doc)
        tg.index_text(title, 1, "S")
        tg.index_text(title, 2)
        tg.increase_termpos()  # no phrase across the title/text boundary
        tg.index_text(text)
        d = (a.get("date") or "").replace("-", "")
        doc.add_value(0, d)
        doc.add_value(1, a.get("source") or "")
        doc.add_value(2, d[:6])
        doc.set_data("%s\n%s\n%s" % (a.get("id") or "", title.replace("\n", " "), text))
        self.db.add_document(doc)

    def finish(self):
        self.db.commit()
        self.db.close()

    def open(self, path):
        x = self.x
        self.db = x.Database(path)
        self.doccount = self.db.get_doccount()
        qp = x.QueryParser()
        qp.set_stemmer(self.stem)
        qp.set_stemming_strategy(x.QueryParser.STEM_SOME)
        qp.set_database(self.db)  # wildcards expand over the database's terms
        qp.set_default_op(x.Query.OP_AND)
        qp.add_prefix("title", "S")
        qp.add_rangeprocessor(x.RangeProcessor(0, "date:"))
        self.qp = qp
        self.flags = x.QueryParser.FLAG_DEFAULT | x.QueryParser.FLAG_WILDCARD

    def parse(self, text):
        return self.qp.parse_query(text, self.flags)

    def search(self, prepared, offset=0, limit=TOP_K, count=True, snippets=True):
        text, _, date_only = prepared
        enq = self.x.Enquire(self.db)
        enq.set_query(self.parse(text))
        if date_only:
            enq.set_sort_by_value(0, True)
        mset = enq.get_mset(offset, limit, self.doccount if count else 0)
        rows = []
        for item in mset:
            _, title, body = item.document.get_data().decode("utf-8").split("\n", 2)
            if not snippets:
                snip = ""
            elif date_only:
                snip = body[:SNIPPET_CHARS]
            else:
                snip = mset.snippet(body, SNIPPET_CHARS, self.stem,
                                    self.x.MSet.SNIPPET_BACKGROUND_MODEL
                                    | self.x.MSet.SNIPPET_EXHAUSTIVE,
                                    "[", "]", "…").decode("utf-8")
            rows.append((title, snip))
        return (mset.get_matches_estimated() if count else None), rows

    def facets(self, prepared):
        x = self.x
        enq = x.Enquire(self.db)
        enq.set_query(x.Query.MatchAll if prepared is None else self.parse(prepared[0]))
        months, sources = x.ValueCountMatchSpy(2), x.ValueCountMatchSpy(1)
        enq.add_matchspy(months)
        enq.add_matchspy(sources)
        enq.get_mset(0, 0, self.doccount)
        def top(spy, fmt):
            return [(fmt(i.term.decode("utf-8")), i.termfreq) for i in spy.top_values(FACET_TOP)]
        return {"month": top(months, lambda m: "%s-%s" % (m[:4], m[4:])),
                "source": top(sources, lambda s: s)}


ENGINES = {"sqlite": SqliteEngine, "tantivy": TantivyEngine, "xapian": XapianEngine}


# ---------------------------------------------------------------------------
# Measurement

def pct(samples, p):
    """Nearest-rank percentile."""
    s = sorted(samples)
    if not s:
        return None
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def load_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            kind, _, q = line.partition("\t")
            out.append((kind.strip(), q.strip()))
    return out


def ingest(engine, args, files):
    reset_dir(args.index)
    warm_cache(files, args.limit)
    stats = {"bytes": 0, "docs": 0}
    t0 = time.perf_counter()
    engine.create(args.index)
    for article in read_articles(files, args.limit, stats):
        engine.add(article)
    engine.finish()
    secs = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    mb = stats["bytes"] / 1e6
    return {"seconds": secs, "articles": stats["docs"], "input_mb": mb,
            "mb_per_s": mb / secs, "docs_per_s": stats["docs"] / secs,
            "peak_rss_mb": rss_mb, "index_mb": dir_size(args.index) / 1e6}


def timed(fn, *a, **kw):
    t0 = time.perf_counter()
    r = fn(*a, **kw)
    return (time.perf_counter() - t0) * 1000.0, r


def bench_queries(engine, queries, rounds):
    prepared = [engine.translate(q) for _, q in queries]
    hits = []
    for p in prepared:  # warm-up round, not counted; also the hit counts
        total, rows = engine.search(p)
        hits.append(total)
    samples = [[] for _ in queries]
    for _ in range(rounds):
        for i, p in enumerate(prepared):
            ms, (total, _) = timed(engine.search, p)
            samples[i].append(ms)
            if total != hits[i]:
                log("bench_peers: warning: %r gave %s hits, then %s" % (queries[i][1], hits[i], total))
    every = [s for per in samples for s in per]
    kinds = {}
    for (kind, _), per in zip(queries, samples):
        kinds.setdefault(kind, []).extend(per)
    return {
        "samples": len(every),
        "p50_ms": pct(every, 50), "p95_ms": pct(every, 95), "p99_ms": pct(every, 99),
        "per_kind_p50_ms": {k: pct(v, 50) for k, v in kinds.items()},
        "per_query": [{"kind": k, "query": q, "translated": show(p), "hits": h,
                       "p50_ms": pct(s, 50)}
                      for (k, q), p, h, s in zip(queries, prepared, hits, samples)],
    }


def show(prepared):
    """The translated query as the engine receives it; for FTS5 the date range
    is a separate SQL condition, shown in brackets."""
    text, date, date_only = prepared
    if date_only:
        return "%s  [only a date: newest first]" % (text or "date BETWEEN %s AND %s" % date)
    if date and "date" not in text:
        return "%s  [+ docs.date BETWEEN %s AND %s]" % (text, date[0], date[1])
    return text


def bench_facets(engine, rounds):
    broad = engine.translate(BROAD_QUERY)
    out = {}
    for label, p in (("all", None), (BROAD_QUERY, broad)):
        result = engine.facets(p)  # warm-up
        times = [timed(engine.facets, p)[0] for _ in range(rounds)]
        out[label] = {"p50_ms": pct(times, 50), "month": result["month"],
                      "source": result["source"]}
    return out


def bench_deep(engine, rounds):
    p = engine.translate(BROAD_QUERY)
    _, rows = engine.search(p, offset=DEEP_OFFSET, count=False, snippets=False)
    times = [timed(engine.search, p, offset=DEEP_OFFSET, count=False, snippets=False)[0]
             for _ in range(rounds)]
    return {"query": BROAD_QUERY, "offset": DEEP_OFFSET, "returned": len(rows),
            "p50_ms": pct(times, 50)}


def bench_cold(args, runs):
    script = os.path.abspath(__file__)
    def wall(cmd):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return (time.perf_counter() - t0) * 1000.0
    full = [sys.executable, script, "--cold-child", "query", "--engine", args.engine,
            "--index", args.index]
    bare = [sys.executable, script, "--cold-child", "noop", "--engine", args.engine]
    interp = [sys.executable, "-c", "pass"]
    res = {}
    for label, cmd in (("interpreter", interp), ("script", bare), ("full", full)):
        wall(cmd)  # warm-up: page cache, not counted
        res[label + "_p50_ms"] = pct([wall(cmd) for _ in range(runs)], 50)
    res["engine_p50_ms"] = res["full_p50_ms"] - res["script_p50_ms"]
    res["runs"] = runs
    res["query"] = COLD_QUERY
    return res


def cold_child(args):
    if args.cold_child == "noop":
        return
    engine = ENGINES[args.engine]()
    engine.open(args.index)
    total, rows = engine.search(engine.translate(COLD_QUERY))
    print(total, len(rows))


# ---------------------------------------------------------------------------
# Output

def fmt_ms(v):
    return "-" if v is None else ("%.3f" % v if v < 10 else "%.1f" % v)


def print_text(r, show_queries):
    e = r["ingest"]
    print("newsdex peer benchmark: %s (%s), %s %s" % (r["engine"], r["engine_version"],
                                                       r["python"], r["python_version"]))
    print("corpus %s: %d articles, %.1f MB; queries %s; %d rounds"
          % (r["corpus"], e["articles"], e["input_mb"], r["queries_file"], r["rounds"]))
    for n in r["notes"]:
        print("  note: " + n)
    print()
    print("Ingest   %9s %8s %9s %12s %10s" % ("seconds", "MB/s", "docs/s", "peak RSS MB", "index MB"))
    print("         %9.2f %8.2f %9.0f %12.1f %10.1f"
          % (e["seconds"], e["mb_per_s"], e["docs_per_s"], e["peak_rss_mb"], e["index_mb"]))
    q = r["queries"]
    print()
    print("Queries (%d samples; top %d + count + titles + snippets), ms:  p50 %s  p95 %s  p99 %s"
          % (q["samples"], TOP_K, fmt_ms(q["p50_ms"]), fmt_ms(q["p95_ms"]), fmt_ms(q["p99_ms"])))
    print("  p50 per kind: " + "  ".join("%s %s" % (k, fmt_ms(v))
                                         for k, v in q["per_kind_p50_ms"].items()))
    print()
    print("  %-8s %-52s %9s %9s" % ("kind", "query", "hits", "p50 ms"))
    for row in q["per_query"]:
        print("  %-8s %-52s %9s %9s" % (row["kind"], row["query"][:52], row["hits"],
                                         fmt_ms(row["p50_ms"])))
        if show_queries:
            print("  %8s -> %s" % ("", row["translated"]))
    f = r["facets"]
    print()
    print("Counts by month and by source (top %d), p50 ms:  all documents %s   '%s' %s"
          % (FACET_TOP, fmt_ms(f["all"]["p50_ms"]), BROAD_QUERY, fmt_ms(f[BROAD_QUERY]["p50_ms"])))
    for label in ("all", BROAD_QUERY):
        print("  %-4s months: %s" % (label, ", ".join("%s %d" % tuple(kv) for kv in f[label]["month"][:5])))
        print("  %-4s sources: %s" % (label, ", ".join("%s %d" % tuple(kv) for kv in f[label]["source"][:5])))
    d = r["deep_pagination"]
    print()
    print("Deep pagination '%s' offset %d: %d hits returned, p50 %s ms"
          % (d["query"], d["offset"], d["returned"], fmt_ms(d["p50_ms"])))
    c = r["cold_start"]
    if c:
        print()
        print("Cold start, p50 of %d runs (ms): interpreter %s, script without engine %s, "
              "open + '%s' %s  => engine part %s"
              % (c["runs"], fmt_ms(c["interpreter_p50_ms"]), fmt_ms(c["script_p50_ms"]),
                 c["query"], fmt_ms(c["full_p50_ms"]), fmt_ms(c["engine_p50_ms"])))


def print_translations(engine, queries):
    for kind, q in queries:
        print("%-8s %-52s -> %s" % (kind, q, show(engine.translate(q))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=sorted(ENGINES), required=True)
    ap.add_argument("--corpus", help="folder of scale-*.jsonl (or *.jsonl)")
    ap.add_argument("--index", help="where to build the index (deleted first)")
    ap.add_argument("--limit", type=int, default=0, help="first N articles, 0 = all")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--queries", default=DEFAULT_QUERIES)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--show-queries", action="store_true",
                    help="print the translated queries (alone if no --corpus)")
    ap.add_argument("--cold-runs", type=int, default=10)
    ap.add_argument("--xapian-flush", type=int, default=10_000,
                    help="XAPIAN_FLUSH_THRESHOLD, documents (unless set in the environment)")
    ap.add_argument("--cold-child", choices=["noop", "query"], help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.cold_child:
        return cold_child(args)
    if args.engine == "xapian":
        # Read when the WritableDatabase opens: documents buffered before a flush.
        os.environ.setdefault("XAPIAN_FLUSH_THRESHOLD", str(args.xapian_flush))
    queries = load_queries(args.queries)
    engine = ENGINES[args.engine]()
    if args.show_queries and not args.corpus:
        return print_translations(engine, queries)
    if not args.corpus or not args.index:
        ap.error("--corpus and --index are required (except with --show-queries alone)")
    files = corpus_files(args.corpus)
    # --index is deleted first: refuse a folder that holds the corpus or the repo.
    index = os.path.realpath(args.index)
    for keep in (os.path.realpath(args.corpus), REPO, os.path.expanduser("~")):
        if keep == index or keep.startswith(index.rstrip(os.sep) + os.sep):
            ap.error("--index %s would delete %s" % (args.index, keep))
    for _, q in queries:  # fail on a translation bug before the long ingest
        engine.translate(q)

    log("bench_peers: %s: indexing %s%s into %s" % (
        args.engine, args.corpus, " (first %d articles)" % args.limit if args.limit else "",
        args.index))
    result = {"engine": args.engine, "engine_version": engine.version,
              "python": sys.executable, "python_version": platform.python_version(),
              "corpus": os.path.abspath(args.corpus), "queries_file": args.queries,
              "rounds": args.rounds, "notes": list(engine.notes)}
    if args.engine == "xapian":
        result["notes"].append("XAPIAN_FLUSH_THRESHOLD=%s" % os.environ["XAPIAN_FLUSH_THRESHOLD"])
    result["ingest"] = ingest(engine, args, files)
    log("bench_peers: indexed %d articles in %.1f s; running queries"
        % (result["ingest"]["articles"], result["ingest"]["seconds"]))
    engine.open(args.index)
    result["queries"] = bench_queries(engine, queries, args.rounds)
    log("bench_peers: facets and deep pagination")
    result["facets"] = bench_facets(engine, args.rounds)
    result["deep_pagination"] = bench_deep(engine, args.rounds)
    log("bench_peers: cold start")
    result["cold_start"] = bench_cold(args, args.cold_runs) if args.cold_runs else None
    if args.json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print_text(result, args.show_queries)


if __name__ == "__main__":
    main()
