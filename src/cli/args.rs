//! Command-line arguments. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsdex::remote::Remote;

const QUERY_HELP: &str = "\
Query syntax (title and body are searched; words are English-stemmed):
  chemical weapons            both words (AND is the default)
  aleppo OR homs              either word
  aleppo -russia              without a word (also: NOT russia)
  \"total war\"                 a phrase; \"ministers of defense\" keeps its stop word
  \"total war\"~2               a phrase with up to 2 words between or out of order
  presiden*                   prefix: president, presidential, presidency
  title:aleppo                one field (fields: title, body, dateline, source, id, …)
  source:Reuters              exact value of a string field
  speaker:Ayrault             articles quoting a speaker (part of a name is enough)
  place:Syria                 articles naming a place or a place inside it (Aleppo)
  country:Syria               exact country of a place named
  quote:\"total war\"         words inside quotes
  date:2016-11                a day, month or year
  date:[2016-11-01 TO 2016-12-01]   a date range (inclusive; {…} excludes the ends)
  date:>=2019-01-01           open-ended range
  *                           every article
  (aleppo OR homs) AND title:syria^2   grouping, and a boost for one part";

/// newsdex: search a folder of news articles, offline, from one command.
///
/// Index a folder once, then search it with ranked hits, highlighted snippets
/// and facet counts. Re-running `index` on the same folder only reads what
/// changed.
#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    after_help = "Examples:
  newsdex index corpus/
  newsdex search 'chemical weapons' --facet date,source
  newsdex search '\"total war\"' --sort date --limit 5 --json
  newsdex show 3f2a9c0d1e4b5a6c
  newsdex stats"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Index folder [default: .newsdex in the current directory]
    #[arg(long, global = true, env = "NEWSDEX_INDEX", value_name = "PATH")]
    pub index: Option<PathBuf>,

    /// Print one JSON object instead of text, for programs
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour output (NO_COLOR in the environment means never)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index the articles under folders: text, JSON, CSV, feeds, web pages, WARC (gzipped or not)
    ///
    /// Walks each folder recursively (hidden files and folders are skipped,
    /// symbolic links followed, loops detected). Re-running on the same
    /// folder adds new files, replaces changed ones, removes documents whose
    /// files are gone and leaves the rest alone. A file that cannot be read
    /// is reported and skipped; the exit status is then 3. What is not an
    /// article (a saved front page, a crawl's requests and images) is
    /// skipped and counted by reason, without changing the exit status.
    ///
    /// Examples: `newsdex index ~/news` · `newsdex index crawl/` (a folder
    /// of CC-NEWS `.warc.gz` files, read record by record)
    Index(IndexArgs),

    /// Search the index: ranked hits with snippets, and facet counts
    #[command(after_help = QUERY_HELP)]
    Search(SearchArgs),

    /// List quotes: what was said, by whom, about what
    ///
    /// `newsdex quotes "chemical weapons" --speaker Ayrault` lists every
    /// quote of Jean-Marc Ayrault that mentions chemical weapons, one per
    /// line: speaker (role) — “quote” — title, date · id. Words said word
    /// for word are in quotation marks; reported speech ("Ayrault said
    /// that …") is marked `reported:` and has none. `newsdex show ID`
    /// opens the article.
    #[command(after_help = QUERY_HELP)]
    Quotes(QuotesArgs),

    /// Count the values of one field for a query; drill down into places
    ///
    /// `newsdex facets place` counts articles per continent,
    /// `newsdex facets place --drill Asia` per country of Asia,
    /// `newsdex facets place --drill "Asia/Syria" aleppo` per region and city
    /// of Syria among articles about Aleppo. Other fields (country, speaker,
    /// source, date) list their most frequent values.
    Facets(FacetsArgs),

    /// How many articles match per day, week, month or year, and what share
    /// of all that period's articles that is
    ///
    /// `newsdex timeline oil --by month --split-by place --top 5` charts
    /// coverage of oil month by month, with a series for each of the five
    /// places most named alongside it. `--csv` prints a table for pandas or R.
    Timeline(TimelineArgs),

    /// Write every matching article with its fields, for pandas, R or jq,
    /// or for Quickwit and OpenSearch
    ///
    /// `newsdex export "chemical weapons" --format csv > hits.csv` then
    /// `pd.read_csv("hits.csv")`. No limit: matches are streamed in index
    /// order. `--fields title,date,speaker` picks and orders the columns.
    /// `quotes` gives each quote with its speaker, role and kind
    /// (`"direct": true` for words in quotation marks, false for reported
    /// speech), a JSON array (in CSV too); `quote` only their texts.
    ///
    /// `newsdex export --target quickwit --out news-qw/` writes a Quickwit
    /// index config and the articles as ingest bodies below 10 MB;
    /// `--target opensearch` an index mapping and `_bulk` bodies. Load them
    /// with `newsdex push` or the engine's own tools (docs/SCALING.md).
    Export(ExportArgs),

    /// Keyword in context: every occurrence of a word or phrase, one per
    /// line, aligned on the match
    ///
    /// `newsdex kwic "total war" --width 40 --sort left` lists the phrase
    /// with 40 characters of context on each side, sorted by the words just
    /// before it, as a concordancer (AntConc) does.
    Kwic(KwicArgs),

    /// The words and phrases that set the matching articles apart
    ///
    /// `newsdex terms Blair --field quote` ranks the words and two- or
    /// three-word phrases over-represented in what is quoted in articles
    /// about Blair, against the rest of the index, by log-likelihood G²
    /// (the keyness statistic of corpus linguistics; G² above 10.83 is
    /// p < 0.001). `--against "source:AFP"` compares with another query's
    /// articles instead. Counts are of articles; stop words and numbers
    /// never rank; phrases never cross punctuation.
    #[command(after_help = QUERY_HELP)]
    Terms(TermsArgs),

    /// One speaker or place at a glance: when, what about, with whom, where
    ///
    /// `newsdex profile speaker Blair` shows Tony Blair's articles per
    /// month, first and last seen, the terms of his quotes (against all
    /// quotes), his roles as written, the speakers quoted beside him, the
    /// places and sources of his articles and his latest quotes.
    /// `newsdex profile place Syria` shows the speakers most quoted in
    /// articles about Syria, their terms, the timeline and the places
    /// inside Syria. A QUERY and the filters narrow every figure; each is
    /// what the equivalent `search`, `quotes` or `terms` answers.
    Profile(ProfileArgs),

    /// Who is quoted (or what is named) with whom: a co-occurrence network
    ///
    /// `newsdex network oil --nodes speaker --format gexf > oil.gexf` writes
    /// the speakers quoted in articles about oil, sized by their articles,
    /// joined by the articles they share, for Gephi. `--format graphml`
    /// for networkx, igraph or Cytoscape; `--format csv` for an edge list;
    /// `--json` for both lists. `--top N` keeps the N nodes with the most
    /// articles.
    #[command(after_help = QUERY_HELP)]
    Network(NetworkArgs),

    /// A world map of where the coverage is: countries shaded by articles
    ///
    /// `newsdex map oil --svg oil.svg` draws the countries of the world
    /// shaded by the articles about oil that name them (or a place inside
    /// them), with the most named cities as dots, a title and a legend, and
    /// prints the counts per country. `--json` gives the counts.
    #[command(after_help = QUERY_HELP)]
    Map(MapArgs),

    /// The articles most like one: the same story elsewhere, follow-ups
    Similar(SimilarArgs),

    /// Print one article with every stored field
    Show(ShowArgs),

    /// Print what the index holds: documents, size, date range, top sources
    Stats,

    /// Check that the index is whole: read every file and compare it with
    /// its checksum
    ///
    /// Prints the files that fail, and how to repair them (`newsdex index
    /// --rebuild DIR`); the exit status is then 1. Other commands run this
    /// check by themselves when the index fails them.
    Check,

    /// Serve the index over HTTP: a search page for browsers, a JSON API
    ///
    /// `newsdex serve`, then open http://127.0.0.1:7700/ for the page
    /// (search, facets, timeline, articles with their quotes). Programs use
    /// http://127.0.0.1:7700/api/…, which answers with the JSON the commands
    /// print with --json (described at /api/openapi.json): /api/search?q=oil&facets=speaker,
    /// /api/article/ID, /api/similar/ID, /api/facets/place?drill=Asia,
    /// /api/quotes, /api/timeline, /api/kwic?phrase=oil+prices, /api/stats.
    /// Read-only; only this machine can reach it unless --addr says
    /// otherwise. A re-index while serving is picked up within a second
    /// (restart after `index --rebuild`).
    /// Ctrl-C stops it once the requests in progress are answered.
    Serve(ServeArgs),

    /// Load the index (or the articles matching a query) into Quickwit or
    /// OpenSearch
    ///
    /// `newsdex push --remote quickwit:http://127.0.0.1:7280/news` exports
    /// (as `export --target`), creates the index there when it is missing,
    /// sends the articles in bodies below 10 MB, retrying a busy engine with
    /// growing pauses, and checks the engine's count at the end. Run it
    /// again after an interruption: it resumes with the first body the
    /// engine has not accepted. `opensearch:http://user:pass@host:9200/news`
    /// for OpenSearch or Elasticsearch. Then `newsdex search QUERY --remote
    /// …` searches it. See docs/SCALING.md.
    Push(PushArgs),

    /// Show what newsdex extracts from files, without touching an index
    ///
    /// Title, date, dateline, speakers, quotes and places of each article. With
    /// --json, one JSON object per article per line (NDJSON); offsets are
    /// character offsets into the file's decoded text, end exclusive.
    ///
    /// Each article is read on its own: speakers have the names the article
    /// gives them ("Reagan said" stays Reagan when the article never writes
    /// "Ronald Reagan"). The index goes further: `newsdex index` gives each
    /// speaker one name across the whole corpus (see docs/NAMES.md).
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words the quotes must contain (query syntax as for search); none
    /// lists every quote
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Only quotes of this speaker (a full name or part of one: "Ayrault")
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Quotes to list
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files to read (any extension is read as plain text)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders (or files) to index
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// Threads that read and extract articles, and that index them (at
    /// most 4) [default: number of cores]. With `--threads 1` articles
    /// are written in the same order every run
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Memory for the index writer's buffers, in MB (at least 15 per writer
    /// thread; more means fewer, larger segments) [default: 128]
    #[arg(long, value_name = "MB")]
    pub memory: Option<usize>,

    /// Start from an empty index (after upgrading newsdex, or to drop other folders)
    #[arg(long)]
    pub rebuild: bool,

    /// Stop at the first file or record that cannot be read, and commit
    /// nothing of this run (by default such files are reported and skipped)
    #[arg(long)]
    pub strict: bool,

    /// Stream JSON Lines, CSV and TSV files larger than this many bytes
    /// instead of reading them whole (for tests and tuning)
    #[arg(long, hide = true, value_name = "BYTES")]
    pub stream_above: Option<u64>,

    /// Commit after this many documents (default 50,000; for tests)
    #[arg(long, hide = true, value_name = "N")]
    pub commit_every: Option<u64>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (several words are joined with spaces); see the syntax below
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Hits to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Hits to skip, for the next page
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Order of hits: relevance (BM25), date (newest first) or oldest
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,

    /// Count matches per value: date (by month), date:year, date:day, source,
    /// speaker, place; several separated by commas
    #[arg(long, short = 'f', value_delimiter = ',', value_name = "FIELD")]
    pub facet: Vec<String>,

    /// Values to list per string facet
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub facet_limit: usize,

    /// Snippet length in characters
    #[arg(long, default_value_t = 220, value_name = "N")]
    pub snippet: usize,

    /// List every copy of a story (by default, reprints of one wire story
    /// are one hit, "N similar copies", within the first 1,000 results)
    #[arg(long)]
    pub all_copies: bool,

    /// Search an index loaded with `newsdex push` instead of the local one:
    /// ENGINE:URL/INDEX, e.g. quickwit:http://127.0.0.1:7280/news
    #[arg(long, value_name = "REMOTE", value_parser = parse_remote)]
    pub remote: Option<Remote>,
}

/// Filters every command that takes a query accepts; they combine with the
/// query and with each other.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only articles quoting this speaker (a full name or part of one)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only articles naming this place or a place inside it: "Aleppo",
    /// "Syria" (finds Aleppo too), "Louisiana", "US"
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,

    /// Only articles from this source, as `--facet source` lists it
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// Only articles dated on or after this day, month or year (2016-11-01, 2016-11, 2016)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles dated on or before this day, month or year
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl FilterArgs {
    pub fn filters(&self) -> newsdex::search::filters::Filters {
        newsdex::search::filters::Filters {
            speaker: self.speaker.clone(),
            place: self.place.clone(),
            source: self.source.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// The field to count: place, country, speaker, source, date (date:year, date:day)
    #[arg(value_name = "FIELD")]
    pub field: String,

    /// Count only articles matching this query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// For place: the node to list, as continent/country/region, e.g.
    /// "Asia/Syria"; without it the top level (continents)
    #[arg(long, value_name = "PATH")]
    pub drill: Option<String>,

    /// Values to list
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,

    /// Ask an index loaded with `newsdex push` instead of the local one:
    /// ENGINE:URL/INDEX, e.g. quickwit:http://127.0.0.1:7280/news
    #[arg(long, value_name = "REMOTE", value_parser = parse_remote)]
    pub remote: Option<Remote>,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Period length
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,

    /// A series for each of the top values of this field: speaker, place, country, source
    #[arg(long, value_name = "FIELD")]
    pub split_by: Option<String>,

    /// Series to draw with --split-by
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,

    /// Another query to chart beside this one, with its counts and shares
    /// per period (repeat for more): `timeline Iraq --compare Syria`
    #[arg(long, value_name = "QUERY")]
    pub compare: Vec<String>,

    /// Print CSV (period,count,total,share and one column per series)
    #[arg(long)]
    pub csv: bool,

    /// Also write the chart as an SVG image to this file
    #[arg(long, value_name = "FILE")]
    pub svg: Option<std::path::PathBuf>,

    /// Ask an index loaded with `newsdex push` instead of the local one:
    /// ENGINE:URL/INDEX, e.g. quickwit:http://127.0.0.1:7280/news
    #[arg(long, value_name = "REMOTE", value_parser = parse_remote)]
    pub remote: Option<Remote>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormatArg::Ndjson, conflicts_with = "target")]
    pub format: ExportFormatArg,

    /// Fields to write, in order, separated by commas [default: every shown field]
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FIELD",
        conflicts_with = "target"
    )]
    pub fields: Vec<String>,

    /// Write an index definition and request bodies for this engine into
    /// --out instead of articles to stdout
    #[arg(long, value_enum, requires = "out")]
    pub target: Option<EngineArg>,

    /// The folder to write the --target export into (replaced if it holds
    /// an earlier export)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The engine index the definition is written for
    #[arg(long, default_value = "news", value_name = "NAME")]
    pub index_name: String,

    /// Largest request body, in bytes (for tests)
    #[arg(long, hide = true, default_value_t = newsdex::remote::export::DEFAULT_CHUNK_BYTES)]
    pub chunk_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Quickwit,
    /// OpenSearch or Elasticsearch
    Opensearch,
}

impl EngineArg {
    pub fn engine(self) -> newsdex::remote::Engine {
        match self {
            EngineArg::Quickwit => newsdex::remote::Engine::Quickwit,
            EngineArg::Opensearch => newsdex::remote::Engine::OpenSearch,
        }
    }
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The engine index: ENGINE:URL/INDEX, e.g. quickwit:http://127.0.0.1:7280/news
    #[arg(long, value_name = "REMOTE", value_parser = parse_remote)]
    pub remote: Remote,

    /// Only the articles matching this query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Push this `export --target` folder instead of exporting the index
    #[arg(long, value_name = "DIR", conflicts_with = "query")]
    pub export: Option<PathBuf>,

    /// Add to a Quickwit index that already holds documents this export did
    /// not put there (Quickwit has no document ids: the same articles
    /// pushed twice are stored twice)
    #[arg(long)]
    pub append: bool,

    /// Tries per request before giving up on a busy or unreachable engine
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub tries: u32,

    /// First pause before a retry, in milliseconds; doubled each time, at most 30 s
    #[arg(long, default_value_t = 500, value_name = "MS")]
    pub backoff_ms: u64,

    /// Largest request body, in bytes (for tests)
    #[arg(long, hide = true, default_value_t = newsdex::remote::export::DEFAULT_CHUNK_BYTES)]
    pub chunk_bytes: usize,
}

#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The article id (from search results)
    pub id: String,

    /// Articles to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on; 0.0.0.0:7700 lets other machines in
    /// (anyone who can reach it can read the whole index); port 0 picks a
    /// free one
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "IP:PORT")]
    pub addr: String,

    /// Requests answered at once [default: number of cores, at least 4]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct TermsArgs {
    /// The query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Compare with the articles of this query instead of the rest of the index
    #[arg(long, value_name = "QUERY")]
    pub against: Option<String>,

    /// The text the terms come from: body, title, or quote (what speakers
    /// said, not what reporters wrote)
    #[arg(long, value_enum, default_value_t = TermsFieldArg::Body)]
    pub field: TermsFieldArg,

    /// Terms to show
    #[arg(long, short = 'n', default_value_t = 30, value_name = "N")]
    pub limit: usize,

    /// Articles read from a side at most; a larger side is read as an
    /// evenly spaced sample, and the output says so
    #[arg(long, default_value_t = newsdex::search::terms::DEFAULT_SAMPLE, value_name = "N")]
    pub sample: usize,

    /// Print CSV (term,words,g2,foreground,foreground_share,background,background_share)
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// What to profile
    #[arg(value_enum)]
    pub kind: ProfileKindArg,

    /// The speaker's or place's name, or part of it ("Blair", "Syria")
    pub name: String,

    /// Narrow every figure to the articles of this query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Period of the timeline
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,

    /// Values in each list
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Articles whose text is read, at most: for the terms, and for a
    /// speaker's quotes and roles (the quote count of more is estimated
    /// from them, and said)
    #[arg(long, default_value_t = newsdex::search::profile::PROFILE_SAMPLE, value_name = "N")]
    pub sample: usize,
}

#[derive(Debug, Args)]
pub struct NetworkArgs {
    /// The query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// What the nodes are
    #[arg(long, value_enum, default_value_t = NodesArg::Speaker)]
    pub nodes: NodesArg,

    /// The file format written to standard output
    #[arg(long, value_enum, default_value_t = GraphFormatArg::Gexf)]
    pub format: GraphFormatArg,

    /// Nodes kept: those with the most articles
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub top: usize,

    /// Leave out edges of fewer articles in common
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_weight: u64,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// The query [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Write the map as an SVG image to this file
    #[arg(long, value_name = "FILE")]
    pub svg: Option<std::path::PathBuf>,

    /// Cities drawn as dots: the most named
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub cities: usize,

    /// Countries listed (the map shades every one)
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NodesArg {
    Speaker,
    Place,
    #[value(name = "speaker+place")]
    SpeakerAndPlace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormatArg {
    Gexf,
    Graphml,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileKindArg {
    Speaker,
    Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermsFieldArg {
    Body,
    Title,
    Quote,
}

#[derive(Debug, Args)]
pub struct KwicArgs {
    /// The word or phrase (several words are a phrase)
    #[arg(required = true, value_name = "PHRASE")]
    pub phrase: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Characters of context on each side
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub width: usize,

    /// Order of lines: as they appear, by the words left of the match, or right of it
    #[arg(long, value_enum, default_value_t = KwicSortArg::Appearance)]
    pub sort: KwicSortArg,

    /// Lines to show
    #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KwicSortArg {
    Appearance,
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Ndjson,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Date,
    Oldest,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (from search results)
    pub id: String,
}

/// `--remote ENGINE:URL/INDEX`, checked while arguments are read so that a
/// bad one is a usage error (exit 2) like any other.
fn parse_remote(text: &str) -> Result<Remote, String> {
    Remote::parse(text).map_err(|e| e.to_string())
}
