//! A fake HTTP file server on 127.0.0.1 for the release tests (`#[path]`-included by
//! tests/release_scripts.rs and tests/install_to_note.rs): a Generic Package Registry where
//! PUT stores a body under its URL path (201; 401 without the right `JOB-TOKEN`) and GET
//! serves what is stored (404 otherwise). Every request is logged. Plain std, one thread.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The job token PUTs must carry.
pub const TOKEN: &str = "glcbt-test-job-token-7f3a";

/// One request the fake registry received.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub job_token: Option<String>,
    /// A `JOB-TOKEN`, `PRIVATE-TOKEN` or `Authorization` header was sent.
    pub any_auth: bool,
    pub body: Vec<u8>,
}

#[derive(Default)]
pub struct State {
    /// Stored files by URL path.
    pub files: BTreeMap<String, Vec<u8>>,
    pub log: Vec<Logged>,
    /// Answer every PUT with this status instead of storing the file.
    pub put_status: Option<u16>,
}

/// A fake Generic Package Registry on 127.0.0.1: PUT stores the body under the URL path
/// (201; 401 without the right `JOB-TOKEN`), GET serves what is stored (404 otherwise).
pub struct Registry {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl Registry {
    pub fn start() -> Registry {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // A broken request only ends that connection.
                let _ = serve(stream, &shared);
            }
        });
        Registry { addr, state }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn api_url(&self) -> String {
        format!("{}/api/v4", self.url())
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = BTreeMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    if headers
        .get("expect")
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
    {
        writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;

    let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
    let job_token = headers.get("job-token").cloned();
    state.log.push(Logged {
        method: method.clone(),
        path: path.clone(),
        job_token: job_token.clone(),
        any_auth: ["job-token", "private-token", "authorization"]
            .iter()
            .any(|h| headers.contains_key(*h)),
        body: body.clone(),
    });
    let (status, reply) = match method.as_str() {
        "PUT" if job_token.as_deref() != Some(TOKEN) => (401, b"{\"message\":\"401\"}".to_vec()),
        "PUT" => match state.put_status {
            Some(status) => (status, b"{\"message\":\"no\"}".to_vec()),
            None => {
                state.files.insert(path, body);
                (201, b"{\"message\":\"201 Created\"}".to_vec())
            }
        },
        "GET" => match state.files.get(&path) {
            Some(file) => (200, file.clone()),
            None => (404, b"{\"message\":\"404 Not Found\"}".to_vec()),
        },
        _ => (405, Vec::new()),
    };
    drop(state);
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.len()
    );
    writer.write_all(head.as_bytes())?;
    writer.write_all(&reply)?;
    writer.flush()
}
