//! The page of `newsdex serve` in a real browser: headless Chromium driven
//! through WebDriver (Debian's `chromium` and `chromium-driver`; `.ci/run`
//! installs them when missing). Says "skipped" when they are absent.
//!
//! Screenshots of each step are saved under the target folder's
//! `browser-screenshots/`.

mod common;

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    addr: String,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = call(
            &self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One WebDriver command; returns its `value`.
fn call(addr: &str, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    // chromedriver keeps connections open: read the body by its length.
    let mut reader = std::io::BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().map_err(|_| line.to_string())?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    let body = String::from_utf8_lossy(&body);
    let value: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
    if value["value"]["error"].is_string() {
        return Err(value["value"].to_string());
    }
    Ok(value["value"].clone())
}

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn start_driver() -> Option<Driver> {
    if !on_path("chromedriver") || !on_path("chromium") {
        eprintln!(
            "skipped: chromium and chromedriver not found (apt-get install chromium chromium-driver)"
        );
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let addr = format!("127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while call(&addr, "GET", "/status", None).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let capabilities = json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900"]
        }
    }}});
    let session = call(&addr, "POST", "/session", Some(capabilities)).unwrap();
    Some(Driver {
        child,
        addr,
        session: session["sessionId"].as_str().unwrap().to_string(),
    })
}

impl Driver {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        call(&self.addr, method, &path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn script(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    fn find(&self, css: &str) -> String {
        let found = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    /// Clicks the element `css` selects. A panel the page re-renders (the
    /// facets arrive after the hits) may replace the element between
    /// finding and clicking it: then it is found again, as a user's second
    /// click would find it.
    fn click(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let element = self.find(css);
            let path = format!("/session/{}/element/{element}/click", self.session);
            match call(&self.addr, "POST", &path, Some(json!({}))) {
                Ok(_) => return,
                Err(e) if e.contains("stale element") && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => panic!("POST {path}: {e}"),
            }
        }
    }

    fn url(&self) -> String {
        self.cmd("GET", "/url", None).as_str().unwrap().to_string()
    }

    /// Waits until `script` returns true.
    fn wait_for(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.script(script) != json!(true) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn screenshot(&self, name: &str) {
        let data = self.cmd("GET", "/screenshot", None);
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), base64(data.as_str().unwrap())).unwrap();
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=' && c != b'\n').collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

fn number(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

#[test]
fn search_narrow_by_a_speaker_open_an_article_and_go_back() {
    let Some(driver) = start_driver() else {
        return;
    };
    let served = common::serve();
    driver.cmd(
        "POST",
        "/url",
        Some(json!({"url": format!("http://{}/", served.addr)})),
    );
    // Type a query and search.
    let input = driver.find("#q");
    driver.cmd(
        "POST",
        &format!("/element/{input}/value"),
        Some(json!({"text": "minister"})),
    );
    // The page lists articles before any search: wait for this search's
    // own rendering, not for those (under load the old list is still up).
    driver.script("window.newsdexRendered = 0; return true");
    driver.click("#search button");
    driver.wait_for(
        "hits",
        "return window.newsdexRendered > 0 && location.search.includes('q=minister') \
         && document.querySelectorAll('.hit').length > 0",
    );
    assert!(driver.url().contains("q=minister"), "{}", driver.url());
    let hits = number(&driver.script("return document.querySelectorAll('.hit').length"));
    let marked = driver.script("return document.querySelector('.hit mark').textContent");
    assert!(
        marked
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with("minister"),
        "{marked}"
    );
    driver.screenshot("1-search.png");

    // A speaker of the speaker facet narrows the list and lands in the URL.
    let speaker =
        driver.script("return document.querySelector('#facets a.facet.speaker').textContent");
    let speaker = speaker.as_str().unwrap().to_string();
    driver.script("window.newsdexRendered = 0; return true");
    driver.click("#facets a.facet.speaker");
    driver.wait_for(
        "the speaker filter",
        "return window.newsdexRendered > 0 && location.search.includes('speaker=') \
         && document.querySelector('#active .chip') !== null \
         && document.querySelectorAll('.hit').length > 0",
    );
    let narrowed = number(&driver.script("return document.querySelectorAll('.hit').length"));
    assert!(narrowed <= hits, "{narrowed} > {hits}");
    let active = driver.script("return document.querySelector('#active .chip').textContent");
    assert!(active.as_str().unwrap().contains(&speaker), "{active}");
    let every_hit_has_the_speaker = driver.script(&format!(
        "return [...document.querySelectorAll('.hit')].every(h => h.textContent.includes({}))",
        json!(speaker)
    ));
    assert_eq!(every_hit_has_the_speaker, json!(true));
    driver.screenshot("2-speaker.png");

    // Open the first article.
    let title = driver.script("return document.querySelector('.hit h3 a').textContent");
    driver.click(".hit h3 a");
    driver.wait_for(
        "the article",
        "return !document.querySelector('#article').hidden && document.querySelector('#article .body') !== null",
    );
    assert!(driver.url().contains("article="), "{}", driver.url());
    assert_eq!(
        driver.script("return document.querySelector('#article .title').textContent"),
        title
    );
    let body = driver.script("return document.querySelector('#article .body').textContent.length");
    assert!(number(&body) > 200, "{body}");
    // Its quotes are marked with their speakers, its places marked too.
    let quotes = driver.script(
        "return [...document.querySelectorAll('#article .quote')].map(q => q.dataset.speaker)",
    );
    assert!(
        quotes
            .as_array()
            .is_some_and(|q| q.iter().any(|s| s == &json!(speaker))),
        "{quotes}"
    );
    let places = driver.script("return document.querySelectorAll('#article .place-name').length");
    assert!(number(&places) > 0, "{places}");
    driver.screenshot("3-article.png");

    // Back: the filtered results again, from the URL.
    driver.cmd("POST", "/back", Some(json!({})));
    driver.wait_for(
        "the results again",
        "return !location.search.includes('article=') && document.querySelectorAll('.hit').length > 0",
    );
    assert!(driver.url().contains("speaker="), "{}", driver.url());
    assert_eq!(
        number(&driver.script("return document.querySelectorAll('.hit').length")),
        narrowed
    );

    // Places drill down: a continent, then a country within it.
    driver.click("#places li a");
    driver.wait_for(
        "the drill-down",
        "return location.search.includes('drill=') && document.querySelector('#places .meta').textContent.includes('›')",
    );
    assert!(driver.url().contains("place="), "{}", driver.url());
    driver.screenshot("4-places.png");

    // A query that does not parse is explained inline.
    let url = format!("http://{}/?q=title%3A%28", served.addr);
    driver.cmd("POST", "/url", Some(json!({"url": url})));
    driver.wait_for(
        "the error",
        "return document.querySelector('#error').textContent.includes('title:(')",
    );
    driver.screenshot("5-error.png");
}

#[test]
fn a_chip_opens_a_profile_and_a_co_quoted_speaker_opens_theirs() {
    let Some(driver) = start_driver() else {
        return;
    };
    let served = common::serve();
    let url = format!("http://{}/?q=Ljubljana", served.addr);
    driver.cmd("POST", "/url", Some(json!({"url": url})));
    driver.wait_for(
        "hits, the terms panel and the map",
        "return document.querySelectorAll('.hit').length > 0 \
         && document.querySelectorAll('#terms li').length > 0 \
         && document.querySelector('#map img') !== null",
    );
    driver.screenshot("6-terms-and-map.png");

    // A place chip opens the place's profile: its timeline and its terms.
    driver.click(".hit .chip.place");
    driver.wait_for(
        "the place profile",
        "return !document.querySelector('#profile').hidden \
         && document.querySelector('#profile .title') !== null",
    );
    assert!(driver.url().contains("profile=place"), "{}", driver.url());
    let bars = driver.script("return document.querySelectorAll('#profile-timeline div').length");
    assert!(number(&bars) > 0, "{bars}");
    let terms = driver.script("return document.querySelectorAll('#profile-terms .chip').length");
    assert!(number(&terms) > 0, "{terms}");
    driver.wait_for(
        "the graph of who is quoted together",
        "return document.querySelectorAll('#profile-graph svg .node').length > 1",
    );
    driver.screenshot("7-place-profile.png");

    // One of the speakers most quoted there opens their own profile.
    let speaker = driver
        .script("return document.querySelector('#profile-speakers a.chip.speaker').textContent");
    driver.click("#profile-speakers a.chip.speaker");
    driver.wait_for(
        "the speaker profile",
        "return location.search.includes('profile=speaker') \
         && document.querySelector('#profile .title') !== null \
         && document.querySelector('#profile-quotes') !== null",
    );
    assert_eq!(
        driver.script("return document.querySelector('#profile .title').textContent"),
        speaker
    );
    driver.screenshot("8-speaker-profile.png");
}

#[test]
fn direct_quotes_and_reported_speech_look_different_and_link_to_their_article() {
    let Some(driver) = start_driver() else {
        return;
    };
    let served = common::serve();
    let url = format!("http://{}/?profile=speaker%3AFolake%20Adeyemi", served.addr);
    driver.cmd("POST", "/url", Some(json!({"url": url})));
    driver.wait_for(
        "the latest quotes",
        "return document.querySelectorAll('#profile-quotes li').length > 0",
    );
    // Direct quotes in quotation marks; reported speech without them, labelled.
    let kinds = driver.script(
        "return [...document.querySelectorAll('#profile-quotes li')].map(li => ({ \
           direct: li.classList.contains('direct'), text: li.textContent, \
           label: li.querySelector('.kind') !== null, \
           link: li.querySelector('a[href*=\"article=\"]') !== null }))",
    );
    let kinds = kinds.as_array().unwrap();
    assert!(kinds.iter().any(|k| k["direct"] == true), "{kinds:?}");
    assert!(kinds.iter().any(|k| k["direct"] == false), "{kinds:?}");
    for k in kinds {
        let text = k["text"].as_str().unwrap();
        if k["direct"] == true {
            assert!(text.contains('“') && k["label"] == false, "{k}");
        } else {
            assert!(!text.contains('“') && k["label"] == true, "{k}");
        }
        assert_eq!(k["link"], true, "{k}");
    }
    driver.script("document.querySelector('#profile-quotes').scrollIntoView(); return true");
    driver.screenshot("9-quotes-in-a-profile.png");

    // The link opens the article, where each kind is marked its own way.
    driver.click("#profile-quotes li a");
    driver.wait_for(
        "the article",
        "return !document.querySelector('#article').hidden \
         && document.querySelector('#article .body') !== null",
    );
    let marked = driver.script(
        "return { direct: document.querySelectorAll('#article .quote.direct').length, \
           reported: [...document.querySelectorAll('#article .quote.reported')].map(q => q.dataset.label || '') }",
    );
    assert!(number(&marked["direct"]) > 0, "{marked}");
    let reported = marked["reported"].as_array().unwrap();
    assert!(
        reported.iter().any(|l| l == "Folake Adeyemi, reported"),
        "{marked}"
    );
    driver.screenshot("10-quotes-in-an-article.png");
}
