//! Shared by the tests that drive `newsdex serve`: a server over an index of
//! the bundled corpus on a free loopback port, and a plain HTTP client.

#![allow(dead_code)] // each test crate uses its own part

pub mod fake_engine;
pub mod quickwit;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Served {
    pub child: Child,
    pub addr: String,
    pub index: PathBuf,
    _dir: tempfile::TempDir,
    pub stderr: BufReader<std::process::ChildStderr>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn newsdex() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
}

/// Indexes corpus/ and starts a server on port 0; reads the address it
/// reports.
pub fn serve() -> Served {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let status = newsdex()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let (child, addr, stderr) = spawn_server(newsdex().arg("--index").arg(&index));
    Served {
        child,
        addr,
        index,
        _dir: dir,
        stderr,
    }
}

/// Starts `newsdex serve` on port 0 with `command` (the binary and its
/// global options); returns it, the address it reports and its stderr.
pub fn spawn_server(
    command: &mut Command,
) -> (Child, String, BufReader<std::process::ChildStderr>) {
    let mut child = command
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (child, addr, stderr)
}

/// One HTTP/1.1 request; returns status and body.
pub fn request(addr: &str, method: &str, target: &str) -> (u16, String) {
    try_request(addr, method, target).unwrap()
}

/// Like [`request`], with an error when nothing answers.
pub fn try_request(addr: &str, method: &str, target: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let (head, body) = response
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no HTTP head"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no HTTP status"))?;
    Ok((status, body.to_string()))
}
