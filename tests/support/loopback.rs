//! A fake API's server on 127.0.0.1, under the fake GitLab (tests/common/mod.rs) and the
//! fake Zendesk (tests/zendesk_fake/mod.rs): one axum handler over the fake's state, on a
//! free port, served from a background thread with its own tokio runtime until the test
//! process ends. Each test binary that uses a fake `#[path]`-includes it as `loopback`.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::handler::Handler;

/// A running fake API with state `S` (what it holds and the requests it logged).
pub struct Fake<S> {
    pub addr: SocketAddr,
    state: Arc<Mutex<S>>,
}

impl<S: Send + 'static> Fake<S> {
    /// Serves `handler` (the router's fallback: it sees every request) over `state` on
    /// 127.0.0.1 (a free port) in a background thread; returns once it listens.
    pub fn serve<H, T>(state: S, handler: H) -> Self
    where
        H: Handler<T, Arc<Mutex<S>>>,
        T: 'static,
    {
        let state = Arc::new(Mutex::new(state));
        let app = axum::Router::new()
            .fallback(handler)
            .with_state(state.clone());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        let addr = rx.recv().unwrap();
        Self { addr, state }
    }

    /// The fake's state, to arrange answers or read the log.
    pub fn state(&self) -> MutexGuard<'_, S> {
        self.state.lock().unwrap()
    }
}
