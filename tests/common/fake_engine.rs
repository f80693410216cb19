//! A loopback HTTP server that plays an engine in contract tests: it
//! records every request and answers with what the test's handler returns.

use std::sync::{Arc, Mutex};

/// One request as the engine received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, e.g. `/api/v1/news/ingest?commit=auto`.
    pub url: String,
    pub content_type: Option<String>,
    pub authorization: Option<String>,
    pub body: String,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or_default()
    }
}

type Handler = Box<dyn FnMut(&Recorded) -> (u16, String) + Send>;

pub struct FakeEngine {
    pub base: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    /// Headers added to every answer from now on (e.g. `Retry-After`).
    pub headers: Arc<Mutex<Vec<(String, String)>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeEngine {
    pub fn start(mut handler: Handler) -> FakeEngine {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let headers: Arc<Mutex<Vec<(String, String)>>> = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let server = Arc::clone(&server);
            let requests = Arc::clone(&requests);
            let headers = Arc::clone(&headers);
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let header = |name: &'static str| {
                        request
                            .headers()
                            .iter()
                            .find(|h| h.field.equiv(name))
                            .map(|h| h.value.to_string())
                    };
                    let mut recorded = Recorded {
                        method: request.method().to_string(),
                        url: request.url().to_string(),
                        content_type: header("Content-Type"),
                        authorization: header("Authorization"),
                        body: String::new(),
                    };
                    request
                        .as_reader()
                        .read_to_string(&mut recorded.body)
                        .unwrap();
                    let (status, body) = handler(&recorded);
                    requests.lock().unwrap().push(recorded);
                    let content_type = tiny_http::Header::from_bytes(
                        &b"Content-Type"[..],
                        &b"application/json"[..],
                    )
                    .unwrap();
                    let mut response = tiny_http::Response::from_string(body)
                        .with_status_code(status)
                        .with_header(content_type);
                    for (name, value) in headers.lock().unwrap().iter() {
                        let header =
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                .unwrap();
                        response = response.with_header(header);
                    }
                    let _ = request.respond(response);
                }
            })
        };
        FakeEngine {
            base: format!("http://127.0.0.1:{port}"),
            requests,
            headers,
            server,
            thread: Some(thread),
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// The recorded requests with this method whose path starts with `prefix`.
    pub fn matching(&self, method: &str, prefix: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path().starts_with(prefix))
            .collect()
    }
}

impl Drop for FakeEngine {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
