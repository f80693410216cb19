//! HTTP/1.1 for `serve`: what a read-only JSON API and its page need, with
//! every resource a client can hold on to bounded.
//!
//! tiny_http, which served before, cannot bound them (read in its 0.12
//! source): it reads a request head without a limit, so a header line that
//! never ends grows a buffer until memory runs out; it waits for a silent
//! client forever, one thread each; and its accept loop stops for good at
//! the first failed accept (out of file descriptors), leaving a server that
//! answers nothing. It has no setting for any of these. Here:
//!
//! - a request head (request line and headers) holds at most
//!   [`MAX_HEAD_BYTES`]: beyond, 431 and the connection is closed;
//! - the head must arrive within [`HEAD_TIMEOUT`] of its first byte
//!   (a client sending a byte now and then, "slowloris"): 408, closed;
//! - a connection waiting for a request is closed after [`IDLE_TIMEOUT`];
//! - a client must take its response within [`WRITE_TIMEOUT`];
//! - at most [`MAX_CONNECTIONS`] connections are open at once: one more is
//!   answered 503 and closed;
//! - a request with a body (the API takes none) is answered 413, closed.
//!
//! Each connection has a thread, which reads its requests; the requests
//! themselves are answered at most `threads` at a time (`Server::run`), so
//! slow clients hold threads but never the searcher.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use super::Answer;

/// Longest request head (request line and headers), in bytes. Browsers
/// send under 2 KB; the longest target the API takes is 8 KB
/// (`MAX_URL_BYTES`).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Time for a request head to arrive, from its first byte.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a connection may wait for its next request (or its first).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Time a client has to take a response.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections open at once. Each holds a thread, which a client that is
/// slow or idle holds up to the timeouts above.
pub const MAX_CONNECTIONS: usize = 1_024;

/// A request, as far as the API reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// Path and query string, as sent.
    pub target: String,
    /// A body follows the head (`Content-Length` above 0, or
    /// `Transfer-Encoding`).
    pub has_body: bool,
    /// The client keeps the connection for another request.
    pub keep_alive: bool,
}

/// Time and bytes read after a last answer before the connection is
/// closed (see [`Connection::send`]).
const LINGER: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 64 * 1024;

/// One client's connection: requests in, answers out.
pub struct Connection {
    stream: TcpStream,
    /// Bytes read and not yet taken: the start of the next request.
    pending: Vec<u8>,
    /// Read what the client still sends before closing.
    linger: bool,
}

impl Connection {
    pub fn new(stream: TcpStream) -> io::Result<Connection> {
        stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
        // Responses are written whole, head and body together.
        let _ = stream.set_nodelay(true);
        Ok(Connection {
            stream,
            pending: Vec::new(),
            linger: true,
        })
    }

    /// The next request; `Err` with the answer for one that cannot be
    /// read (then the connection is to be closed); `None` when the client
    /// has gone, or has sent nothing for [`IDLE_TIMEOUT`].
    pub fn next_request(&mut self) -> Option<Result<Request, Answer>> {
        if self.pending.is_empty() {
            match self.read_some(IDLE_TIMEOUT) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
        }
        let deadline = Instant::now() + HEAD_TIMEOUT;
        loop {
            if let Some(end) = head_end(&self.pending) {
                if end > MAX_HEAD_BYTES {
                    return Some(Err(head_too_large()));
                }
                let head: Vec<u8> = self.pending.drain(..end).collect();
                return Some(parse_head(&head));
            }
            if self.pending.len() > MAX_HEAD_BYTES {
                return Some(Err(head_too_large()));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Some(Err(head_too_slow()));
            }
            match self.read_some(left) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) if is_timeout(&err) => return Some(Err(head_too_slow())),
                Err(_) => return None,
            }
        }
    }

    /// Reads what has come, waiting at most `timeout` for it.
    fn read_some(&mut self, timeout: Duration) -> io::Result<usize> {
        self.stream
            .set_read_timeout(Some(timeout.max(Duration::from_millis(1))))?;
        let mut buffer = [0; 4096];
        let n = self.stream.read(&mut buffer)?;
        self.pending.extend_from_slice(&buffer[..n]);
        Ok(n)
    }

    /// Writes `answer` (its head only for HEAD); closes the connection
    /// unless `keep_alive`.
    pub fn send(&mut self, answer: &Answer, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let mut out = Vec::with_capacity(512 + answer.body.len());
        write!(
            out,
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n",
            answer.status,
            reason(answer.status),
            answer.content_type,
            answer.body.len()
        )?;
        for (name, value) in HEADERS {
            write!(out, "{name}: {value}\r\n")?;
        }
        if answer.status == 405 {
            out.extend_from_slice(b"Allow: GET, HEAD\r\n");
        }
        if !keep_alive {
            out.extend_from_slice(b"Connection: close\r\n");
        }
        out.extend_from_slice(b"\r\n");
        if !head_only {
            out.extend_from_slice(&answer.body);
        }
        let written = self
            .stream
            .write_all(&out)
            .and_then(|()| self.stream.flush());
        if !keep_alive {
            let _ = self.stream.shutdown(Shutdown::Write);
            if self.linger {
                self.drain();
            }
        }
        written
    }

    /// Reads and drops what the client still sends, for a moment: closing
    /// a socket with bytes unread (the rest of a head too large, a body)
    /// resets the connection, and the client may lose the answer with it.
    fn drain(&mut self) {
        let until = Instant::now() + LINGER;
        let mut buffer = [0; 4096];
        let mut left = LINGER_BYTES;
        while left > 0 {
            let wait = until.saturating_duration_since(Instant::now());
            if wait.is_zero() || self.stream.set_read_timeout(Some(wait)).is_err() {
                break;
            }
            match self.stream.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    }
}

/// Headers of every response.
const HEADERS: [(&str, &str); 4] = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    (
        "Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline'",
    ),
    ("Server", "newsdex"),
];

/// Answers a connection beyond [`MAX_CONNECTIONS`] and closes it.
pub fn refuse(stream: TcpStream) {
    if let Ok(mut connection) = Connection::new(stream) {
        // Answered on the accepting thread: nothing may hold it.
        connection.linger = false;
        let _ = connection
            .stream
            .set_write_timeout(Some(Duration::from_secs(1)));
        let answer = Answer::error(
            503,
            &format!("the server holds {MAX_CONNECTIONS} connections already; try again"),
        );
        let _ = connection.send(&answer, false, false);
    }
}

fn head_too_large() -> Answer {
    Answer::error(
        431,
        &format!("request head (request line and headers) over {MAX_HEAD_BYTES} bytes"),
    )
}

fn head_too_slow() -> Answer {
    Answer::error(
        408,
        &format!(
            "the request head did not arrive within {} s",
            HEAD_TIMEOUT.as_secs()
        ),
    )
}

fn is_timeout(err: &io::Error) -> bool {
    // A socket's read timeout is EAGAIN on Unix, a timeout on Windows.
    matches!(
        err.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Where the head in `bytes` ends (after its blank line), if it does.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4);
    // Bare line feeds, which RFC 9112 lets a server accept.
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|at| at + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Reads a request head: request line, then headers.
fn parse_head(head: &[u8]) -> Result<Request, Answer> {
    let bad = |message: &str| Answer::error(400, message);
    let text = std::str::from_utf8(head).map_err(|_| bad("the request head is not UTF-8"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    let http_10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        v if v.starts_with("HTTP/") => {
            return Err(Answer::error(505, "this server speaks HTTP/1.0 and 1.1"));
        }
        _ => return Err(bad("malformed request line")),
    };
    if method.is_empty() || target.is_empty() {
        return Err(bad("malformed request line"));
    }
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        has_body: false,
        keep_alive: !http_10,
    };
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| bad("malformed header"))?;
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => {
                let length: u64 = value.parse().map_err(|_| bad("malformed Content-Length"))?;
                request.has_body |= length > 0;
            }
            "transfer-encoding" => request.has_body = true,
            "connection" => {
                let value = value.to_ascii_lowercase();
                if value.split(',').any(|t| t.trim() == "close") {
                    request.keep_alive = false;
                } else if value.split(',').any(|t| t.trim() == "keep-alive") {
                    request.keep_alive = true;
                }
            }
            _ => {}
        }
    }
    Ok(request)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_read_with_their_keep_alive_and_body() {
        let request = parse_head(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(request.target, "/api/stats");
        assert!(request.keep_alive && !request.has_body);
        let request = parse_head(b"GET / HTTP/1.0\r\nContent-Length: 3\r\n\r\n").unwrap();
        assert!(!request.keep_alive && request.has_body);
        let request = parse_head(b"HEAD / HTTP/1.1\nConnection: Keep-Alive, close\n\n").unwrap();
        assert!(!request.keep_alive);
        assert_eq!(parse_head(b"GET /\r\n\r\n").unwrap_err().status, 400);
        assert_eq!(
            parse_head(b"GET / HTTP/2.0\r\n\r\n").unwrap_err().status,
            505
        );
        assert_eq!(
            parse_head(b"GET / HTTP/1.1\r\nno colon\r\n\r\n")
                .unwrap_err()
                .status,
            400
        );
    }

    #[test]
    fn a_head_ends_at_its_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nGET"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }
}
