//! The node's status page, JSON API and metrics over HTTP (config key `http`; docs/operations.md).
//!
//! Interface:
//! - [`Feed`]: the node's recent events (migrations, balancer decisions and refusals, jobs
//!   submitted, restarted and ended), which `Node::event` adds to and peers read with
//!   `Request::Events`.
//! - [`serve`]: the HTTP server. `/` is the page (plain HTML, CSS and JavaScript inside the
//!   binary); `/api/nodes`, `/api/jobs`, `/api/jobs/{id}` and `/api/events` answer JSON;
//!   `/api/stream` is a server-sent event stream of `snapshot` (nodes and jobs, every second) and
//!   `feed` (each event of any node of the cluster) that the page lives on; `/metrics` is the
//!   Prometheus text format.
//!
//! Bound to loopback the server is open to the host's users, as a local port is; bound
//! elsewhere the configuration must name a token, which every request carries as
//! `Authorization: Bearer TOKEN` or `?token=TOKEN`.

use super::{ASK_BOUND, Node};
use anyhow::{Context, Result, bail};
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use phantom_transport::control::{FeedEvent, JobAction, Reply, Request as PeerRequest};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::{BroadcastStream, WatchStream};
use tracing::{info, warn};

/// Events a node keeps of its own, and of the whole cluster for its page.
const KEEP: usize = 500;

/// How often an open page gets a fresh snapshot and peers' events.
const TICK: Duration = Duration::from_secs(1);

/// How long a peer that did not answer for its events is left alone.
const DOWN_PEER_PAUSE: Duration = Duration::from_secs(5);

/// How long a peer that does not know the request (an older version) is left alone.
const OLD_PEER_PAUSE: Duration = Duration::from_secs(300);

/// A node's feed of events, and the cluster's as this node's page shows it.
#[derive(Debug)]
pub(crate) struct Feed {
    node: String,
    started_ms: i64,
    own: Mutex<(u64, VecDeque<FeedEvent>)>,
    cluster: Mutex<ClusterFeed>,
    /// Each event as JSON, for the open pages (a page that falls behind skips some).
    events: broadcast::Sender<Arc<str>>,
    /// The latest snapshot as JSON: a page that falls behind gets only the newest.
    snapshots: watch::Sender<Option<Arc<str>>>,
}

/// The events of every node this node has seen, and how far it has read each peer's.
#[derive(Debug, Default)]
struct ClusterFeed {
    events: VecDeque<FeedEvent>,
    /// Per peer: which life of it, and the last event number read.
    cursors: HashMap<String, (i64, u64)>,
    /// Peers not to ask for events before the given time (ones that did not answer, or that
    /// are of a version without the request).
    backoff: HashMap<String, Instant>,
}

impl Feed {
    pub(crate) fn new(node: &str) -> Feed {
        Feed {
            node: node.to_string(),
            started_ms: super::jobs::now_ms(),
            own: Mutex::new((0, VecDeque::new())),
            cluster: Mutex::new(ClusterFeed::default()),
            events: broadcast::channel(256).0,
            snapshots: watch::channel(None).0,
        }
    }

    /// Records an event of this node.
    pub(crate) fn push(&self, kind: &str, job: Option<&str>, text: String) {
        let event = {
            let mut own = self.own.lock().unwrap_or_else(|e| e.into_inner());
            own.0 += 1;
            let event = FeedEvent {
                node: self.node.clone(),
                seq: own.0,
                started_ms: self.started_ms,
                at_ms: super::jobs::now_ms(),
                kind: kind.to_string(),
                job: job.map(str::to_string),
                text,
            };
            own.1.push_back(event.clone());
            if own.1.len() > KEEP {
                own.1.pop_front();
            }
            event
        };
        self.add(vec![event]);
    }

    /// This node's events after `after` (all it keeps when `started_ms` is not this life's).
    pub(crate) fn after(&self, after: u64, started_ms: i64) -> Vec<FeedEvent> {
        let own = self.own.lock().unwrap_or_else(|e| e.into_inner());
        let after = if started_ms == self.started_ms {
            after
        } else {
            0
        };
        own.1.iter().filter(|e| e.seq > after).cloned().collect()
    }

    /// Adds events to the cluster's feed, in the order they happened, and tells the open pages.
    fn add(&self, events: Vec<FeedEvent>) {
        let mut cluster = self.cluster.lock().unwrap_or_else(|e| e.into_inner());
        for event in events {
            if let Ok(json) = serde_json::to_string(&event) {
                let _ = self.events.send(json.into());
            }
            let at = cluster.events.partition_point(|e| e.at_ms <= event.at_ms);
            cluster.events.insert(at, event);
            if cluster.events.len() > KEEP {
                cluster.events.pop_front();
            }
        }
    }

    /// Whether a page is open.
    fn watched(&self) -> bool {
        self.snapshots.receiver_count() > 0
    }

    fn cluster_events(&self) -> Vec<FeedEvent> {
        let cluster = self.cluster.lock().unwrap_or_else(|e| e.into_inner());
        cluster.events.iter().cloned().collect()
    }
}

/// Where the page's server listens, and the token it wants.
#[derive(Debug, Clone)]
pub(crate) struct HttpConfig {
    pub addr: SocketAddr,
    pub token: Option<String>,
}

impl HttpConfig {
    /// Checks that a server bound beyond loopback has a token.
    pub(crate) fn check(&self) -> Result<()> {
        if !self.addr.ip().is_loopback() && self.token.as_deref().is_none_or(str::is_empty) {
            bail!(
                "key `http`: {} is reachable from other hosts; set `http_token` (every request \
                 then carries it) or bind to 127.0.0.1",
                self.addr
            );
        }
        Ok(())
    }
}

/// The server's state.
#[derive(Clone, Debug)]
struct Web {
    node: Arc<Node>,
    token: Option<Arc<str>>,
}

/// Serves the page, the API and the metrics until the node stops.
pub(crate) async fn serve(node: Arc<Node>, http: HttpConfig) -> Result<()> {
    http.check()?;
    let listener = tokio::net::TcpListener::bind(http.addr)
        .await
        .map_err(|e| super::bind_error(e, http.addr, "http"))?;
    info!(addr = %listener.local_addr()?, "status page up");
    let web = Web {
        node: node.clone(),
        token: http.token.map(Into::into),
    };
    tokio::spawn(tick(node));
    let app = Router::new()
        .route("/", get(page))
        .route("/style.css", get(style))
        .route("/app.js", get(script))
        .route("/api/nodes", get(api_nodes))
        .route("/api/jobs", get(api_jobs))
        .route("/api/jobs/{id}", get(api_job))
        .route("/api/events", get(api_events))
        .route("/api/stream", get(api_stream))
        .route("/metrics", get(metrics))
        .layer(middleware::from_fn_with_state(web.clone(), guard))
        .with_state(web);
    axum::serve(listener, app)
        .await
        .context("serving the status page")
}

/// Refuses requests for data without the token, when there is one; without one, refuses
/// requests that name a host other than a loopback one (a page of another site that a
/// rebinding name points here).
async fn guard(State(web): State<Web>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The page itself holds no data: it loads, then asks for data with the token.
    let open = matches!(path, "/" | "/style.css" | "/app.js");
    let refusal = match &web.token {
        Some(token) if !open => {
            let bearer = request
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            let query =
                axum::extract::Query::<HashMap<String, String>>::try_from_uri(request.uri())
                    .ok()
                    .and_then(|q| q.0.get("token").cloned());
            let given = bearer.map(str::to_string).or(query);
            (!given.is_some_and(|g| same(g.as_bytes(), token.as_bytes()))).then_some((
                StatusCode::UNAUTHORIZED,
                "this status page wants its token: ?token=... or Authorization: Bearer ...\n",
            ))
        }
        Some(_) => None,
        None => {
            let host = request
                .headers()
                .get(header::HOST)
                .and_then(|v| v.to_str().ok());
            (!host.is_none_or(loopback_host)).then_some((
                StatusCode::FORBIDDEN,
                "this status page answers only requests to a loopback address (or set http_token)\n",
            ))
        }
    };
    match refusal {
        Some(answer) => answer.into_response(),
        None => next.run(request).await,
    }
}

/// Whether a `Host` header names this host's loopback: `localhost`, 127.x.y.z or `[::1]`,
/// with or without a port.
fn loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Compares secrets in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn page() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("web/index.html"),
    )
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("web/style.css"),
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("web/app.js"),
    )
}

async fn api_nodes(State(web): State<Web>) -> impl IntoResponse {
    Json(web.node.nodes(true).await)
}

/// The cluster at a glance: what `/api/jobs` answers and the page's snapshots carry.
#[derive(Debug, Serialize)]
struct Snapshot {
    /// The node that answers.
    node: String,
    at_ms: i64,
    nodes: Vec<phantom_transport::control::NodeInfo>,
    jobs: Vec<phantom_transport::control::ProcessInfo>,
    /// Nodes that did not answer in time.
    unreachable: Vec<String>,
}

async fn snapshot(node: &Arc<Node>) -> Snapshot {
    let (nodes, (jobs, unreachable)) = tokio::join!(node.nodes(true), node.ps(true));
    Snapshot {
        node: node.name().to_string(),
        at_ms: super::jobs::now_ms(),
        nodes,
        jobs,
        unreachable,
    }
}

async fn api_jobs(State(web): State<Web>) -> impl IntoResponse {
    Json(snapshot(&web.node).await)
}

async fn api_job(State(web): State<Web>, Path(id): Path<String>) -> Response {
    match web.node.job_action(&id, JobAction::Status).await {
        Reply::Job(info) => Json(info).into_response(),
        Reply::Error { message } => (StatusCode::NOT_FOUND, message + "\n").into_response(),
        other => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("unexpected answer {other:?}\n"),
        )
            .into_response(),
    }
}

async fn api_events(State(web): State<Web>) -> impl IntoResponse {
    Json(web.node.feed.cluster_events())
}

async fn api_stream(
    State(web): State<Web>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    // Subscribe first, so nothing falls between the backlog and the stream.
    let events = web.node.feed.events.subscribe();
    let mut snapshots = web.node.feed.snapshots.subscribe();
    let first = serde_json::to_string(&snapshot(&web.node).await).ok();
    snapshots.mark_unchanged();
    let backlog: Vec<Arc<str>> = web
        .node
        .feed
        .cluster_events()
        .iter()
        .filter_map(|e| serde_json::to_string(e).ok().map(Into::into))
        .collect();
    let snapshot_event = |json: &str| Event::default().event("snapshot").data(json);
    let feed_event = |json: &str| Event::default().event("feed").data(json);
    let head = tokio_stream::iter(
        first
            .iter()
            .map(|j| snapshot_event(j))
            .chain(backlog.iter().map(|j| feed_event(j)))
            .collect::<Vec<_>>(),
    );
    let later_snapshots = WatchStream::from_changes(snapshots)
        .filter_map(move |json| json.map(|j| snapshot_event(&j)));
    let later_events = BroadcastStream::new(events)
        .filter_map(Result::ok)
        .map(move |j| feed_event(&j));
    let stream = head
        .chain(later_snapshots.merge(later_events))
        .map(Ok::<_, Infallible>);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn metrics(State(web): State<Web>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        super::metrics::render(&web.node),
    )
}

/// While a page is open: a snapshot every second, and the peers' new events.
async fn tick(node: Arc<Node>) {
    let mut interval = tokio::time::interval(TICK);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        if !node.feed.watched() {
            continue;
        }
        let (snap, ()) = tokio::join!(snapshot(&node), read_peers(&node));
        if let Ok(json) = serde_json::to_string(&snap) {
            node.feed.snapshots.send_replace(Some(json.into()));
        }
    }
}

/// Reads each peer's events since the last read into the cluster's feed.
async fn read_peers(node: &Arc<Node>) {
    let now = Instant::now();
    let due: Vec<(String, (i64, u64))> = {
        let cluster = node.feed.cluster.lock().unwrap_or_else(|e| e.into_inner());
        node.config
            .peers
            .iter()
            .filter(|p| cluster.backoff.get(&p.name).is_none_or(|t| *t <= now))
            .map(|p| {
                let cursor = cluster.cursors.get(&p.name).copied().unwrap_or((0, 0));
                (p.name.clone(), cursor)
            })
            .collect()
    };
    let asks = due.into_iter().map(|(name, (started_ms, after))| {
        let node = node.clone();
        async move {
            let request = PeerRequest::Events { after, started_ms };
            let reply = tokio::time::timeout(ASK_BOUND, node.ask(&name, &request)).await;
            (name, reply)
        }
    });
    for (name, reply) in super::futures_join(asks).await {
        let pause = match reply {
            Ok(Ok(Reply::Events(events))) => {
                let mut fresh = Vec::new();
                {
                    let mut cluster = node.feed.cluster.lock().unwrap_or_else(|e| e.into_inner());
                    let cursor = cluster.cursors.entry(name.clone()).or_insert((0, 0));
                    for event in events {
                        // Another life of the peer starts its numbers again.
                        if event.started_ms != cursor.0 || event.seq > cursor.1 {
                            *cursor = (event.started_ms, event.seq);
                            fresh.push(event);
                        }
                    }
                }
                node.feed.add(fresh);
                None
            }
            // A node of a version without the request: ask again much later.
            Ok(Ok(other)) => {
                warn!(peer = %name, "events answered {other:?}");
                Some(OLD_PEER_PAUSE)
            }
            Ok(Err(e)) if format!("{e:#}").contains("without answering") => Some(OLD_PEER_PAUSE),
            // A peer that is down shows as unreachable in the snapshots.
            Ok(Err(_)) | Err(_) => Some(DOWN_PEER_PAUSE),
        };
        let mut cluster = node.feed.cluster.lock().unwrap_or_else(|e| e.into_inner());
        match pause {
            Some(p) => cluster.backoff.insert(name, Instant::now() + p),
            None => cluster.backoff.remove(&name),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_pass_without_a_token() {
        for host in [
            "localhost",
            "localhost:8001",
            "127.0.0.1:8001",
            "127.0.0.2",
            "[::1]:8001",
        ] {
            assert!(loopback_host(host), "{host}");
        }
        for host in ["evil.example:8001", "10.0.0.1:8001", "[2001:db8::1]:80", ""] {
            assert!(!loopback_host(host), "{host}");
        }
    }

    #[test]
    fn the_feed_keeps_events_in_order_and_peers_restart_their_numbers() {
        let feed = Feed::new("a");
        let event = |node: &str, started_ms, seq, at_ms| FeedEvent {
            node: node.into(),
            seq,
            started_ms,
            at_ms,
            kind: "submit".into(),
            job: None,
            text: String::new(),
        };
        feed.add(vec![
            event("b", 5, 1, 30),
            event("b", 5, 2, 10),
            event("c", 1, 1, 20),
        ]);
        let at: Vec<i64> = feed.cluster_events().iter().map(|e| e.at_ms).collect();
        assert_eq!(at, [10, 20, 30]);
        feed.push("end", Some("a-1"), "ended".into());
        assert_eq!(feed.after(0, feed.started_ms).len(), 1);
        assert_eq!(feed.after(1, feed.started_ms).len(), 0);
        // An asker that knew another life of this node gets everything.
        assert_eq!(feed.after(1, feed.started_ms - 1).len(), 1);
    }
}
