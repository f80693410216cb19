//! `newsdex serve` over real HTTP: a server started by each test on a free
//! loopback port, over an index of the bundled corpus.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{newsdex, request, serve};
use serde_json::Value;

fn get_json(addr: &str, target: &str) -> (u16, Value) {
    let (status, body) = request(addr, "GET", target);
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (status, json)
}

fn cli_json(index: &Path, args: &[&str]) -> Value {
    let out = newsdex()
        .arg("--index")
        .arg(index)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_api_answers_with_the_json_of_the_commands() {
    let served = serve();
    let (status, api) = get_json(
        &served.addr,
        "/api/search?q=minister&facets=speaker,place&limit=5",
    );
    assert_eq!(status, 200);
    let cli = cli_json(
        &served.index,
        &[
            "search",
            "minister",
            "--facet",
            "speaker,place",
            "--limit",
            "5",
        ],
    );
    assert_eq!(api, cli);
    assert!(api["total"].as_u64().unwrap() > 0, "{api}");

    let id = api["hits"][0]["id"].as_str().unwrap().to_string();
    let (status, article) = get_json(&served.addr, &format!("/api/article/{id}"));
    assert_eq!(status, 200);
    assert_eq!(article, cli_json(&served.index, &["show", &id]));

    // Filters as parameters, encoded as a browser would.
    let (status, filtered) = get_json(&served.addr, "/api/search?q=*&source=Reuters&limit=0");
    assert_eq!(status, 200);
    let cli = cli_json(
        &served.index,
        &["search", "*", "--source", "Reuters", "--limit", "0"],
    );
    assert_eq!(filtered["total"], cli["total"]);

    let (status, stats) = get_json(&served.addr, "/api/stats");
    assert_eq!(status, 200);
    assert_eq!(stats["documents"], 18);
    let (status, facets) = get_json(&served.addr, "/api/facets/place");
    assert_eq!(status, 200);
    assert_eq!(facets, cli_json(&served.index, &["facets", "place"]));
    for target in [
        "/api/quotes?q=said",
        "/api/timeline?by=year",
        "/api/kwic?phrase=minister",
        &format!("/api/similar/{id}"),
    ] {
        assert_eq!(get_json(&served.addr, target).0, 200, "{target}");
    }
}

#[test]
fn every_documented_endpoint_answers() {
    let served = serve();
    let (status, spec) = get_json(&served.addr, "/api/openapi.json");
    assert_eq!(status, 200);
    let (_, hits) = get_json(&served.addr, "/api/search?q=minister&limit=1");
    let id = hits["hits"][0]["id"].as_str().unwrap().to_string();
    for path in spec["paths"].as_object().unwrap().keys() {
        let target = path
            .replace("{id}", &id)
            .replace("{field}", "speaker")
            .replace("/api/kwic", "/api/kwic?phrase=minister")
            // Terms of every article have nothing to be set apart from.
            .replace("/api/terms", "/api/terms?q=minister")
            .replace("{kind}", "speaker?name=Vandamme");
        assert_eq!(get_json(&served.addr, &target).0, 200, "{target}");
    }
}

#[test]
fn errors_are_json_with_the_status_that_fits() {
    let served = serve();
    let (status, body) = get_json(&served.addr, "/api/search?q=title%3A%28");
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().contains("title:("),
        "{body}"
    );
    let (status, body) = get_json(&served.addr, "/api/article/0000000000000000");
    assert_eq!(status, 404);
    assert!(
        body["error"].as_str().unwrap().contains("no article"),
        "{body}"
    );
    assert_eq!(get_json(&served.addr, "/api/nothing").0, 404);
    assert_eq!(get_json(&served.addr, "/api/search?limit=5000").0, 400);
    assert_eq!(get_json(&served.addr, "/api/search?facets=body").0, 400);
    assert_eq!(
        get_json(&served.addr, "/api/facets/place?drill=Atlantis").0,
        404
    );
    assert_eq!(request(&served.addr, "POST", "/api/search?q=oil").0, 405);
    let long = format!("/api/search?q={}", "a".repeat(9_000));
    assert_eq!(request(&served.addr, "GET", &long).0, 414);
}

#[test]
fn concurrent_clients_are_all_answered() {
    let served = serve();
    let addr = served.addr.clone();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let targets = [
                    "/api/search?q=minister",
                    "/api/stats",
                    "/api/facets/speaker",
                ];
                (0..15)
                    .map(|i| request(&addr, "GET", targets[(t + i) % targets.len()]).0)
                    .filter(|&status| status == 200)
                    .count()
            })
        })
        .collect();
    let answered: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(answered, 8 * 15);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let mut served = serve();
    assert_eq!(get_json(&served.addr, "/api/stats").0, 200);
    let pid = served.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running after Ctrl-C"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    let mut rest = String::new();
    served.stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
}

#[test]
fn the_analysis_api_answers_as_the_commands_do() {
    let served = serve();
    let pairs: [(&str, &[&str]); 6] = [
        (
            "/api/terms?q=minister+OR+water&limit=10",
            &["terms", "minister OR water", "-n", "10"],
        ),
        (
            "/api/terms?q=*&speaker=Vandamme&field=quote",
            &["terms", "--speaker", "Vandamme", "--field", "quote"],
        ),
        (
            "/api/profile/speaker?name=Vandamme",
            &["profile", "speaker", "Vandamme"],
        ),
        (
            "/api/profile/place?name=Croatia&by=year",
            &["profile", "place", "Croatia", "--by", "year"],
        ),
        (
            "/api/network?nodes=speaker%2Bplace&top=20",
            &["network", "--nodes", "speaker+place", "--top", "20"],
        ),
        ("/api/map?q=water", &["map", "water"]),
    ];
    for (target, args) in pairs {
        let (status, api) = get_json(&served.addr, target);
        assert_eq!(status, 200, "{target}: {api}");
        assert_eq!(api, cli_json(&served.index, args), "{target}");
    }
    let (status, body) = request(&served.addr, "GET", "/api/network?format=graphml&top=10");
    assert_eq!(status, 200);
    assert!(body.contains("<graphml"), "{body}");
    let (status, body) = request(&served.addr, "GET", "/api/map?q=water&format=svg");
    assert_eq!(status, 200);
    assert!(body.contains("<svg") && body.contains("</svg>"));
    for bad in [
        "/api/terms?field=headline",
        "/api/profile/author?name=x",
        "/api/profile/speaker",
        "/api/network?nodes=author",
        "/api/map?format=png",
        "/api/terms",
    ] {
        let (status, answer) = get_json(&served.addr, bad);
        assert_eq!(status, 400, "{bad}: {answer}");
        assert!(
            answer["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{bad}"
        );
    }
}

#[test]
fn every_quote_the_api_gives_says_whether_it_is_direct_or_reported() {
    let served = serve();
    let is_kind = |q: &Value| q["direct"].is_boolean() && q["text"].is_string();
    // An article with both kinds (UNESCO's words are reported).
    let (_, hits) = get_json(&served.addr, "/api/search?q=heritage+careful&limit=1");
    let hit = &hits["hits"][0];
    assert_eq!(hit["snippet_direct"], false, "{hit}");
    let id = hit["id"].as_str().unwrap();
    let (_, article) = get_json(&served.addr, &format!("/api/article/{id}"));
    let quotes = article["quotes"].as_array().unwrap();
    assert!(quotes.iter().all(is_kind), "{quotes:?}");
    assert!(quotes.iter().any(|q| q["direct"] == true), "{quotes:?}");
    assert!(quotes.iter().any(|q| q["direct"] == false), "{quotes:?}");
    let (_, listed) = get_json(&served.addr, &format!("/api/quotes?q=id:{id}&limit=100"));
    assert_eq!(listed["quotes"].as_array().unwrap().len(), quotes.len());
    assert!(listed["quotes"].as_array().unwrap().iter().all(is_kind));
    let (_, profile) = get_json(&served.addr, "/api/profile/speaker?name=UNESCO");
    let latest = profile["latest_quotes"].as_array().unwrap();
    assert!(
        !latest.is_empty() && latest.iter().all(is_kind),
        "{profile}"
    );
}
