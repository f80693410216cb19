//! A real Quickwit 0.9.0 for the tests: the binary kept in
//! `../shared/engines/` (next to the repository) is unpacked once per test
//! process, and each [`Node`] runs `quickwit run` on free loopback ports
//! with its own node config and data folder, as `../shared/engines/README.md`
//! describes. Nodes are killed (SIGKILL, by PID) when dropped.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::net::{TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long a node may take to answer `GET /health/readyz` with 200.
pub const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// The compressed binary, relative to the repository.
fn archive() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/engines/quickwit-0.9.0-x86_64-linux.xz")
}

/// Whether the Quickwit binary is on this machine. Only its absence lets a
/// test skip; once it is here, a node that does not start is a failure.
pub fn available() -> bool {
    archive().is_file()
}

/// The unpacked `quickwit`, unpacked on first use (once per process).
pub fn binary() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY
        .get_or_init(|| {
            let archive = archive();
            assert!(
                archive.is_file(),
                "{} is missing (check quickwit::available() first)",
                archive.display()
            );
            let started = Instant::now();
            let dir = tempfile::Builder::new()
                .prefix("newsdex-quickwit-bin-")
                .tempdir()
                .expect("a temporary folder for the quickwit binary")
                .keep();
            remove_at_exit(&dir);
            let path = dir.join("quickwit");
            let out = File::create(&path).unwrap();
            let status = Command::new("xz")
                .arg("-dc")
                .arg(&archive)
                .stdout(out)
                .status()
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot run `xz -dc {}` ({e}): install xz (xz-utils) to unpack Quickwit \
                         for the remote engine tests",
                        archive.display()
                    )
                });
            assert!(
                status.success(),
                "`xz -dc {}` failed ({status})",
                archive.display()
            );
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
            eprintln!(
                "quickwit: unpacked {} ({} MB) in {:.1} s",
                path.display(),
                fs::metadata(&path).map_or(0, |m| m.len() >> 20),
                started.elapsed().as_secs_f64()
            );
            path
        })
        .clone()
}

/// Folders removed when the test process exits (the unpacked binary, and
/// indexes shared by several tests), which statics never drop.
pub fn remove_at_exit(path: &Path) {
    static PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static REGISTERED: OnceLock<()> = OnceLock::new();
    extern "C" fn remove_all() {
        if let Ok(paths) = PATHS.lock() {
            for path in paths.iter() {
                let _ = fs::remove_dir_all(path);
            }
        }
    }
    unsafe extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    REGISTERED.get_or_init(|| {
        // SAFETY: `remove_all` is a plain function that lives as long as the
        // process; atexit only records it.
        unsafe {
            atexit(remove_all);
        }
    });
    PATHS.lock().unwrap().push(path.to_path_buf());
}

/// A port P with P (TCP and UDP: REST and gossip) and P+1 (TCP: gRPC)
/// free on 127.0.0.1 at the moment of asking.
fn free_ports() -> u16 {
    for _ in 0..200 {
        let Ok(listener) = TcpListener::bind("127.0.0.1:0") else {
            continue;
        };
        let port = listener.local_addr().unwrap().port();
        if port == u16::MAX {
            continue;
        }
        let grpc = TcpListener::bind(("127.0.0.1", port + 1));
        let gossip = UdpSocket::bind(("127.0.0.1", port));
        if grpc.is_ok() && gossip.is_ok() {
            return port;
        }
    }
    panic!("found no two free consecutive loopback ports in 200 tries");
}

/// What a node's config says.
#[derive(Debug, Clone)]
struct Config {
    cluster_id: String,
    node_id: String,
    port: u16,
    /// Where the first node keeps its metastore and splits (shared by
    /// nodes that join it).
    shared: PathBuf,
    /// `127.0.0.1:GOSSIP` of the node to join.
    peer: Option<String>,
    /// `enabled_services`, when not all of them.
    services: Option<&'static str>,
}

impl Config {
    fn yaml(&self, data: &Path) -> String {
        let port = self.port;
        let shared = self.shared.display();
        let mut yaml = format!(
            "version: 0.8\n\
             cluster_id: {cluster}\n\
             node_id: {node}\n\
             listen_address: 127.0.0.1\n\
             advertise_address: 127.0.0.1\n\
             rest:\n  listen_port: {port}\n\
             grpc_listen_port: {grpc}\n\
             gossip_listen_port: {port}\n\
             data_dir: {data}\n\
             metastore_uri: file://{shared}/indexes\n\
             default_index_root_uri: file://{shared}/indexes\n",
            cluster = self.cluster_id,
            node = self.node_id,
            grpc = port + 1,
            data = data.display(),
        );
        if let Some(peer) = &self.peer {
            yaml.push_str(&format!("peer_seeds:\n  - {peer}\n"));
        }
        if let Some(services) = self.services {
            yaml.push_str(&format!("enabled_services: [{services}]\n"));
        }
        yaml
    }
}

/// One `quickwit run`, with its config, data folder and log in a
/// temporary folder.
pub struct Node {
    child: Option<Child>,
    config: Config,
    config_path: PathBuf,
    log: PathBuf,
    dir: tempfile::TempDir,
}

impl Node {
    /// A node that forms a cluster of its own.
    pub fn start() -> Node {
        let n = next_number();
        let dir = node_dir();
        let config = Config {
            cluster_id: format!("newsdex-test-{}-{n}", std::process::id()),
            node_id: "n1".into(),
            port: free_ports(),
            shared: dir.path().join("qwdata"),
            peer: None,
            services: None,
        };
        Node::launch(config, dir)
    }

    /// A second node in `first`'s cluster (its own id, ports and data
    /// folder; the first's metastore and index root), running the searcher
    /// service only. With every service, as a lone node runs, each node
    /// keeps its own copy of the file-backed metastore (which takes one
    /// writer) and a control plane of its own: measured with 0.9.0, the
    /// joined node then answered 0 hits for an index the first held, and
    /// the first answered ingests with 503 "no shards available" for
    /// minutes. A searcher reaches the first node's metastore over gRPC.
    pub fn join(first: &Node) -> Node {
        let config = Config {
            cluster_id: first.config.cluster_id.clone(),
            node_id: format!("{}-joined-{}", first.config.node_id, next_number()),
            port: free_ports(),
            shared: first.config.shared.clone(),
            peer: Some(format!("127.0.0.1:{}", first.config.port)),
            services: Some("searcher"),
        };
        Node::launch(config, node_dir())
    }

    fn launch(config: Config, dir: tempfile::TempDir) -> Node {
        let data = dir.path().join("qwdata");
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(&config.shared).unwrap();
        let config_path = dir.path().join("node.yaml");
        fs::write(&config_path, config.yaml(&data)).unwrap();
        let log = dir.path().join("quickwit.log");
        let mut node = Node {
            child: None,
            config,
            config_path,
            log,
            dir,
        };
        node.spawn_and_wait();
        node
    }

    fn spawn_and_wait(&mut self) {
        let binary = binary();
        let started = Instant::now();
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let child = Command::new(&binary)
            .arg("--no-color")
            .arg("run")
            .arg("--config")
            .arg(&self.config_path)
            .env("QW_DISABLE_TELEMETRY", "1")
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        self.child = Some(child);
        loop {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                self.child = None;
                panic!(
                    "quickwit node {} exited during startup ({status}); its log ends:\n{}",
                    self.config.node_id,
                    self.log_tail(60)
                );
            }
            if matches!(self.get("/health/readyz"), Ok((200, _))) {
                break;
            }
            if started.elapsed() > READY_TIMEOUT {
                let tail = self.log_tail(60);
                self.kill();
                panic!(
                    "quickwit node {} at {} was not ready within {} s; its log ends:\n{tail}",
                    self.config.node_id,
                    self.url(),
                    READY_TIMEOUT.as_secs()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        eprintln!(
            "quickwit: node {} ready at {} in {:.1} s",
            self.config.node_id,
            self.url(),
            started.elapsed().as_secs_f64()
        );
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.config.port)
    }

    /// The gossip (and REST) port, which a joining node names as its peer.
    pub fn port(&self) -> u16 {
        self.config.port
    }

    pub fn node_id(&self) -> &str {
        &self.config.node_id
    }

    /// Kills the node with SIGKILL (by PID) and reaps it.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the node again on the same ports, config and data folder.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn_and_wait();
    }

    /// The last `lines` lines of the node's log.
    pub fn log_tail(&self, lines: usize) -> String {
        let Ok(mut file) = File::open(&self.log) else {
            return "(no log)".into();
        };
        let len = file.metadata().map_or(0, |m| m.len());
        let _ = file.seek(SeekFrom::Start(len.saturating_sub(64 * 1024)));
        let mut bytes = Vec::new();
        let _ = file.read_to_end(&mut bytes);
        let text = String::from_utf8_lossy(&bytes);
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    pub fn get(&self, path: &str) -> Result<(u16, String), String> {
        call(agent().get(format!("{}{path}", self.url())).call())
    }

    pub fn delete(&self, path: &str) -> Result<(u16, String), String> {
        call(agent().delete(format!("{}{path}", self.url())).call())
    }

    pub fn post_json(&self, path: &str, body: &Value) -> Result<(u16, String), String> {
        call(
            agent()
                .post(format!("{}{path}", self.url()))
                .header("Content-Type", "application/json")
                .send(body.to_string().as_bytes()),
        )
    }

    /// A GET answered 200 with JSON.
    pub fn get_json(&self, path: &str) -> Result<Value, String> {
        json_200(self.get(path))
    }

    /// A POST answered 200 with JSON.
    pub fn post_json_200(&self, path: &str, body: &Value) -> Result<Value, String> {
        json_200(self.post_json(path, body))
    }

    /// Documents the index holds (searchable ones), by the search API.
    pub fn count(&self, index: &str) -> Result<u64, String> {
        let answer = self.get_json(&format!("/api/v1/{index}/search?query=*&max_hits=0"))?;
        answer["num_hits"]
            .as_u64()
            .ok_or_else(|| format!("no num_hits in {answer}"))
    }

    /// Published splits of the index.
    pub fn published_splits(&self, index: &str) -> Result<usize, String> {
        let answer = self.get_json(&format!(
            "/api/v1/indexes/{index}/splits?split_states=Published"
        ))?;
        answer["splits"]
            .as_array()
            .map(Vec::len)
            .ok_or_else(|| format!("no splits array in {answer}"))
    }

    /// Nodes this node sees in its cluster (`GET /api/v1/cluster`).
    pub fn cluster_nodes(&self) -> Result<Vec<String>, String> {
        let answer = self.get_json("/api/v1/cluster")?;
        let mut ids: Vec<String> = answer["ready_nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n["node_id"].as_str().map(str::to_string))
            .collect();
        ids.sort();
        Ok(ids)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Numbers for cluster and node ids, distinct within the process.
fn next_number() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn node_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("newsdex-quickwit-node-")
        .tempdir()
        .unwrap()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(5)))
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn call(
    result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<(u16, String), String> {
    let mut response = result.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(512 * 1024 * 1024)
        .read_to_string()
        .map_err(|e| e.to_string())?;
    Ok((status, body))
}

fn json_200(answer: Result<(u16, String), String>) -> Result<Value, String> {
    let (status, body) = answer?;
    if status != 200 {
        let excerpt: String = body.chars().take(500).collect();
        return Err(format!("HTTP {status}: {excerpt}"));
    }
    serde_json::from_str(&body).map_err(|e| format!("not JSON ({e}): {body:.300}"))
}
