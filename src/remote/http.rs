//! Requests to an engine, with retries.
//!
//! An engine under load says so — Quickwit and OpenSearch answer 429 when
//! their queues are full, 503 while a node starts or shards move — and a
//! proxy in front of them may answer 502 or 504. Those answers and dropped
//! connections are retried after a delay that doubles each time (or what
//! `Retry-After` asks), so a long push survives a busy cluster; every other
//! answer is returned as it is for the caller to judge.

use std::time::Duration;

use crate::error::{Error, Result};

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// Delay before the first retry; doubled for each further one.
    pub first_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            attempts: 8,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The delay before retry number `retry` (1 for the first).
    pub fn delay(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.first_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// An engine's answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub body: String,
    /// How long a busy engine asks to be left alone (`Retry-After`).
    pub retry_after: Option<Duration>,
}

impl Response {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Busy, or still starting: worth asking again. A Quickwit node that
    /// has just (re)started answers searches with a 500 until its searcher
    /// has joined the cluster.
    pub fn is_transient(&self) -> bool {
        is_transient(self.status)
            || (self.status == 500 && self.body.contains("no available searcher nodes"))
    }

    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_str(&self.body).map_err(|e| {
            Error::Remote(format!(
                "the engine answered with something other than JSON ({e}): {}",
                excerpt(&self.body)
            ))
        })
    }

    /// The engine's own words for a failure: its `message` or `error.reason`.
    pub fn reason(&self) -> String {
        let json: Option<serde_json::Value> = serde_json::from_str(&self.body).ok();
        let said = json.as_ref().and_then(|j| {
            j.get("message")
                .or_else(|| j.pointer("/error/root_cause/0/reason"))
                .or_else(|| j.pointer("/error/reason"))
                .or_else(|| j.get("error"))
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        });
        format!(
            "HTTP {}: {}",
            self.status,
            said.unwrap_or_else(|| excerpt(&self.body))
        )
    }
}

fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// One HTTP request.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
}

impl<'a> Request<'a> {
    pub fn get(url: &'a str) -> Request<'a> {
        Request {
            method: "GET",
            url,
            content_type: None,
            body: &[],
        }
    }

    pub fn with_body(
        method: &'a str,
        url: &'a str,
        content_type: &'a str,
        body: &'a [u8],
    ) -> Request<'a> {
        Request {
            method,
            url,
            content_type: Some(content_type),
            body,
        }
    }
}

/// What a caller hears about a retry (for a progress line).
#[derive(Debug, Clone)]
pub struct Retrying {
    pub retry: u32,
    pub delay: Duration,
    /// Why: the status and the engine's reason, or the connection error.
    pub why: String,
    /// The try got no answer after the request may have reached the engine
    /// (a broken connection, a timeout): it may have been acted on.
    pub unanswered: bool,
}

/// A client for one engine.
pub struct Client {
    agent: ureq::Agent,
    /// `Authorization` for a URL with `user:password@`.
    authorization: Option<String>,
    pub retry: RetryPolicy,
    /// The engine has answered this client once: a refused connection
    /// after that is a node restarting (worth waiting for); before it, a
    /// wrong address or a stopped engine (worth saying at once).
    answered: std::cell::Cell<bool>,
}

/// Why no answer came.
enum NoAnswer {
    /// Nothing listens at the address, or the host name is unknown.
    Unreachable(Error),
    /// The connection broke or timed out: the engine may be busy.
    Lost(Error),
}

impl Client {
    pub fn new(authorization: Option<String>, retry: RetryPolicy) -> Client {
        let config = ureq::Agent::config_builder()
            // Statuses are the caller's to judge, bodies included.
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            // A bulk request that takes longer than this is stuck.
            .timeout_global(Some(Duration::from_secs(300)))
            .build();
        Client {
            agent: config.into(),
            authorization,
            retry,
            answered: std::cell::Cell::new(false),
        }
    }

    /// Sends once; an error only when no answer came.
    pub fn send(&self, request: &Request) -> Result<Response> {
        self.try_send(request).map_err(|e| match e {
            NoAnswer::Unreachable(e) | NoAnswer::Lost(e) => e,
        })
    }

    fn try_send(&self, request: &Request) -> std::result::Result<Response, NoAnswer> {
        let mut builder = ureq::http::Request::builder()
            .method(request.method)
            .uri(request.url);
        if let Some(content_type) = request.content_type {
            builder = builder.header("Content-Type", content_type);
        }
        if let Some(authorization) = &self.authorization {
            builder = builder.header("Authorization", authorization);
        }
        let http_request = builder.body(request.body.to_vec()).map_err(|e| {
            NoAnswer::Unreachable(Error::Remote(format!(
                "bad request to {}: {e}",
                request.url
            )))
        })?;
        let mut response = self.agent.run(http_request).map_err(|e| {
            let unreachable = match &e {
                ureq::Error::Io(io) => matches!(
                    io.kind(),
                    std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::AddrNotAvailable
                ),
                ureq::Error::HostNotFound | ureq::Error::BadUri(_) => true,
                _ => false,
            };
            let error = Error::Remote(format!(
                "no answer from {} {}: {e}",
                request.method, request.url
            ));
            if unreachable {
                NoAnswer::Unreachable(error)
            } else {
                NoAnswer::Lost(error)
            }
        })?;
        self.answered.set(true);
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(retry_after);
        let body = response
            .body_mut()
            .with_config()
            .lossy_utf8(true)
            .read_to_string()
            .map_err(|e| {
                NoAnswer::Lost(Error::Remote(format!(
                    "reading the answer from {}: {e}",
                    request.url
                )))
            })?;
        Ok(Response {
            status,
            body,
            retry_after,
        })
    }

    /// Sends, retrying dropped connections and 429/502/503/504 answers
    /// with exponential backoff; returns the last answer. A refused
    /// connection is retried only once the engine has answered before.
    pub fn send_with_retries(
        &self,
        request: &Request,
        on_retry: &mut dyn FnMut(&Retrying),
    ) -> Result<Response> {
        let mut retry = 0;
        loop {
            let mut unanswered = false;
            let outcome = match self.try_send(request) {
                // Nothing has ever answered at this address: waiting will
                // not change that, and a user should hear it now.
                Err(NoAnswer::Unreachable(e)) if !self.answered.get() => {
                    return Err(Error::Remote(format!(
                        "{e}; is the engine running at that address?"
                    )));
                }
                Err(NoAnswer::Unreachable(e)) => Err(e),
                Err(NoAnswer::Lost(e)) => {
                    unanswered = true;
                    Err(e)
                }
                Ok(response) => Ok(response),
            };
            let why = match &outcome {
                Ok(response) if response.is_transient() => response.reason(),
                Err(e) => e.to_string(),
                Ok(_) => return outcome,
            };
            retry += 1;
            if retry >= self.retry.attempts {
                return match outcome {
                    Ok(response) => Ok(response),
                    Err(e) => {
                        let message = format!("{e} (gave up after {} tries)", self.retry.attempts);
                        Err(if unanswered {
                            Error::RemoteUnanswered(message)
                        } else {
                            Error::Remote(message)
                        })
                    }
                };
            }
            // The engine's own estimate when it gives one, within the cap.
            let asked = outcome.as_ref().ok().and_then(|r| r.retry_after);
            let delay =
                asked.map_or_else(|| self.retry.delay(retry), |d| d.min(self.retry.max_delay));
            on_retry(&Retrying {
                retry,
                delay,
                why,
                unanswered,
            });
            std::thread::sleep(delay);
        }
    }
}

/// `Retry-After` in seconds (its HTTP-date form is left to the backoff).
fn retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Answers worth retrying: the engine or a proxy is busy, not wrong.
pub fn is_transient(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// `Basic` credentials for `user:password`.
pub fn basic_authorization(user_info: &str) -> String {
    format!("Basic {}", base64(user_info.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> shift & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let policy = RetryPolicy {
            attempts: 10,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(3),
        };
        let delays: Vec<u128> = (1..=5).map(|r| policy.delay(r).as_millis()).collect();
        assert_eq!(delays, [500, 1000, 2000, 3000, 3000]);
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        assert_eq!(retry_after(" 3"), Some(Duration::from_secs(3)));
        assert_eq!(retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None);
    }

    #[test]
    fn basic_credentials_are_base64() {
        assert_eq!(basic_authorization("admin:admin"), "Basic YWRtaW46YWRtaW4=");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn reasons_come_from_either_engines_error_shape() {
        let quickwit = Response {
            status: 429,
            body: r#"{"message":"rate limited: wal full"}"#.into(),
            retry_after: None,
        };
        assert_eq!(quickwit.reason(), "HTTP 429: rate limited: wal full");
        let opensearch = Response {
            status: 400,
            body:
                r#"{"error":{"root_cause":[{"reason":"bad mapping"}],"reason":"x"},"status":400}"#
                    .into(),
            retry_after: None,
        };
        assert_eq!(opensearch.reason(), "HTTP 400: bad mapping");
    }
}
