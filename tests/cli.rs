//! End-to-end tests: they drive the real `newsdex` binary on the bundled
//! corpus/ and on small folders written by each test.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A fresh index folder and helpers to run newsdex against it.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: TempDir::new().unwrap(),
        }
    }

    fn index_path(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `newsdex --index <tmp>/index ARGS…`
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("newsdex").unwrap();
        cmd.env_remove("NEWSDEX_INDEX")
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(self.index_path())
            .args(args);
        cmd
    }

    /// Runs a command expected to succeed; returns its stdout as text.
    fn stdout_of(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// Runs a command expected to exit with `code`; returns its stderr.
    fn stderr_of(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).assert().code(code).get_output().clone();
        String::from_utf8(out.stderr).unwrap()
    }

    /// Runs a command expected to succeed and parses its JSON output.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self
            .cmd(&all)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).expect("valid JSON")
    }

    /// Indexes a folder where some input fails (exit status 3); returns
    /// the JSON summary and what was reported on stderr.
    fn index_with_failures(&self, dir: &Path) -> (Value, String) {
        let out = self
            .cmd(&["index", dir.to_str().unwrap(), "--json"])
            .assert()
            .code(3)
            .get_output()
            .clone();
        let summary = serde_json::from_slice(&out.stdout).expect("JSON summary");
        (summary, String::from_utf8(out.stderr).unwrap())
    }

    fn index(&self, dir: &Path) -> Value {
        self.json(&["index", dir.to_str().unwrap()])
    }

    fn search(&self, query: &str, extra: &[&str]) -> Value {
        let mut args = vec!["search", query];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    /// A folder of articles inside the temp dir.
    fn articles(&self, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
        let root = self.dir.path().join(name);
        for (path, bytes) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        root
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn corpus_env() -> Env {
    let env = Env::new();
    let summary = env.index(&corpus());
    assert_eq!(summary["failed"], 0);
    env
}

fn total(result: &Value) -> u64 {
    result["total"].as_u64().unwrap()
}

fn hit_paths(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect()
}

fn shared() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if path.join("corpora").is_dir() {
        Some(path)
    } else {
        eprintln!("SKIPPED: ../shared/corpora is absent, so this test checks nothing");
        None
    }
}

#[test]
fn distinctive_phrase_finds_its_article_first() {
    let env = corpus_env();
    let result = env.search("\"laurel soap\"", &[]);
    assert_eq!(total(&result), 1);
    assert!(hit_paths(&result)[0].ends_with("world/aleppo-market-reopens.txt"));
    let hit = &result["hits"][0];
    assert_eq!(
        hit["title"],
        "Traders return as restored covered market reopens in Aleppo"
    );
    assert_eq!(hit["date"], "2018-04-12");
    assert_eq!(hit["source"], "AFP");
    assert_eq!(hit["id"].as_str().unwrap().len(), 16);
}

#[test]
fn snippet_highlights_the_matched_words() {
    let env = corpus_env();
    let result = env.search("reservoirs", &[]);
    let hit = &result["hits"][0];
    let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
    let spans = hit["highlights"].as_array().unwrap();
    assert!(!spans.is_empty());
    for span in spans {
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let word: String = snippet[a..b].iter().collect();
        assert!(word.to_lowercase().starts_with("reservoir"), "{word:?}");
    }
}

#[test]
fn terminal_output_colours_matches_only_when_asked() {
    let env = corpus_env();
    let plain = env.stdout_of(&["search", "reservoirs"]);
    assert!(!plain.contains('\x1b'));
    let coloured = env.stdout_of(&["search", "reservoirs", "--color", "always"]);
    assert!(coloured.contains("\x1b[1;31mreservoirs\x1b[0m"));
}

#[test]
fn phrase_matches_no_more_than_its_words() {
    let env = corpus_env();
    let phrase = total(&env.search("\"chemical weapons\"", &[]));
    let words = total(&env.search("chemical weapons", &[]));
    let either = total(&env.search("chemical OR weapons", &[]));
    assert!(phrase >= 1);
    assert!(
        phrase <= words && words <= either,
        "{phrase} {words} {either}"
    );
}

#[test]
fn phrases_keep_their_stop_words() {
    let env = corpus_env();
    let result = env.search("\"ministers of defense\"", &[]);
    assert_eq!(total(&result), 1);
    assert!(hit_paths(&result)[0].ends_with("brussels-defence-transport-fleet.txt"));
    assert_eq!(total(&env.search("\"ministers defense\"", &[])), 0);
}

#[test]
fn prefix_queries_match_every_word_form() {
    let env = corpus_env();
    let prefix = total(&env.search("presiden*", &[]));
    let forms = total(&env.search("president OR presidential OR presidency", &[]));
    assert!(forms >= 2);
    assert_eq!(prefix, forms);
}

#[test]
fn date_range_filters_by_stated_date() {
    let env = corpus_env();
    let all = env.search("*", &["--limit", "100"]);
    let dates: Vec<String> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str().map(str::to_string))
        .collect();
    let in_range = |d: &String| d.as_str() >= "2016-01-01" && d.as_str() <= "2018-12-31";
    let expected = dates.iter().filter(|d| in_range(d)).count() as u64;
    assert!(expected >= 2);

    let ranged = env.search("date:[2016-01-01 TO 2018-12-31]", &["--limit", "100"]);
    assert_eq!(total(&ranged), expected);
    for hit in ranged["hits"].as_array().unwrap() {
        assert!(in_range(&hit["date"].as_str().unwrap().to_string()));
    }
    // The same with years and months as bounds.
    assert_eq!(total(&env.search("date:[2016 TO 2018]", &[])), expected);
    assert_eq!(
        total(&env.search("date:[2016-01 TO 2018-12]", &[])),
        expected
    );
}

#[test]
fn equal_scores_and_dates_are_ordered_by_id_so_pages_never_overlap() {
    let env = corpus_env();
    let ids = |result: &Value| -> Vec<String> {
        result["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    // Every article of `*` scores the same: smaller ids first (copies
    // of a story folded into their first), in any order of indexing.
    let all = ids(&env.search("*", &["--limit", "12", "--all-copies"]));
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    let page = ids(&env.search("*", &["--limit", "4", "--offset", "4", "--all-copies"]));
    assert_eq!(page, all[4..8]);
    // Same day: smaller id first.
    let by_date = env.search("*", &["--sort", "oldest", "--limit", "30", "--all-copies"]);
    let hits = by_date["hits"].as_array().unwrap();
    for pair in hits.windows(2) {
        if pair[0]["date"] == pair[1]["date"] && !pair[0]["date"].is_null() {
            assert!(pair[0]["id"].as_str() < pair[1]["id"].as_str(), "{pair:?}");
        }
    }
}

#[test]
fn terms_rank_what_sets_the_foreground_apart() {
    // Four articles about airships, six others; every one of them says
    // "report" and "weather", only the airship ones "zeppelin" and "hangar".
    let env = Env::new();
    let corpus = env.dir.path().join("articles");
    for i in 0..10 {
        let folder = corpus.join(if i < 4 { "airships" } else { "other" });
        std::fs::create_dir_all(&folder).unwrap();
        // Distinct stories (copies of one story would be read once).
        let filler = [
            "Farmers counted sheep in the northern valleys before dawn.",
            "A choir rehearsed madrigals while the bakery sold rye loaves.",
            "Students debated tariffs, pensions and bicycle lanes at length.",
            "The museum lent two tapestries to a gallery across the river.",
            "Volunteers painted the library benches a cheerful green.",
            "Engineers inspected the viaduct and found rust on one girder.",
            "A chess club welcomed grandmasters for a weekend of blitz.",
            "Orchards reported early blossom after an unusually mild March.",
            "The council voted to extend tram services past midnight.",
            "Divers recovered an anchor thought to date from the 1700s.",
        ][i];
        let body = if i < 4 {
            format!(
                "Story {i}\n\nThe weather report said the zeppelin left its hangar at 2016 \
                 hours. {filler}"
            )
        } else {
            format!("Story {i}\n\nThe weather report said the harbour was calm. {filler}")
        };
        std::fs::write(folder.join(format!("{i}.txt")), body).unwrap();
    }
    env.cmd(&["index", corpus.to_str().unwrap()])
        .assert()
        .success();
    let result = env.json(&["terms", "path:/.*airships.*/"]);
    assert_eq!(result["foreground"]["articles"], 4);
    assert_eq!(result["background"]["articles"], 6);
    let terms: Vec<&str> = result["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    // In every foreground article and no other: first (ties by name), and
    // a phrase of them ("left its hangar") says nothing more.
    assert_eq!(
        terms[..4],
        ["hangar", "hours", "left", "zeppelin"],
        "{terms:?}"
    );
    assert!(!terms.contains(&"left its hangar"), "{terms:?}");
    // As common on both sides: not over-represented, not listed; numbers
    // and stop words never.
    for absent in ["weather", "report", "2016", "the", "said weather"] {
        assert!(!terms.contains(&absent), "{absent}: {terms:?}");
    }
    let first = &result["terms"][0];
    assert_eq!(first["foreground"], 4);
    assert_eq!(first["background"], 0);
    assert!(first["g2"].as_f64().unwrap() > 10.0);
    // Against another query's articles; and as CSV.
    let against = env.json(&[
        "terms",
        "path:/.*other.*/",
        "--against",
        "path:/.*airships.*/",
    ]);
    let terms: Vec<&str> = against["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(
        terms.contains(&"harbour") && !terms.contains(&"zeppelin"),
        "{terms:?}"
    );
    let csv = env.stdout_of(&["terms", "path:/.*airships.*/", "--csv", "-n", "1"]);
    assert!(
        csv.starts_with(
            "term,words,g2,foreground,foreground_share,background,background_share\n\"hangar\",1,"
        ),
        "{csv}"
    );
    // Every article against nothing: said, with exit status 2.
    let stderr = env.stderr_of(&["terms"], 2);
    assert!(stderr.contains("--against"), "{stderr}");
}

#[test]
fn listed_terms_are_counted_exactly_when_the_background_is_a_sample() {
    // Six articles about a regatta's harbour pilot; forty others, where
    // pilots and harbours are common apart and five name a harbour pilot.
    let env = Env::new();
    let corpus = env.dir.path().join("articles");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut lines = Vec::new();
    for i in 0..46 {
        let mut text = String::from("The weather report was fair.");
        if i < 6 {
            text.push_str(" The regatta crews rigged spinnakers near the harbour pilot.");
        } else {
            text.push_str(" Farmers sold turnips.");
            if i % 3 == 0 {
                text.push_str(" A pilot landed the plane.");
            }
            if i % 3 == 1 {
                text.push_str(" The harbour was calm.");
            }
            if i % 8 == 0 {
                text.push_str(" Then a harbour pilot waved.");
            }
        }
        let title = if i < 6 { "Sailing" } else { "Farming" };
        lines.push(serde_json::json!({
            "id": format!("a{i}"), "title": format!("{title}, story {i}"), "text": text,
        }));
    }
    let jsonl: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(corpus.join("news.jsonl"), jsonl.join("\n")).unwrap();
    env.cmd(&["index", corpus.to_str().unwrap()])
        .assert()
        .success();
    let exact = env.json(&["terms", "title:sailing", "--sample", "1000"]);
    // The background's text is read from 4 of its 40 articles: phrases are
    // estimated from them, and whatever is listed is then counted.
    let sampled = env.json(&["terms", "title:sailing", "--sample", "6"]);
    assert_eq!(sampled["foreground"]["read"], 6);
    assert_eq!(sampled["background"]["articles"], 40);
    let listed = |result: &Value| -> Vec<(String, u64, u64)> {
        result["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["term"].as_str().unwrap().to_string(),
                    t["foreground"].as_u64().unwrap(),
                    t["background"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (exact, sampled) = (listed(&exact), listed(&sampled));
    assert_eq!(sampled, exact);
    let pilot = exact.iter().find(|t| t.0 == "harbour pilot").unwrap();
    assert_eq!((pilot.1, pilot.2), (6, 5), "{exact:?}");
    assert!(exact.iter().any(|t| t.0 == "spinnakers"), "{exact:?}");
}

#[test]
fn a_profile_past_its_sample_estimates_quotes_and_says_so() {
    // Six dated articles each quoting the mayor twice.
    let env = Env::new();
    let corpus = env.dir.path().join("articles");
    std::fs::create_dir_all(&corpus).unwrap();
    let lines: Vec<String> = (1..=6)
        .map(|day| {
            serde_json::json!({
                "id": format!("m{day}"),
                "title": format!("Bridge works, day {day}"),
                "date": format!("2021-03-0{day}"),
                "text": format!(
                    "\"We will finish the bridge by {},\" said Greta Lindqvist, the mayor \
                     of Uppsala, on day {day}. Greta Lindqvist added: \"The ferry stays until \
                     {}.\"",
                    ["May", "June", "July", "August", "autumn", "winter"][day - 1],
                    ["then", "spring", "summer", "the opening", "the end", "later"][day - 1],
                ),
            })
            .to_string()
        })
        .collect();
    let mut lines = lines;
    // And four where the ferry's operator speaks.
    lines.extend((1..=4).map(|day| {
        serde_json::json!({
            "id": format!("f{day}"),
            "title": format!("Ferry fares, day {day}"),
            "date": format!("2021-04-0{day}"),
            "text": "\"Tickets will cost more next year,\" said Per Holm, who runs the ferry.",
        })
        .to_string()
    }));
    std::fs::write(corpus.join("news.jsonl"), lines.join("\n")).unwrap();
    env.cmd(&["index", corpus.to_str().unwrap()])
        .assert()
        .success();
    let whole = env.json(&["profile", "speaker", "Lindqvist"]);
    assert_eq!(whole["resolved"], "Greta Lindqvist");
    assert_eq!(whole["articles"], 6);
    assert_eq!(whole["quotes"], 12);
    assert_eq!(whole["quotes_read"], 6);
    let sampled = env.json(&["profile", "speaker", "Lindqvist", "--sample", "2"]);
    assert_eq!(sampled["quotes_read"], 2);
    // Her terms from two of her articles, set against the rest (Holm's).
    assert_eq!(sampled["terms_read"], 2);
    let terms: Vec<&str> = sampled["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"bridge"), "{terms:?}");
    assert!(!terms.contains(&"Tickets"), "{terms:?}");
    // Two articles read of six, four quotes counted: about twelve.
    assert_eq!(sampled["quotes"], 12);
    // The latest quotes are still the newest, not the sample's.
    assert_eq!(sampled["latest_quotes"][0]["date"], "2021-03-06");
    assert_eq!(sampled["latest_quotes"], whole["latest_quotes"]);
    let text = env.stdout_of(&["profile", "speaker", "Lindqvist", "--sample", "2"]);
    assert!(
        text.contains("about 12 quotes (counted in a sample of 2 articles)"),
        "{text}"
    );
}

#[test]
fn a_profile_counts_what_the_equivalent_searches_count() {
    let env = corpus_env();
    let profile = env.json(&["profile", "speaker", "Vandamme", "-n", "50"]);
    let name = profile["resolved"].as_str().unwrap();
    assert_eq!(name, "Luc Vandamme");
    let articles = env.search(
        "*",
        &[
            "--speaker",
            name,
            "--facet",
            "speaker",
            "--facet-limit",
            "50",
        ],
    );
    assert_eq!(profile["articles"], articles["total"]);
    let quotes = env.json(&["quotes", "--speaker", name, "-n", "1000"]);
    assert_eq!(
        profile["quotes"].as_u64().unwrap(),
        quotes["quotes"].as_array().unwrap().len() as u64
    );
    assert!(profile["quotes"].as_u64().unwrap() > 0);
    // Quoted beside him: the search's speaker facet, less himself.
    let beside: Vec<Value> = articles["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["value"] != name)
        .cloned()
        .collect();
    assert_eq!(profile["speakers"].as_array().unwrap(), &beside);
    assert!(!profile["latest_quotes"].as_array().unwrap().is_empty());

    let place = env.json(&["profile", "place", "Croatia"]);
    assert_eq!(place["resolved"], "Croatia");
    let articles = env.search("*", &["--place", "Croatia", "--facet", "speaker"]);
    assert_eq!(place["articles"], articles["total"]);
    assert_eq!(place["speakers"], articles["facets"]["speaker"]);
    // The places inside Croatia, not the country itself.
    for inside in place["places"].as_array().unwrap() {
        assert!(
            inside["value"].as_str().unwrap().ends_with(", Croatia"),
            "{inside}"
        );
    }
}

/// The elements named `name` in an XML document (checked to be well formed).
fn xml_elements(xml: &str, name: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => return found,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.name().as_ref() == name.as_bytes() =>
            {
                found += 1
            }
            _ => {}
        }
    }
}

#[test]
fn a_network_counts_articles_as_searches_do_and_graph_tools_read_it() {
    let env = corpus_env();
    let network = env.json(&["network", "--nodes", "speaker+place", "--top", "25"]);
    let nodes = network["nodes"].as_array().unwrap();
    let edges = network["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), 25);
    assert!(!edges.is_empty());
    // A node's size is its facet count; an edge's weight the articles
    // naming both.
    let field = |node: &Value| {
        if node["kind"] == "speaker" {
            "speaker"
        } else {
            "place"
        }
    };
    for node in nodes.iter().take(5) {
        let label = node["label"].as_str().unwrap();
        let found = env.search(&format!("{}:\"{label}\"", field(node)), &["-n", "0"]);
        assert!(
            node["articles"].as_u64().unwrap() <= total(&found),
            "{node}"
        );
    }
    let speakers = env.search(
        "*",
        &["--facet", "speaker", "--facet-limit", "100", "-n", "0"],
    );
    for node in nodes.iter().filter(|n| n["kind"] == "speaker") {
        let count = speakers["facets"]["speaker"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["value"] == node["label"])
            .map(|c| c["count"].clone());
        assert_eq!(count, Some(node["articles"].clone()), "{node}");
    }
    let sizes: Vec<u64> = nodes
        .iter()
        .map(|n| n["articles"].as_u64().unwrap())
        .collect();
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {sizes:?}"
    );

    let gexf = env.stdout_of(&["network", "--nodes", "speaker+place", "--top", "25"]);
    assert_eq!(xml_elements(&gexf, "node"), 25);
    assert_eq!(xml_elements(&gexf, "edge"), edges.len());
    let graphml = env.stdout_of(&[
        "network",
        "--nodes",
        "speaker+place",
        "--top",
        "25",
        "--format",
        "graphml",
    ]);
    assert_eq!(xml_elements(&graphml, "node"), 25);
    assert_eq!(xml_elements(&graphml, "edge"), edges.len());
    let csv = env.stdout_of(&["network", "--top", "25", "--format", "csv"]);
    assert!(csv.starts_with("source,source_kind,target,target_kind,weight\n"));

    // networkx reads both files, when it is installed.
    let dir = env.dir.path();
    std::fs::write(dir.join("g.gexf"), &gexf).unwrap();
    std::fs::write(dir.join("g.graphml"), &graphml).unwrap();
    let script = format!(
        "import networkx as nx\n\
         for g in (nx.read_gexf({:?}), nx.read_graphml({:?})):\n\
         \x20   print(g.number_of_nodes(), g.number_of_edges())\n",
        dir.join("g.gexf"),
        dir.join("g.graphml")
    );
    match std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
    {
        Ok(out) if out.status.success() => {
            let expected = format!("25 {}\n25 {}\n", edges.len(), edges.len());
            assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
        }
        Ok(out) => eprintln!(
            "networkx could not be run (the files were checked as XML): {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => eprintln!("no python3 ({e}): the files were checked as XML"),
    }
}

#[test]
fn compared_queries_are_each_their_own_timeline_side_by_side() {
    let env = corpus_env();
    let compared = env.json(&["timeline", "minister", "--compare", "water", "--by", "year"]);
    assert_eq!(compared["compared"], true);
    let series = compared["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["value"], "minister");
    let periods = compared["periods"].as_array().unwrap();
    // Each series is what that query's own timeline counts, over the
    // periods either of them has.
    for (s, query) in series.iter().zip(["minister", "water"]) {
        let alone = env.json(&["timeline", query, "--by", "year"]);
        for (i, period) in periods.iter().enumerate() {
            let own = alone["periods"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["period"] == period["period"]);
            let count = own.map_or(0, |p| p["count"].as_u64().unwrap());
            assert_eq!(s["counts"][i].as_u64().unwrap(), count, "{query} {period}");
            let total = period["total"].as_u64().unwrap();
            let share = s["shares"][i].as_f64().unwrap();
            if total > 0 {
                assert!((share - count as f64 / total as f64).abs() < 1e-9);
            }
        }
    }
    let csv = env.stdout_of(&["timeline", "minister", "--compare", "water", "--csv"]);
    assert!(
        csv.starts_with(
            "period,count,total,share,\"minister\",\"minister share\",\"water\",\"water share\"\n"
        ),
        "{csv}"
    );
    let both = env.stderr_of(
        &[
            "timeline",
            "minister",
            "--compare",
            "water",
            "--split-by",
            "place",
        ],
        2,
    );
    assert!(both.contains("not both"), "{both}");
}

#[test]
fn a_map_shades_the_country_facet_and_is_an_svg() {
    let env = corpus_env();
    let map = env.json(&["map", "minister OR water"]);
    let facet = env.search(
        "minister OR water",
        &["--facet", "country", "--facet-limit", "1000", "-n", "0"],
    );
    assert_eq!(map["countries"], facet["facets"]["country"]);
    assert_eq!(map["articles"], facet["total"]);
    for city in map["cities"].as_array().unwrap() {
        assert!(city["lat"].as_f64().unwrap().abs() <= 90.0, "{city}");
    }
    let svg = env.dir.path().join("map.svg");
    let text = env.stdout_of(&["map", "minister OR water", "--svg", svg.to_str().unwrap()]);
    assert!(text.contains("map written to"), "{text}");
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.starts_with("<svg") && drawn.trim_end().ends_with("</svg>"));
    assert_eq!(xml_elements(&drawn, "svg"), 1);
    let first = map["countries"][0]["value"].as_str().unwrap();
    assert!(drawn.contains(&format!("<title>{first}: ")), "{first}");
}

#[test]
fn facet_counts_equal_the_matching_documents() {
    let env = corpus_env();
    let result = env.search("said", &["--facet", "source,date:year", "--limit", "1"]);
    let sources = result["facets"]["source"].as_array().unwrap();
    assert!(sources.len() >= 2);
    for entry in sources {
        let value = entry["value"].as_str().unwrap();
        let narrowed = env.search(&format!("said AND source:\"{value}\""), &[]);
        assert_eq!(
            entry["count"].as_u64().unwrap(),
            total(&narrowed),
            "{value}"
        );
    }
    let years = result["facets"]["date:year"].as_array().unwrap();
    let dated: u64 = years.iter().map(|e| e["count"].as_u64().unwrap()).sum();
    for entry in years {
        let year = entry["value"].as_str().unwrap();
        let narrowed = env.search(&format!("said AND date:{year}"), &[]);
        assert_eq!(entry["count"].as_u64().unwrap(), total(&narrowed), "{year}");
    }
    assert_eq!(dated, total(&env.search("said AND date:[* TO *]", &[])));
}

#[test]
fn sorting_by_date_puts_newest_first_and_undated_last() {
    let env = corpus_env();
    let result = env.search("*", &["--sort", "date", "--limit", "100"]);
    let dates: Vec<Option<&str>> = result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str())
        .collect();
    let dated: Vec<&str> = dates.iter().map_while(|d| *d).collect();
    assert!(dated.len() >= 5);
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dated:?}");
    assert!(
        dates[dated.len()..].iter().all(Option::is_none),
        "{dates:?}"
    );
}

#[test]
fn pages_follow_on_from_each_other() {
    let env = corpus_env();
    let all = hit_paths(&env.search("said", &["--limit", "6"]));
    let first = hit_paths(&env.search("said", &["--limit", "3"]));
    let second = hit_paths(&env.search("said", &["--limit", "3", "--offset", "3"]));
    assert_eq!([first, second].concat(), all);
}

#[test]
fn incremental_reindex_counts_exactly() {
    let env = Env::new();
    let root = env.articles(
        "news",
        &[
            ("a.txt", b"Alpha headline here\n\nAlpha body about rivers."),
            ("b.txt", b"Beta headline here\n\nBeta body about mountains."),
            (
                "sub/c.txt",
                b"Gamma headline here\n\nGamma body about deserts.",
            ),
        ],
    );
    let first = env.index(&root);
    assert_eq!(
        (first["added"].as_u64(), first["documents"].as_u64()),
        (Some(3), Some(3))
    );

    let again = env.index(&root);
    assert_eq!(again["unchanged"], 3);
    assert_eq!(again["added"], 0);

    fs::write(
        root.join("a.txt"),
        "Alpha headline here\n\nAlpha body about oceans now.",
    )
    .unwrap();
    fs::remove_file(root.join("b.txt")).unwrap();
    fs::write(
        root.join("sub/d.txt"),
        "Delta headline here\n\nDelta body about forests.",
    )
    .unwrap();
    let changed = env.index(&root);
    for (key, expected) in [
        ("added", 1),
        ("updated", 1),
        ("unchanged", 1),
        ("removed", 1),
        ("failed", 0),
        ("documents", 3),
    ] {
        assert_eq!(changed[key], expected, "{key} in {changed}");
    }
    assert_eq!(total(&env.search("oceans", &[])), 1);
    assert_eq!(total(&env.search("rivers", &[])), 0);
    assert_eq!(total(&env.search("mountains", &[])), 0);
    assert_eq!(total(&env.search("forests", &[])), 1);
}

#[test]
fn the_same_file_keeps_its_id_across_rebuilds() {
    let env = Env::new();
    let root = env.articles("news", &[("a.txt", b"Alpha headline here\n\nAlpha body.")]);
    env.index(&root);
    let before = env.search("alpha", &[])["hits"][0]["id"].clone();
    env.cmd(&["index", "--rebuild", root.to_str().unwrap()])
        .assert()
        .success();
    let after = env.search("alpha", &[])["hits"][0]["id"].clone();
    assert_eq!(before, after);
}

#[test]
fn binary_file_is_reported_and_the_rest_indexed() {
    let env = Env::new();
    let root = env.articles(
        "mixed",
        &[
            (
                "good.txt",
                b"Good headline here\n\nA readable article about harbours.",
            ),
            ("bad.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary junk"),
        ],
    );
    let (summary, stderr) = env.index_with_failures(&root);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert_eq!(summary["failed"], 1);
    assert_eq!(summary["added"], 1);
    assert_eq!(summary["documents"], 1);
    assert!(
        summary["failures"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("bad.txt")
    );
    assert_eq!(total(&env.search("harbours", &[])), 1);
}

#[test]
fn windows_1252_text_is_decoded() {
    let env = Env::new();
    let root = env.articles(
        "latin",
        &[(
            "cafe.txt",
            b"Caf\xe9 owners protest\n\n\x93We are closing,\x94 said the owner of the caf\xe9.",
        )],
    );
    env.index(&root);
    let result = env.search("café", &[]);
    assert_eq!(total(&result), 1);
    assert_eq!(result["hits"][0]["title"], "Café owners protest");
    assert!(
        result["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("“We are closing,”")
    );
}

#[test]
fn query_syntax_error_exits_2_and_points_at_it() {
    let env = corpus_env();
    let stderr = env.stderr_of(&["search", "title:(aleppo"], 2);
    assert!(stderr.contains("invalid query"), "{stderr}");
    assert!(stderr.contains('^'), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let stderr = env.stderr_of(&["search", "colour:red"], 2);
    assert!(stderr.contains("unknown field `colour`"), "{stderr}");
    let stderr = env.stderr_of(&["search", "x", "--facet", "body"], 2);
    assert!(stderr.contains("unknown facet `body`"), "{stderr}");
}

#[test]
fn missing_index_says_how_to_make_one() {
    let env = Env::new();
    let stderr = env.stderr_of(&["search", "anything"], 1);
    assert!(
        stderr.contains("no newsdex index") && stderr.contains("newsdex index"),
        "{stderr}"
    );
}

#[test]
fn index_location_comes_from_the_environment() {
    let env = Env::new();
    let root = env.articles("news", &[("a.txt", b"Alpha headline here\n\nAlpha body.")]);
    let mut cmd = Command::cargo_bin("newsdex").unwrap();
    cmd.env("NEWSDEX_INDEX", env.index_path())
        .args(["index", root.to_str().unwrap()])
        .assert()
        .success();
    assert!(env.index_path().join("meta.json").is_file());
    assert_eq!(env.json(&["stats"])["documents"], 1);
}

#[test]
fn show_prints_every_stored_field() {
    let env = corpus_env();
    let result = env.search("\"laurel soap\"", &[]);
    let id = result["hits"][0]["id"].as_str().unwrap();
    let article = env.json(&["show", id]);
    assert_eq!(article["id"], id);
    assert_eq!(article["dateline"], "ALEPPO, April 12, 2018 (AFP)");
    assert!(article["body"].as_str().unwrap().contains("laurel soap"));
    assert!(article["word_count"].as_u64().unwrap() > 100);
    let speakers = article["speaker"].as_array().unwrap();
    assert!(
        speakers.contains(&Value::from("Khaled Haddad")),
        "{speakers:?}"
    );
    assert!(
        article.get("content_hash").is_none(),
        "internal fields stay hidden"
    );

    let text = env.stdout_of(&["show", id]);
    assert!(text.contains("title") && text.contains("laurel soap"));
    env.cmd(&["show", "0000000000000000"]).assert().code(1);
}

#[test]
fn facets_read_the_global_ordinals_an_index_run_writes() {
    let env = corpus_env();
    let file = env.index_path().join("newsdex-ordinals-speaker.bin");
    assert!(
        file.is_file(),
        "indexing writes the speaker facet's ordinals"
    );
    let facets = ["search", "*", "-n", "0", "--facet", "speaker,place,country"];
    let with = env.json(&facets);
    fs::remove_file(&file).unwrap();
    // Without the file, segments are merged by text: the same counts.
    assert_eq!(env.json(&facets), with);
    // A run that changes nothing writes it again when it is missing.
    env.index(&corpus());
    assert!(file.is_file());
    assert_eq!(env.json(&facets), with);
}

#[test]
fn stats_reports_documents_dates_and_sources() {
    let env = corpus_env();
    let stats = env.json(&["stats"]);
    let files = walk_txt(&corpus());
    assert_eq!(stats["documents"], files as u64);
    assert!(stats["index_bytes"].as_u64().unwrap() > 0);
    assert!(stats["date_min"].as_str().unwrap() < stats["date_max"].as_str().unwrap());
    assert_eq!(stats["top_sources"][0]["value"], "Reuters");
}

fn walk_txt(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                walk_txt(&p)
            } else {
                usize::from(p.extension().is_some_and(|e| e == "txt"))
            }
        })
        .sum()
}

#[test]
fn seed_article_has_no_title_date_or_dateline() {
    let Some(shared) = shared() else { return };
    let env = Env::new();
    env.index(&shared.join("seed"));
    let result = env.search("Ayrault", &[]);
    assert_eq!(total(&result), 1);
    let hit = &result["hits"][0];
    assert_eq!(
        hit["title"],
        Value::Null,
        "the seed opens with a sentence, not a headline"
    );
    assert_eq!(
        hit["date"],
        Value::Null,
        "\"on Wednesday\" has no anchor: no date"
    );
    assert_eq!(hit["dateline"], Value::Null);
    assert_eq!(total(&env.search("\"total war\"", &[])), 1);
    assert_eq!(
        total(&env.search("\"security council\" AND aleppo", &[])),
        1
    );
}

#[test]
fn bbc_headlines_and_the_latin1_byte() {
    let Some(shared) = shared() else { return };
    let env = Env::new();
    let summary = env.index(&shared.join("corpora/bbc/sport"));
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["added"], summary["documents"]);
    let article = env.json(&[
        "show",
        &id_of(&env, &shared.join("corpora/bbc/sport/199.txt")),
    ]);
    assert!(article["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(
        article["body"].as_str().unwrap().contains('£'),
        "the Latin-1 byte 0xA3 is a pound sign"
    );
    // Line 1 of every BBC file is its headline.
    let all = env.search("*", &["--limit", "1000"]);
    let untitled: Vec<&Value> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["title"].is_null())
        .map(|h| &h["path"])
        .collect();
    assert!(untitled.is_empty(), "no title found for {untitled:?}");
}

/// The id newsdex gives the article at `path`, found through search by path.
fn id_of(env: &Env, path: &Path) -> String {
    let canonical = fs::canonicalize(path).unwrap();
    let query = format!("path:\"{}\"", canonical.display());
    env.search(&query, &[])["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_run_killed_halfway_leaves_the_previous_index_readable() {
    let env = Env::new();
    let first = env.articles("first", &[("a.txt", b"Alpha headline here\n\nAlpha body.")]);
    env.index(&first);

    let big = env.dir.path().join("big");
    fs::create_dir_all(&big).unwrap();
    for i in 0..3000 {
        let text = format!("Story number {i} here\n\nBody of story {i} about harbours and rivers.");
        fs::write(big.join(format!("{i:05}.txt")), text).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .arg("--index")
        .arg(env.index_path())
        .arg("index")
        .arg(&big)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();

    // Whenever the kill landed, the index holds one complete commit: the
    // old one, or (if the run had already finished) the new one.
    let documents = env.json(&["stats"])["documents"].as_u64().unwrap();
    assert!(documents == 1 || documents == 3001, "{documents}");
    assert_eq!(total(&env.search("alpha", &[])), 1);
    // And the next run picks up where it should, with the lock released.
    let summary = env.index(&big);
    assert_eq!(summary["documents"], 3001);
}

#[test]
fn a_streamed_file_cut_short_by_a_kill_after_a_commit_is_read_again_in_full() {
    let env = Env::new();
    let root = env.dir.path().join("stream");
    fs::create_dir_all(&root).unwrap();
    let records: String = (0..6000)
        .map(|i| {
            format!(
                "{{\"id\": \"r{i}\", \"title\": \"Report {i}\", \"text\": \"Ferry crossing number {i} ran late.\"}}\n"
            )
        })
        .collect();
    fs::write(root.join("ferries.jsonl"), records).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .arg("--index")
        .arg(env.index_path())
        .args(["index", "--stream-above", "1000", "--commit-every", "300"])
        .arg(&root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a commit holds part of the file (or when it has ended).
    let meta = env.index_path().join("meta.json");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        let partial = fs::read_to_string(&meta).is_ok_and(|m| m.contains("ferries.jsonl"));
        if partial || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().ok();
    child.wait().unwrap();
    // The next run reads the file again, replacing the part it had.
    let summary = env.index(&root);
    assert_eq!(summary["documents"], 6000, "{summary}");
    assert_eq!(total(&env.search("ferry", &[])), 6000);
    assert_eq!(total(&env.search("\"number 4321\"", &[])), 1);
}

/// The seed article's file in ../shared/seed.
fn seed_file(shared: &Path) -> PathBuf {
    fs::read_dir(shared.join("seed"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a .txt seed article")
}

/// Runs `newsdex extract --json` on files and parses each NDJSON line.
fn extract_json(files: &[&Path]) -> Vec<Value> {
    let mut cmd = Command::cargo_bin("newsdex").unwrap();
    cmd.args(["extract", "--json"]).args(files);
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The text of a `[start, end)` character span.
fn chars_of(text: &str, start: &Value, end: &Value) -> String {
    let (a, b) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(a).take(b - a).collect()
}

#[test]
fn extract_reports_quotes_with_character_offsets_into_the_file() {
    let env = Env::new();
    let text = "Café owners protest\n\n“Prices are too high,” said Élodie Marchand, who runs a café in Lyon.\n\nMarchand said that rents had doubled since 2019.\n";
    let root = env.articles("x", &[("cafe.txt", text.as_bytes())]);
    let article = &extract_json(&[&root.join("cafe.txt")])[0];
    assert_eq!(article["title"], "Café owners protest");
    let quotes = article["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    for quote in quotes {
        assert_eq!(quote["speaker"], "Élodie Marchand");
        let source = &quote["source"];
        assert_eq!(
            chars_of(text, &source["start"], &source["end"]),
            source["text"].as_str().unwrap()
        );
        let cue = &quote["cue"];
        assert_eq!(chars_of(text, &cue["start"], &cue["end"]), "said");
    }
    assert_eq!(
        chars_of(text, &quotes[0]["start"], &quotes[0]["end"]),
        "Prices are too high,"
    );
    assert_eq!(quotes[0]["direct"], true);
    assert_eq!(
        chars_of(text, &quotes[1]["start"], &quotes[1]["end"]),
        "rents had doubled since 2019"
    );
    assert_eq!(quotes[1]["direct"], false);
    let speakers = article["speakers"].as_array().unwrap();
    assert_eq!(speakers.len(), 1);
    assert_eq!(speakers[0]["kind"], "person");
    assert_eq!(speakers[0]["mentions"].as_array().unwrap().len(), 2);
}

#[test]
fn seed_article_speakers_come_out_right() {
    let Some(shared) = shared() else { return };
    let article = &extract_json(&[&seed_file(&shared)])[0];
    let speakers = article["speakers"].as_array().unwrap();
    let find = |name: &str| speakers.iter().find(|s| s["name"] == name);
    let ayrault = find("Jean-Marc Ayrault").expect("Ayrault is a speaker");
    assert_eq!(
        (&ayrault["role"], &ayrault["kind"]),
        (&Value::from("Foreign Minister"), &Value::from("person"))
    );
    let le_foll = find("Stephane Le Foll").expect("Le Foll is a speaker");
    assert_eq!(le_foll["role"], "Government spokesman");
    for wrong in [
        "Ayrault",
        "Assad",
        "Bashar al-Assad",
        "Trump",
        "Donald Trump",
    ] {
        assert!(find(wrong).is_none(), "{wrong} must not be a speaker");
    }
    let quotes = article["quotes"].as_array().unwrap();
    let direct: Vec<&Value> = quotes.iter().filter(|q| q["direct"] == true).collect();
    assert_eq!(direct.len(), 4, "{direct:?}");
    assert!(
        direct.iter().all(|q| q["speaker"] == "Jean-Marc Ayrault"),
        "{direct:?}"
    );
    let added = quotes.iter().find(|q| q["cue"]["text"] == "added").unwrap();
    assert_eq!(added["speaker"], "Jean-Marc Ayrault");
    let reported_by_ayrault = quotes
        .iter()
        .filter(|q| q["direct"] == false && q["speaker"] == "Jean-Marc Ayrault")
        .count();
    assert_eq!(reported_by_ayrault, 2);
    assert!(quotes.iter().any(|q| q["speaker"] == "Russia"));
}

#[test]
fn speakers_are_searchable_facetable_and_quotable() {
    let Some(shared) = shared() else { return };
    let env = Env::new();
    env.index(&shared.join("seed"));
    env.index(&corpus());
    for query in [
        "speaker:\"Jean-Marc Ayrault\"",
        "speaker:Ayrault",
        "speaker:ayrault",
    ] {
        assert_eq!(total(&env.search(query, &[])), 1, "{query}");
    }
    let filtered = env.search("chemical weapons", &["--speaker", "Ayrault"]);
    assert_eq!(total(&filtered), 1);
    assert!(
        filtered["hits"][0]["speakers"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Jean-Marc Ayrault"))
    );

    let facets = env.search(
        "*",
        &["--facet", "speaker", "--facet-limit", "500", "--limit", "0"],
    );
    let speakers = facets["facets"]["speaker"].as_array().unwrap();
    let ayrault = speakers.iter().find(|e| e["value"] == "Jean-Marc Ayrault");
    assert!(ayrault.is_some_and(|e| e["count"] == 1), "{speakers:?}");

    let quotes = env.json(&["quotes", "chemical weapons", "--speaker", "Ayrault"]);
    let listed = quotes["quotes"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().all(|q| q["speaker"] == "Jean-Marc Ayrault"));
    let text = env.stdout_of(&["quotes", "chemical weapons", "--speaker", "Ayrault"]);
    assert!(
        text.starts_with("Jean-Marc Ayrault (Foreign Minister) — "),
        "{text}"
    );
}

#[test]
fn a_query_matching_a_quote_shows_the_quote_and_its_speaker() {
    let env = corpus_env();
    let result = env.search("grandfather soap", &[]);
    let hit = &result["hits"][0];
    assert_eq!(hit["snippet_speaker"], "Khaled Haddad");
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap()
            .starts_with("“My grandfather sold soap")
    );

    assert_eq!(hit["snippet_direct"], true);

    // Reported speech is shown without quotation marks, and said to be.
    let result = env.search("heritage careful", &[]);
    let hit = &result["hits"][0];
    assert_eq!(hit["snippet_speaker"], "UNESCO");
    assert_eq!(hit["snippet_direct"], false);
    assert!(!hit["snippet"].as_str().unwrap().starts_with('“'));
    let text = env.stdout_of(&["search", "heritage careful"]);
    assert!(
        text.contains("reported: the old city of Aleppo") && text.contains("— UNESCO"),
        "{text}"
    );

    // A body that matches more of the query than any quote is shown instead.
    let result = env.search("laurel soap", &[]);
    assert_eq!(result["hits"][0]["snippet_speaker"], Value::Null);
    assert_eq!(result["hits"][0]["snippet_direct"], Value::Null);
}

/// One article with a quote of each kind: reported speech ("said on Monday
/// that …") and words in quotation marks.
const SAID: &[u8] = b"Budget row\n\nFinance Minister Ada Okafor said on Monday that the plan \
    would cost too much. \"We cannot pay for this,\" Okafor told reporters in Abuja.\n";
const REPORTED: &str = "the plan would cost too much";
const DIRECT: &str = "We cannot pay for this";

/// The one line of `text` that holds `words`.
fn line_with<'a>(text: &'a str, words: &str) -> &'a str {
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(words)).collect();
    assert_eq!(lines.len(), 1, "{words:?} in {text}");
    lines[0]
}

#[test]
fn direct_quotes_are_in_quotation_marks_and_reported_speech_is_marked_as_reported() {
    let env = Env::new();
    let root = env.articles("said", &[("budget.txt", SAID)]);
    env.index(&root);
    let id = env.search("*", &[])["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Each line: the speaker as resolved, what was said, the article
    // (title and the id `show` takes).
    let check = |text: &str, speaker_shown: bool| {
        let reported = line_with(text, REPORTED);
        assert!(
            reported.contains(&format!("reported: {REPORTED} —")),
            "{reported}"
        );
        assert!(
            !reported.contains('“') && !reported.contains('”'),
            "{reported}"
        );
        let direct = line_with(text, DIRECT);
        assert!(direct.contains(&format!("“{DIRECT}”")), "{direct}");
        assert!(!direct.contains("reported"), "{direct}");
        for line in [reported, direct] {
            assert!(
                line.contains("Budget row") && line.contains(&format!("id {id}")),
                "{line}"
            );
            assert_eq!(line.contains("Ada Okafor"), speaker_shown, "{line}");
        }
    };
    check(&env.stdout_of(&["quotes"]), true);
    // A profile's own speaker is its heading.
    let profile = env.stdout_of(&["profile", "speaker", "Okafor"]);
    assert!(profile.starts_with("Ada Okafor — speaker"), "{profile}");
    check(profile.split("latest quotes").nth(1).unwrap(), false);

    // The JSON says which is which wherever a quote is.
    let kinds = |quotes: &Value| -> Vec<(String, bool)> {
        quotes
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                (
                    q["text"].as_str().unwrap().to_string(),
                    q["direct"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let expected = vec![(REPORTED.to_string(), false), (DIRECT.to_string(), true)];
    assert_eq!(kinds(&env.json(&["quotes"])["quotes"]), expected);
    let profile = env.json(&["profile", "speaker", "Okafor"]);
    assert_eq!(kinds(&profile["latest_quotes"]), expected);
    let shown = env.json(&["show", &id]);
    assert_eq!(kinds(&shown["quotes"]), expected);
    assert!(
        shown["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["speaker"] == "Ada Okafor")
    );
    assert_eq!(shown["quote"], serde_json::json!([REPORTED, DIRECT]));

    // `show` lists them under their speaker, each in its own way.
    let text = env.stdout_of(&["show", &id]);
    let reported = line_with(&text, &format!("reported: {REPORTED}"));
    assert!(
        reported.contains("Ada Okafor (Finance Minister) — "),
        "{text}"
    );
    assert!(
        line_with(&text, &format!("“{DIRECT}”")).contains("Ada Okafor"),
        "{text}"
    );

    // `extract` too.
    let file = root.join("budget.txt");
    let text = env.stdout_of(&["extract", file.to_str().unwrap()]);
    assert!(
        text.contains(&format!("said (reported): {REPORTED}\n")),
        "{text}"
    );
    assert!(text.contains(&format!("told: “{DIRECT}”\n")), "{text}");
}

#[test]
fn exports_carry_each_quote_with_its_speaker_and_kind() {
    let env = Env::new();
    let root = env.articles("said", &[("budget.txt", SAID)]);
    env.index(&root);
    let expected = serde_json::json!([
        {"speaker": "Ada Okafor", "role": "Finance Minister", "text": REPORTED, "direct": false},
        {"speaker": "Ada Okafor", "role": "Finance Minister", "text": DIRECT, "direct": true},
    ]);
    // NDJSON: every field by default, the quotes right after their texts.
    let line: Value = serde_json::from_str(env.stdout_of(&["export"]).trim()).unwrap();
    assert_eq!(line["quotes"], expected);
    let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    let at = keys.iter().position(|k| *k == "quote").unwrap();
    assert_eq!(keys[at + 1], "quotes");

    // CSV: the quotes as a JSON array in their column (a text may hold "; ").
    let csv = env.stdout_of(&["export", "--format", "csv", "--fields", "title,quotes"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["title", "quotes"]
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "Budget row");
    assert_eq!(serde_json::from_str::<Value>(&row[1]).unwrap(), expected);
    // Every field by default in CSV too.
    let csv = env.stdout_of(&["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(reader.headers().unwrap().iter().any(|h| h == "quotes"));
}

/// Guards extraction quality: the PolNeAR development set must score at
/// least what this extractor last reached (pair F1 0.671, speech-verb
/// recall 0.910, source precision 0.937 on 2026-12-06, sixth session),
/// less a little.
#[test]
fn quote_extraction_quality_does_not_fall() {
    let Some(shared) = shared() else { return };
    let (pair_f1, speech_recall, source_precision) = polnear_scores(&shared, "polnear-dev");
    assert!(pair_f1 >= 0.668, "pair F1 fell to {pair_f1:.3}");
    assert!(
        speech_recall >= 0.905,
        "speech recall fell to {speech_recall:.3}"
    );
    assert!(
        source_precision >= 0.935,
        "source precision fell to {source_precision:.3}"
    );
}

/// The training split too (840 articles, ten times the development set,
/// never tuned on article by article): pair F1 0.630 on 2026-12-06.
#[test]
fn quote_extraction_quality_on_polnear_train_does_not_fall() {
    let Some(shared) = shared() else { return };
    let (pair_f1, _, source_precision) = polnear_scores(&shared, "polnear-train");
    assert!(pair_f1 >= 0.628, "train pair F1 fell to {pair_f1:.3}");
    assert!(
        source_precision >= 0.915,
        "train source precision fell to {source_precision:.3}"
    );
}

/// Pair F1, speech-verb recall and source precision of `extract --json`
/// on one PolNeAR split, by the shared scorer.
fn polnear_scores(shared: &Path, name: &str) -> (f64, f64, f64) {
    let scorer = shared.join("eval/score_quotes.py");
    let split = shared.join("eval/quotes").join(name);
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .arg("--split")
        .arg(&split)
        .arg("--cmd")
        .arg(format!("{} extract --json", env!("CARGO_BIN_EXE_newsdex")))
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let scores: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let pair_f1 = scores["pair"]["F1"].as_f64().unwrap();
    let speech_recall = scores["speech"]["R"].as_f64().unwrap();
    let source_precision = scores["source"]["P"].as_f64().unwrap();
    eprintln!(
        "{name}: pair F1 {pair_f1:.3}, speech R {speech_recall:.3}, source P {source_precision:.3}"
    );
    (pair_f1, speech_recall, source_precision)
}

#[test]
fn an_index_from_another_schema_asks_for_a_rebuild() {
    let env = Env::new();
    // An index written with some other schema, as an older newsdex would leave.
    fs::create_dir_all(env.index_path()).unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("headline", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(env.index_path(), builder.build()).unwrap();

    let stderr = env.stderr_of(&["search", "anything"], 1);
    assert!(
        stderr.contains("different schema") && stderr.contains("--rebuild"),
        "{stderr}"
    );
    let root = env.articles("news", &[("a.txt", b"Alpha headline here\n\nAlpha body.")]);
    env.cmd(&["index", "--rebuild", root.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(total(&env.search("alpha", &[])), 1);
}

#[test]
fn places_are_searchable_filterable_and_facetable() {
    let env = corpus_env();
    // The market story, filed from Aleppo, and the chemical weapons story,
    // whose inspector worked "around Aleppo".
    let aleppo = env.search("place:Aleppo", &[]);
    assert_eq!(total(&aleppo), 2);
    let hit = aleppo["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| {
            h["path"]
                .as_str()
                .unwrap()
                .ends_with("aleppo-market-reopens.txt")
        })
        .unwrap();
    // The dateline's place comes first.
    assert_eq!(hit["places"][0], "Aleppo, Syria");

    // An article about Aleppo is about a place in Syria, and in Asia.
    assert_eq!(
        hit_paths(&env.search("place:Syria", &[])),
        hit_paths(&aleppo)
    );
    assert_eq!(
        hit_paths(&env.search("*", &["--place", "syria"])),
        hit_paths(&aleppo)
    );
    assert!(total(&env.search("place:Asia", &[])) >= 2);

    // Alexandria, Louisiana is not Alexandria, Egypt.
    let louisiana = hit_paths(&env.search("place:Louisiana", &[]));
    assert_eq!(louisiana.len(), 1);
    assert!(louisiana[0].ends_with("alexandria-louisiana-sawmill.txt"));
    let egypt = hit_paths(&env.search("place:Egypt", &[]));
    assert_eq!(egypt.len(), 1);
    assert!(egypt[0].ends_with("alexandria-coastline-sensors.txt"));
    assert_eq!(total(&env.search("alexandria", &["--place", "Egypt"])), 1);

    // Top places for a query, with exact counts.
    let all = env.search("*", &["--facet", "place,country", "--facet-limit", "50"]);
    let places = all["facets"]["place"].as_array().unwrap();
    // "Kenya" counts articles naming Kenya itself; `place:Kenya` and the
    // country facet also count those naming only Nairobi.
    let in_kenya = total(&env.search("place:Kenya", &[]));
    let kenya = places.iter().find(|p| p["value"] == "Kenya").unwrap();
    assert!(kenya["count"].as_u64().unwrap() < in_kenya);
    let countries = all["facets"]["country"].as_array().unwrap();
    let kenya = countries.iter().find(|p| p["value"] == "Kenya").unwrap();
    assert_eq!(kenya["count"].as_u64(), Some(in_kenya));
    assert_eq!(total(&env.search("country:Kenya", &[])), in_kenya);
}

#[test]
fn facets_drill_down_the_place_tree() {
    let env = corpus_env();
    let top = env.json(&["facets", "place"]);
    assert_eq!(top["path"], "");
    let continents: Vec<&str> = top["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert!(
        continents.contains(&"Asia") && continents.contains(&"Europe"),
        "{continents:?}"
    );
    let asia = top["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "Asia")
        .unwrap();
    assert_eq!(
        asia["count"].as_u64(),
        Some(total(&env.search("place:Asia", &[])))
    );

    // Case does not matter; the answer names the path as stored.
    let syria = env.json(&["facets", "place", "--drill", "asia/syria"]);
    assert_eq!(syria["path"], "Asia/Syria");
    assert!(
        syria["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["value"] == "Aleppo")
    );

    // A query narrows the counts.
    let kenya = env.json(&["facets", "place", "marathon", "--drill", "Africa/Kenya"]);
    assert_eq!(kenya["total"], 1);

    let terminal = env.stdout_of(&["facets", "place", "--drill", "Asia"]);
    assert!(
        terminal.contains("place in Asia") && terminal.contains("India"),
        "{terminal}"
    );

    let err = env.stderr_of(&["facets", "place", "--drill", "Asia/Atlantis"], 2);
    assert!(err.contains("Atlantis") && err.contains("Syria"), "{err}");
    let err = env.stderr_of(&["facets", "speaker", "--drill", "x"], 2);
    assert!(
        err.contains("no hierarchy") && err.contains("place"),
        "{err}"
    );
}

#[test]
fn extract_reports_places_with_character_offsets() {
    let env = Env::new();
    let dir = env.articles(
        "floods",
        &[(
        "floods.txt",
        "Floods in São Paulo\n\nRIO DE JANEIRO (Reuters) - Rain hit São Paulo and Curitiba on Monday, \
         officials in Brazil said. French and Syrian aid teams flew in.\n"
            .as_bytes(),
    )]);
    let file = dir.join("floods.txt");
    let text = fs::read_to_string(&file).unwrap();
    let article = &extract_json(&[&file])[0];
    let places = article["places"].as_array().unwrap();
    let names: Vec<&str> = places.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names[0], "Rio de Janeiro");
    assert_eq!(places[0]["role"], "dateline");
    assert!(
        names.contains(&"São Paulo") && names.contains(&"Curitiba") && names.contains(&"Brazil"),
        "{names:?}"
    );
    // Countries named only by their adjective are places with the role
    // "adjective": their adjectives are listed, no mention is.
    for country in ["France", "Syria"] {
        let place = places.iter().find(|p| p["name"] == country).unwrap();
        assert_eq!(place["role"], "adjective");
        assert!(place["mentions"].as_array().unwrap().is_empty());
        let adjective = &place["adjectives"][0];
        let word = chars_of(&text, &adjective["start"], &adjective["end"]);
        assert!(word == "French" || word == "Syrian", "{word}");
    }
    let sao_paulo = places.iter().find(|p| p["name"] == "São Paulo").unwrap();
    assert_eq!(sao_paulo["country_code"], "BR");
    assert_eq!(sao_paulo["kind"], "city");
    assert!(sao_paulo["lat"].as_f64().unwrap() < -23.0);
    let mentions = sao_paulo["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "title and body");
    for m in mentions {
        assert_eq!(chars_of(&text, &m["start"], &m["end"]), "São Paulo");
    }
}

#[test]
fn seed_article_places_come_out_right() {
    let Some(shared) = shared() else { return };
    let article = &extract_json(&[&seed_file(&shared)])[0];
    let places = article["places"].as_array().unwrap();
    let find = |name: &str| places.iter().find(|p| p["name"] == name);
    for (name, code) in [
        ("France", "FR"),
        ("Syria", "SY"),
        ("United States", "US"),
        ("Aleppo", "SY"),
        ("Homs", "SY"),
        ("Idlib", "SY"),
        ("Paris", "FR"),
        ("Saudi Arabia", "SA"),
        ("Turkey", "TR"),
        ("Russia", "RU"),
    ] {
        let place = find(name).unwrap_or_else(|| panic!("{name} is a place of the seed"));
        assert_eq!(place["country_code"], code, "{name}");
    }
    assert_eq!(find("Aleppo").unwrap()["geonameid"], 170063);
    for wrong in [
        "Islamic State",
        "United Nations",
        "Security Council",
        "State",
    ] {
        assert!(find(wrong).is_none(), "{wrong} is no place");
    }
    let env = Env::new();
    env.index(&shared.join("seed"));
    assert_eq!(total(&env.search("place:Aleppo", &[])), 1);
    assert_eq!(total(&env.search("place:Syria", &[])), 1);
}

/// Guards place extraction quality on both development sets: at least what
/// this extractor last reached (TR-News F1 0.872, acc@161km 0.866;
/// GeoVirus F1 0.938, acc@161km 0.852 on 2026-12-06), less a little for
/// rounding.
#[test]
fn place_extraction_quality_does_not_fall() {
    let Some(shared) = shared() else { return };
    for (set, one_based, min_f1, min_acc) in [
        ("TR-News", false, 0.869, 0.86),
        ("GeoVirus", true, 0.935, 0.845),
    ] {
        let dir = shared.join("eval/places").join(set);
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(shared.join("eval/score_places.py"))
            .arg("--docs")
            .arg(dir.join("docs"))
            .arg("--gold")
            .arg(dir.join("gold.txt"))
            .arg("--cmd")
            .arg(format!("{} extract --json", env!("CARGO_BIN_EXE_newsdex")))
            .arg("--json");
        if one_based {
            cmd.arg("--one-based");
        }
        let out = cmd.output().expect("python3 runs the scorer");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let scores: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
        let f1 = scores["F1"].as_f64().unwrap();
        let acc = scores["acc161"].as_f64().unwrap();
        eprintln!("{set}: F1 {f1:.3}, acc@161km {acc:.3}");
        assert!(f1 >= min_f1, "{set}: F1 fell to {f1:.3}");
        assert!(acc >= min_acc, "{set}: acc@161km fell to {acc:.3}");
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_folder_of_mixed_formats_is_read_with_its_metadata() {
    let env = Env::new();
    let csv = b"title,text,subject,date\n\"Harbour cranes idle\",\"ROTTERDAM (Reuters) - Cranes stood idle,\nas dockers struck.\",business,\"December 31, 2017 \"\n";
    let gz = gzip(b"{\"headline\": \"Glacier retreat measured\", \"maintext\": \"Glaciologists measured the retreat.\", \"id\": \"g-1\"}\n");
    let root = env.articles(
        "mixed",
        &[
            (
                "one.json",
                br#"{"title": "Lighthouse keepers return", "content": "Keepers returned to the lighthouse.", "url": "https://example.org/lh", "authors": ["Ann Lee", "Bo Chen"], "publishedAt": "2020-01-02T23:30:00-05:00", "source": {"name": "Coast News"}}"#,
            ),
            (
                "feed.jsonl",
                b"{\"title\": \"Orchard frost\", \"text\": \"Frost hit the orchards.\", \"id\": \"a\"}\n{not json\n{\"title\": \"Vineyard hail\", \"text\": \"Hail hit the vineyards.\", \"id\": \"b\"}\n",
            ),
            ("isot.csv", csv),
            (
                "ag.tsv",
                b"label\ttitle\tdescription\n2\tMarathon record\tA runner broke the course record.\n",
            ),
            ("glacier.jsonl.gz", &gz),
            (
                "note.md",
                b"---\ntitle: Ferry timetable changes\ndate: 2019-06-01\nauthor: Kim Park\n---\nThe ferry timetable changes in June.\n",
            ),
            ("broken.json.gz", &gz[..gz.len() / 2]),
            ("empty.txt", b""),
        ],
    );
    let (summary, stderr) = env.index_with_failures(&root);
    assert!(stderr.contains("feed.jsonl: line 2: not JSON"), "{stderr}");
    assert!(
        stderr.contains("broken.json.gz: not valid gzip"),
        "{stderr}"
    );
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert_eq!(summary["failed"], 2, "{summary}");
    assert_eq!(summary["failed_records"], 1, "{summary}");
    assert_eq!(summary["documents"], 7, "{summary}");

    let lighthouse = env.search("lighthouse", &[]);
    let hit = &lighthouse["hits"][0];
    assert_eq!(hit["url"], "https://example.org/lh");
    assert_eq!(hit["author"], "Ann Lee, Bo Chen");
    assert_eq!(hit["source"], "Coast News");
    // 23:30 at UTC-5 is dated the day it was written there, not UTC's.
    assert_eq!(hit["date"], "2020-01-02");
    assert_eq!(total(&env.search("author:Lee", &[])), 1);
    for (query, title) in [
        ("orchards", "Orchard frost"),
        ("vineyards", "Vineyard hail"),
        ("dockers", "Harbour cranes idle"),
        ("course record", "Marathon record"),
        ("glaciologists", "Glacier retreat measured"),
        ("ferry", "Ferry timetable changes"),
    ] {
        let found = env.search(query, &[]);
        assert_eq!(found["hits"][0]["title"], title, "{query}");
    }
    let isot = &env.search("dockers", &[])["hits"][0];
    assert_eq!(isot["date"], "2017-12-31");
    assert_eq!(isot["source"], "Reuters");
    assert_eq!(total(&env.search("date:2017-12-31", &[])), 1);

    // Records keep their ids when the file is re-read after a change.
    let vineyard_id = env.search("vineyards", &[])["hits"][0]["id"].clone();
    fs::write(
        root.join("feed.jsonl"),
        b"{\"title\": \"Vineyard hail\", \"text\": \"Hail hit the vineyards.\", \"id\": \"b\"}\n",
    )
    .unwrap();
    env.cmd(&["index", root.to_str().unwrap()]).assert().code(3);
    assert_eq!(env.search("vineyards", &[])["hits"][0]["id"], vineyard_id);
    assert_eq!(total(&env.search("orchards", &[])), 0);
}

#[test]
fn reuters_sgml_stories_are_articles_with_dates() {
    let env = Env::new();
    let root = env.articles(
        "reuters",
        &[(
            "reut2-000.sgm",
            b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>BAHIA COCOA REVIEW</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in the Bahia cocoa zone, Comissaria Smith said.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<DATE>27-FEB-1987 09:00:00.00&#5;&#5;&#5;RM</DATE>\n<TEXT>&#2;\n<TITLE>GRAIN SHIPS WAITING</TITLE>\n<DATELINE>    NEW YORK, Feb 27 - </DATELINE><BODY>Grain ships &lt;waited&gt; at the port.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n",
        )],
    );
    let summary = env.index(&root);
    assert_eq!(summary["documents"], 2);
    let day = env.search("date:[1987-02-26 TO 1987-02-26]", &[]);
    assert_eq!(total(&day), 1);
    let hit = &day["hits"][0];
    assert_eq!(hit["title"], "BAHIA COCOA REVIEW");
    assert_eq!(hit["source"], "Reuters");
    assert_eq!(hit["dateline"], "SALVADOR, Feb 26");
    assert_eq!(hit["places"][0], "Salvador, Bahia, Brazil");
    let facets = env.search("*", &["--facet", "date:day"]);
    let days: Vec<&str> = facets["facets"]["date:day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["1987-02-26", "1987-02-27"]);
    assert_eq!(total(&env.search("\"waited\"", &[])), 1);
}

#[test]
fn feeds_and_xml_news_formats_are_read() {
    let env = Env::new();
    let root = env.articles(
        "xml",
        &[
            (
                "harbour.rss",
                br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Cranes idle</title><guid>c-1</guid><link>https://example.org/c1</link><pubDate>Wed, 05 Apr 2017 12:00:00 GMT</pubDate>
<description>&lt;p&gt;Dockers struck at the quay.&lt;/p&gt;</description></item>
<item><title>Tugboat race</title><guid>c-2</guid><description>Tugboats raced past the breakwater.</description></item>
</channel></rss>"#,
            ),
            (
                "bridge.xml",
                br#"<nitf><head><docdata><date.issue norm="20170405T120000Z"/></docdata></head><body><body.head><hedline><hl1>Bridge reopens</hl1></hedline></body.head>
<body.content><p>The suspension bridge reopened to traffic.</p></body.content></body></nitf>"#,
            ),
            ("broken.xml", b"<rss><channel>\n<item><title>x</item>\n</channel></rss>"),
        ],
    );
    let (summary, stderr) = env.index_with_failures(&root);
    assert!(
        stderr.contains("broken.xml: not valid XML") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert_eq!(summary["documents"], 3);
    let cranes = env.search("dockers", &[]);
    assert_eq!(cranes["hits"][0]["title"], "Cranes idle");
    assert_eq!(cranes["hits"][0]["source"], "Harbour Times");
    assert_eq!(cranes["hits"][0]["url"], "https://example.org/c1");
    assert_eq!(total(&env.search("date:2017-04-05", &[])), 2);
    assert_eq!(
        env.search("suspension", &[])["hits"][0]["title"],
        "Bridge reopens"
    );
    // An item keeps its id (its guid) when the feed changes around it.
    let tug = env.search("tugboats", &[])["hits"][0]["id"].clone();
    fs::write(
        root.join("harbour.rss"),
        br#"<rss><channel><title>Harbour Times</title><item><title>Tugboat race</title><guid>c-2</guid><description>Tugboats raced past the breakwater.</description></item></channel></rss>"#,
    )
    .unwrap();
    env.cmd(&["index", root.to_str().unwrap()]).assert().code(3);
    assert_eq!(env.search("tugboats", &[])["hits"][0]["id"], tug);
}

#[test]
fn strict_stops_at_the_first_failure_and_commits_nothing() {
    let env = Env::new();
    let root = env.articles(
        "strict",
        &[(
            "a.txt",
            b"Quarry reopens\n\nThe quarry reopened on Monday." as &[u8],
        )],
    );
    env.index(&root);
    fs::write(
        root.join("b.txt"),
        b"Mill closes\n\nThe old mill closed its doors.",
    )
    .unwrap();
    fs::write(root.join("c.jsonl"), b"{broken\n").unwrap();
    let err = env.stderr_of(&["index", root.to_str().unwrap(), "--strict"], 1);
    assert!(err.contains("c.jsonl") && err.contains("--strict"), "{err}");
    // The run committed nothing: the mill is not there, the quarry still is.
    assert_eq!(total(&env.search("mill", &[])), 0);
    assert_eq!(total(&env.search("quarry", &[])), 1);
    // Without --strict the same folder indexes what it can.
    env.cmd(&["index", root.to_str().unwrap()]).assert().code(3);
    assert_eq!(total(&env.search("mill", &[])), 1);
}

#[test]
fn saved_web_pages_give_their_article_without_boilerplate() {
    let env = Env::new();
    let root = env.articles(
        "web",
        &[
            (
                "story.html",
                br#"<!DOCTYPE html><html lang="en"><head><title>Library opens | Town Post</title>
<meta property="og:title" content="New library opens its doors">
<meta property="og:site_name" content="Town Post">
<meta property="article:published_time" content="2020-01-02T23:30:00-05:00">
<meta name="author" content="Ann Lee"><link rel="canonical" href="https://example.org/library">
</head><body><nav><ul><li><a href="/">Home</a><li><a href="/sport">Sport</a></ul></nav>
<div class="cookie-banner">We use cookies to improve everything.</div>
<article><h1>New library opens its doors</h1><p>The new library opened on Friday with shelves for 40,000 books.</p>
<p>"It will be open to everyone," the mayor said.</p></article>
<aside>Most read: unrelated headlines galore</aside><footer>Copyright Town Post</footer></body></html>"#,
            ),
            (
                "index.html",
                br#"<html><body><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></body></html>"#,
            ),
        ],
    );
    // A page that is not an article is skipped, with its reason: no failure.
    let out = env
        .cmd(&["index", root.to_str().unwrap(), "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("index.html") && stderr.contains("not an article"),
        "{stderr}"
    );
    assert_eq!(
        (
            &summary["failed"],
            &summary["skipped"],
            &summary["documents"]
        ),
        (&Value::from(0), &Value::from(1), &Value::from(1))
    );
    let found = env.search("library", &[]);
    assert_eq!(total(&found), 1);
    let hit = &found["hits"][0];
    assert_eq!(hit["title"], "New library opens its doors");
    assert_eq!(hit["date"], "2020-01-02");
    assert_eq!(hit["author"], "Ann Lee");
    assert_eq!(hit["source"], "Town Post");
    assert_eq!(hit["url"], "https://example.org/library");
    assert_eq!(total(&env.search("cookies", &[])), 0);
    assert_eq!(total(&env.search("unrelated", &[])), 0);
    assert_eq!(total(&env.search("speaker:mayor", &[])), 0);
    assert_eq!(total(&env.search("quote:everyone", &[])), 1);
}

#[test]
fn large_record_files_are_streamed_in_batches() {
    let env = Env::new();
    let mut jsonl = String::new();
    for i in 0..1500 {
        if i == 700 {
            jsonl.push_str("{not json\n");
        }
        jsonl.push_str(&format!(
            "{{\"id\": \"r{i}\", \"title\": \"Report {i}\", \"text\": \"Inspectors counted {i} lanterns in the harbour.\"}}\n"
        ));
    }
    let gz = gzip(jsonl.as_bytes());
    let root = env.articles(
        "big",
        &[
            ("reports.jsonl", jsonl.as_bytes()),
            ("reports2.jsonl.gz", &gz),
        ],
    );
    // Stream every file over 1 KB: each is read in batches, never whole.
    let out = env
        .cmd(&[
            "index",
            root.to_str().unwrap(),
            "--stream-above",
            "1000",
            "--json",
        ])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["documents"], 3000, "{summary}");
    assert_eq!(summary["added"], 2);
    assert_eq!(summary["failed_records"], 2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("reports.jsonl: line 701: not JSON"),
        "{stderr}"
    );
    assert_eq!(total(&env.search("lanterns", &[])), 3000);
    let one = env.search("\"counted 1499 lanterns\"", &[]);
    assert_eq!(total(&one), 2);
    // Re-indexing a changed streamed file replaces its documents.
    fs::write(
        root.join("reports.jsonl"),
        "{\"id\": \"r1\", \"title\": \"Only\", \"text\": \"Just one lantern left.\"}\n".repeat(100),
    )
    .unwrap();
    let summary = env.json(&["index", root.to_str().unwrap(), "--stream-above", "1000"]);
    assert_eq!(summary["updated"], 1);
    assert_eq!(summary["documents"], 1600);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_reported_and_the_rest_indexed() {
    let env = Env::new();
    let root = env.articles(
        "loop",
        &[(
            "a.txt",
            b"Canal locks repaired\n\nThe canal locks were repaired." as &[u8],
        )],
    );
    std::os::unix::fs::symlink(&root, root.join("again")).unwrap();
    let (summary, stderr) = env.index_with_failures(&root);
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
    assert_eq!(summary["documents"], 1);
    assert_eq!(total(&env.search("canal", &[])), 1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_indexed() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let root = env.articles(
        "perms",
        &[
            (
                "open.txt",
                b"Orchard fair opens\n\nThe orchard fair opened." as &[u8],
            ),
            ("closed.txt", b"Secret\n\nNobody may read this."),
        ],
    );
    let closed = root.join("closed.txt");
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&closed).is_ok() {
        eprintln!(
            "SKIPPED: running as a user who reads any file (root), so permissions cannot fail here"
        );
        return;
    }
    let (summary, stderr) = env.index_with_failures(&root);
    assert!(
        stderr.contains("closed.txt") && stderr.contains("ermission denied"),
        "{stderr}"
    );
    assert_eq!(summary["documents"], 1);
}

#[test]
fn timeline_counts_add_up_to_the_query_total() {
    let env = corpus_env();
    for by in ["day", "week", "month", "year"] {
        let t = env.json(&["timeline", "*", "--by", by]);
        let sum: u64 = t["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["count"].as_u64().unwrap())
            .sum();
        assert_eq!(
            sum + t["undated"].as_u64().unwrap(),
            t["matches"].as_u64().unwrap(),
            "{by}"
        );
        assert_eq!(t["matches"].as_u64(), Some(total(&env.search("*", &[]))));
        // Every article of a period matches `*`: the share is 1 where there are any.
        for p in t["periods"].as_array().unwrap() {
            assert_eq!(p["count"], p["total"]);
        }
    }
    let t = env.json(&[
        "timeline",
        "minister",
        "--by",
        "year",
        "--split-by",
        "source",
        "--top",
        "3",
    ]);
    let periods = t["periods"].as_array().unwrap();
    let dated: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(
        dated + t["undated"].as_u64().unwrap(),
        total(&env.search("minister", &[]))
    );
    for series in t["series"].as_array().unwrap() {
        for (i, c) in series["counts"].as_array().unwrap().iter().enumerate() {
            assert!(c.as_u64().unwrap() <= periods[i]["count"].as_u64().unwrap());
        }
    }
    // Filters narrow it like a search.
    let kenya = env.json(&["timeline", "--place", "Kenya", "--by", "year"]);
    assert_eq!(
        kenya["matches"].as_u64(),
        Some(total(&env.search("*", &["--place", "Kenya"])))
    );
    let csv = env.stdout_of(&["timeline", "*", "--by", "year", "--csv"]);
    assert!(csv.starts_with("period,count,total,share\n"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().split(',').count() == 4, "{csv}");
    let chart = env.stdout_of(&["timeline", "*", "--by", "year"]);
    assert!(chart.contains("█") && chart.contains("100.0%"), "{chart}");
}

#[test]
fn search_filters_combine_with_the_query_and_each_other() {
    let env = corpus_env();
    let all = total(&env.search("*", &[]));
    let reuters = total(&env.search("*", &["--source", "Reuters"]));
    assert_eq!(reuters, total(&env.search("source:Reuters", &[])));
    assert!(reuters > 0 && reuters < all);
    let since_2018 = total(&env.search("*", &["--from", "2018"]));
    assert_eq!(since_2018, total(&env.search("date:>=2018-01-01", &[])));
    let both = total(&env.search(
        "*",
        &["--source", "Reuters", "--from", "2018", "--to", "2020-12"],
    ));
    assert_eq!(
        both,
        total(&env.search("source:Reuters AND date:[2018-01-01 TO 2020-12-31]", &[]))
    );
    assert!(both <= reuters.min(since_2018));
}

#[test]
fn export_writes_every_match_as_ndjson_or_csv() {
    let env = corpus_env();
    let expected = total(&env.search("*", &["--place", "Kenya"]));
    assert!(expected >= 2);
    let ndjson = env.stdout_of(&["export", "*", "--place", "Kenya"]);
    let rows: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len() as u64, expected);
    assert!(rows.iter().all(|r| {
        r["country"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Kenya"))
    }));
    // Fields in schema order, multi-valued ones as lists.
    let first_keys: Vec<&String> = rows[0].as_object().unwrap().keys().take(3).collect();
    assert_eq!(first_keys, ["id", "path", "title"]);

    let all = total(&env.search("*", &[]));
    let csv = env.stdout_of(&[
        "export",
        "--format",
        "csv",
        "--fields",
        "id,title,date,speaker",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "title", "date", "speaker"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len() as u64, all);
    assert!(records.iter().all(|r| r.len() == 4));
    let err = env.stderr_of(&["export", "--fields", "nope"], 2);
    assert!(
        err.contains("no field `nope`") && err.contains("title"),
        "{err}"
    );
}

#[test]
fn kwic_lines_up_every_occurrence_with_its_context() {
    let env = corpus_env();
    let kwic = env.json(&["kwic", "minister", "--width", "20", "-n", "500"]);
    let lines = kwic["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    assert_eq!(kwic["occurrences"].as_u64(), Some(lines.len() as u64));
    assert_eq!(kwic["complete"], true);
    assert_eq!(
        env.json(&["kwic", "minister", "-n", "1"])["complete"],
        false
    );
    assert_eq!(
        kwic["articles"].as_u64(),
        Some(total(&env.search("minister", &[])))
    );
    for line in lines {
        assert!(
            line["keyword"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .starts_with("minist"),
            "{line}"
        );
        assert!(line["left"].as_str().unwrap().chars().count() <= 20);
        assert!(line["right"].as_str().unwrap().chars().count() <= 20);
    }
    // Sorted by the word just right of the match.
    let sorted = env.json(&["kwic", "minister", "--sort", "right", "-n", "500"]);
    let rights: Vec<String> = sorted["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["right"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(rights.windows(2).all(|w| w[0] <= w[1]), "{rights:?}");
    // On a terminal the matches line up in one column.
    let text = env.stdout_of(&["kwic", "minister", "--width", "20"]);
    let columns: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|l| {
            let lower = l.to_lowercase();
            lower[..lower.find("minist").unwrap()].chars().count()
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
}

#[test]
fn similar_finds_the_same_story_first() {
    let env = Env::new();
    let root = env.articles(
        "similar",
        &[
            ("a.txt", b"Glacier dam bursts above valley\n\nA glacier dam burst above the Kheru valley, flooding terraces and sweeping away a footbridge, villagers said. Engineers warned another glacier lake could burst." as &[u8]),
            ("b.txt", b"Valley villages flooded after glacier lake burst\n\nVillagers in the Kheru valley counted losses after a glacier lake burst its dam, flooding terraces and destroying the footbridge."),
            ("c.txt", b"Bond yields climb\n\nGovernment bond yields climbed as investors weighed inflation data and central bank remarks."),
            ("d.txt", b"Orchard fair\n\nThe orchard fair opened with cider, apples and a brass band in the village square."),
        ],
    );
    env.index(&root);
    let id = env.search("\"glacier dam burst\"", &[])["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let similar = env.json(&["similar", &id, "-n", "2"]);
    let hits = similar["hits"].as_array().unwrap();
    assert!(
        hits[0]["path"].as_str().unwrap().ends_with("b.txt"),
        "{similar}"
    );
    assert!(
        hits.iter().all(|h| h["id"] != id.as_str()),
        "an article is not similar to itself"
    );
    let err = env.stderr_of(&["similar", "0000000000000000"], 1);
    assert!(err.contains("0000000000000000"), "{err}");
}

#[test]
fn timeline_svg_is_a_well_formed_chart() {
    let env = corpus_env();
    let svg_path = env.dir.path().join("chart.svg");
    env.cmd(&[
        "timeline",
        "*",
        "--by",
        "year",
        "--split-by",
        "source",
        "--svg",
        svg_path.to_str().unwrap(),
    ])
    .assert()
    .success();
    let svg = fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.contains("<polyline") && svg.contains("Reuters"),
        "a line and a legend per series"
    );
    assert_eq!(svg.matches("<svg").count(), 1);
}

#[test]
fn a_page_that_folding_leaves_short_is_ranked_again_deeper() {
    // Fourteen copies of one story rank above two other articles: the first
    // ranking (the page and a margin of ten) holds copies only, and the page
    // of two must still show the two stories after the copies' one.
    let env = Env::new();
    let story = "The central bank raised its benchmark bank rate again, and the bank said bank \
        lending would slow as bank customers faced higher costs. The governor told reporters the \
        decision was unanimous and that the bank would watch the exchange rate closely as import \
        costs climbed through the quarter, while shares of lenders rose in afternoon trading.";
    let mut files: Vec<(String, String)> = (0..14)
        .map(|i| {
            (
                format!("copy{i:02}.txt"),
                format!("Bank moves {i}\n\n{story}"),
            )
        })
        .collect();
    files.push((
        "harbour.txt".into(),
        "Harbour strike ends\n\nDockers returned to work after a week-long strike over pay; the \
         union said a bank loan to the port authority paid for the raise this year."
            .into(),
    ));
    files.push((
        "grain.txt".into(),
        "Grain prices fall\n\nWheat and maize prices fell for a third week as the harvest came \
         in early, traders said, and a development bank cut its forecast for imports."
            .into(),
    ));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()))
        .collect();
    let root = env.articles("many-copies", &files);
    env.index(&root);
    let page = env.search("bank", &["-n", "2"]);
    assert_eq!(total(&page), 16);
    let hits = page["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2, "{page}");
    assert_eq!(hits[0]["copies"], 13, "{page}");
    assert!(
        hits[1]["title"] == "Harbour strike ends" || hits[1]["title"] == "Grain prices fall",
        "{page}"
    );
}

#[test]
fn copies_of_one_wire_story_are_one_hit() {
    let env = Env::new();
    let story = "The central bank raised its benchmark lending rate by 75 basis points, citing persistent \
        inflation in food and fuel prices, and said it stood ready to act again if price pressures did not ease \
        in the coming months. The governor told reporters the decision was unanimous and that the bank would \
        watch the exchange rate closely as import costs climbed through the quarter. Economists had expected \
        a smaller rise, and the currency firmed against the dollar after the announcement, traders said, \
        while shares of lenders rose in afternoon trading in the capital.";
    let copy1 = format!("Bank raises rates\n\nNAIROBI (Reuters) - {story}");
    let copy2 = format!(
        "Central bank lifts key rate\n\nNAIROBI, March 3 (Reuters) - {}",
        story.replace("traders said", "dealers said")
    );
    let copy3 = format!("Rates up again\n\n{story} More follows.");
    let other = "Harbour strike ends\n\nDockers at the harbour returned to work after a week-long strike over \
        pay and shift patterns ended with an agreement that raises wages by six percent this year and \
        another four percent next year, the union said, adding that members had voted by a large margin to \
        accept the offer after talks that ran late into the night at the port authority offices near the \
        container terminal where ships had queued for days waiting to unload their cargo of grain and fuel.";
    let root = env.articles(
        "wire",
        &[
            ("a.txt", copy1.as_bytes()),
            ("b.txt", copy2.as_bytes()),
            ("c.txt", copy3.as_bytes()),
            ("d.txt", other.as_bytes()),
        ],
    );
    env.index(&root);
    let folded = env.search("bank", &[]);
    assert_eq!(total(&folded), 3, "the total counts every article");
    let hits = folded["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{folded}");
    assert_eq!(hits[0]["copies"], 2);
    let all = env.search("bank", &["--all-copies"]);
    assert_eq!(all["hits"].as_array().unwrap().len(), 3);
    let clusters: std::collections::HashSet<&str> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["cluster"].as_str().unwrap())
        .collect();
    assert_eq!(clusters.len(), 1);
    let text = env.stdout_of(&["search", "bank"]);
    assert!(text.contains("2 similar copies"), "{text}");
    let stats = env.json(&["stats"]);
    assert_eq!(
        (
            stats["documents"].as_u64(),
            stats["stories"].as_u64(),
            stats["copies"].as_u64()
        ),
        (Some(4), Some(2), Some(2))
    );
    // A copy indexed later joins the story.
    fs::write(
        root.join("e.txt"),
        format!("Bank decision\n\nKAMPALA (AP) - {story}"),
    )
    .unwrap();
    env.index(&root);
    assert_eq!(env.search("bank", &[])["hits"][0]["copies"], 3);
    // Counted across the segments of both runs.
    let stats = env.json(&["stats"]);
    assert!(stats["segments"].as_u64().unwrap() >= 2, "{stats}");
    assert_eq!(
        (stats["stories"].as_u64(), stats["copies"].as_u64()),
        (Some(2), Some(3))
    );
}

#[test]
fn the_writer_memory_can_be_set_small() {
    let env = Env::new();
    let summary = env.json(&[
        "index",
        corpus().to_str().unwrap(),
        "--memory",
        "16",
        "--threads",
        "1",
    ]);
    assert_eq!(summary["documents"], 18);
    assert_eq!(total(&env.search("laurel", &[])), 1);
}

/// Articles for the corpus-wide name table, written here: a surname alone
/// in one story, the full name in another; a company with and without its
/// suffix; a party under two names; an ambiguous surname.
const NAMED_ARTICLES: &[(&str, &str)] = &[
    (
        "surname.txt",
        "Budget talks go on\n\nWASHINGTON, March 4, 1987 (Reuters) - The budget talks will resume next week, Reagan said on Wednesday.",
    ),
    (
        "full-name.txt",
        "President speaks on trade\n\nWASHINGTON, March 3, 1987 (Reuters) - President Ronald Reagan said the trade bill would pass this month.",
    ),
    (
        "company.txt",
        "Carmaker buys rival\n\nDETROIT, March 9, 1987 (Reuters) - Chrysler Corp said it would buy American Motors Corp for about one billion dlrs.",
    ),
    (
        "company-short.txt",
        "Deal to close soon\n\nDETROIT, March 10, 1987 (Reuters) - Chrysler said the purchase of American Motors would close by the summer.",
    ),
    (
        "party-one.txt",
        "Tax plans attacked\n\nThe Tories said the tax plans would cost every family more next year.",
    ),
    (
        "party-two.txt",
        "Schools pledge\n\nThe Conservatives said the schools plan would be paid for by savings elsewhere.",
    ),
    (
        "baker-one.txt",
        "Dollar policy\n\nWASHINGTON, March 5, 1987 (Reuters) - Treasury Secretary James Baker said the dollar had fallen far enough.",
    ),
    (
        "baker-two.txt",
        "White House staff\n\nWASHINGTON, March 6, 1987 (Reuters) - White House chief of staff Howard Baker said the president would veto the bill.",
    ),
    (
        "baker-alone.txt",
        "Talks on the bill\n\nWASHINGTON, March 7, 1987 (Reuters) - The bill would be changed before the vote, Baker said on Saturday.",
    ),
];

fn speaker_facet(env: &Env) -> Vec<(String, u64)> {
    let result = env.json(&["facets", "speaker", "--limit", "100"]);
    result["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn one_name_per_speaker_across_the_corpus() {
    let env = Env::new();
    let files: Vec<(&str, &[u8])> = NAMED_ARTICLES
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    let root = env.articles("named", &files);
    env.index(&root);
    let facet = speaker_facet(&env);
    let count = |name: &str| {
        facet
            .iter()
            .find(|(value, _)| value == name)
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(count("Ronald Reagan"), 2, "{facet:?}");
    assert_eq!(count("Reagan"), 0, "{facet:?}");
    assert_eq!(count("Chrysler Corp"), 2, "{facet:?}");
    assert_eq!(count("Conservative Party"), 2, "{facet:?}");
    // Two Bakers of the same weight: a Baker alone is left alone.
    assert_eq!(count("Baker"), 1, "{facet:?}");
    assert_eq!(count("James Baker"), 1, "{facet:?}");

    // Every name an entity goes by still finds it.
    assert_eq!(total(&env.search("speaker:Reagan", &[])), 2);
    assert_eq!(total(&env.search("speaker:Tories", &[])), 2);
    assert_eq!(total(&env.search("*", &["--speaker", "Conservatives"])), 2);
    // The quotes show the corpus's name, and keep the article's own.
    let quotes = env.json(&["quotes", "--speaker", "Ronald Reagan"]);
    assert_eq!(quotes["quotes"].as_array().unwrap().len(), 2, "{quotes}");
    let quotes = env.json(&["quotes", "--speaker", "Tories"]);
    assert_eq!(quotes["quotes"].as_array().unwrap().len(), 2, "{quotes}");
    // `extract` stays local to its article.
    let extracted = env.stdout_of(&[
        "extract",
        "--json",
        root.join("surname.txt").to_str().unwrap(),
    ]);
    let article: Value = serde_json::from_str(extracted.lines().next().unwrap()).unwrap();
    assert_eq!(article["quotes"][0]["speaker"], "Reagan");
}

#[test]
fn the_name_pass_leaves_no_segment_a_fifth_deleted() {
    // Twenty articles quote "Lindqvist"; one, indexed with them, gives her
    // full name: the name pass rewrites the twenty, and the old copies must
    // not stay behind as deleted documents.
    let env = Env::new();
    let mut files: Vec<(String, String)> = (0..20)
        .map(|i| {
            (
                format!("s{i:02}.txt"),
                format!(
                    "Bridge works, part {i}\n\n\"The bridge opens in spring {i},\" Lindqvist said \
                     on Monday in Uppsala."
                ),
            )
        })
        .collect();
    files.push((
        "full.txt".to_string(),
        "Mayor speaks\n\n\"We will finish it,\" said Greta Lindqvist, the mayor of Uppsala."
            .to_string(),
    ));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()))
        .collect();
    let root = env.articles("mayor", &files);
    let summary = env.index(&root);
    assert!(summary["renamed"].as_u64().unwrap() >= 10, "{summary}");
    let meta: Value =
        serde_json::from_str(&fs::read_to_string(env.index_path().join("meta.json")).unwrap())
            .unwrap();
    for segment in meta["segments"].as_array().unwrap() {
        let max_doc = segment["max_doc"].as_u64().unwrap();
        let deleted = segment["deletes"]["num_deleted_docs"].as_u64().unwrap_or(0);
        assert!(deleted * 5 <= max_doc, "{segment}");
    }
    assert_eq!(total(&env.search("*", &["--all-copies"])), 21);
}

#[test]
fn a_quote_is_stored_once_and_kept_by_the_name_pass() {
    // The quote's text lives in its record only (`stored_in`); an article
    // the name pass rewrites must still be found by `quote:` (stemmed and
    // by prefix), and show and export its quote.
    let env = Env::new();
    let root = env.articles(
        "ferry",
        &[
            (
                "a.txt",
                b"Ferry fares\n\n\"The ferries will sail twice daily,\" Halvorsen said in Bergen."
                    as &[u8],
            ),
            (
                "b.txt",
                b"Harbour chief\n\n\"Nothing changes for cargo,\" said Ingrid Halvorsen, \
                  the harbour chief.",
            ),
        ],
    );
    let summary = env.index(&root);
    assert!(summary["renamed"].as_u64().unwrap() >= 1, "{summary}");
    let found = env.search("quote:ferry", &[]);
    assert_eq!(total(&found), 1, "{found}");
    assert_eq!(total(&env.search("quote:sail*", &[])), 1);
    assert_eq!(found["hits"][0]["speakers"][0], "Ingrid Halvorsen");
    let id = found["hits"][0]["id"].as_str().unwrap();
    let shown = env.json(&["show", id]);
    assert_eq!(
        shown["quote"],
        serde_json::json!(["The ferries will sail twice daily"])
    );
    let exported = env.stdout_of(&["export", "quote:ferry"]);
    let line: Value = serde_json::from_str(exported.lines().next().unwrap()).unwrap();
    assert_eq!(line["quote"], shown["quote"]);
}

#[test]
fn names_are_the_same_whether_indexed_at_once_or_in_three_runs() {
    let files: Vec<(&str, &[u8])> = NAMED_ARTICLES
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    let at_once = Env::new();
    let root = at_once.articles("named", &files);
    at_once.index(&root);

    // The surname first, the full name later: the earlier article must be
    // renamed when the later one arrives.
    let in_runs = Env::new();
    let (first, rest) = files.split_at(1);
    let (second, third) = rest.split_at(4);
    let root = in_runs.articles("named", first);
    in_runs.index(&root);
    in_runs.articles("named", second);
    let summary = in_runs.index(&root);
    assert!(summary["renamed"].as_u64().unwrap() >= 1, "{summary}");
    in_runs.articles("named", third);
    in_runs.index(&root);
    assert_eq!(speaker_facet(&in_runs), speaker_facet(&at_once));
}
