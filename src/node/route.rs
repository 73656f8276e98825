//! The output router of a node: carries the output and news of every process running here to
//! the process's home, in the order it was written. At home it goes straight to the job table;
//! to another home it goes over one QUIC stream per process and stay ([`Request::Output`]).
//!
//! Nothing is dropped when the home is out of reach: every frame is kept until the home says
//! it holds it (an acknowledgement on the output stream, or the home's heartbeat), and all that
//! is kept is sent again on a new stream when the old one broke. The home ignores outputs it
//! holds already, so sending twice is harmless. What is kept for one process is bounded in
//! memory and spilled to disk beyond ([`Kept`]).

use super::Node;
use super::kept::Kept;
use super::process::Outbound;
use anyhow::Result;
use phantom_transport::control::{Home, Request};
use phantom_transport::frame::{read_message, write_message};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tracing::{info, warn};

/// How long frames of a process that left or ended are kept for a home that does not answer.
const KEEP_AFTER_LEFT: Duration = Duration::from_secs(7 * 24 * 3600);

/// One process's way home.
#[derive(Debug)]
struct Route {
    home: String,
    run: u32,
    stream: Option<quinn::SendStream>,
    /// Whether a stream is being opened.
    opening: bool,
    /// Frames the home has not acknowledged, oldest first.
    kept: Kept,
    /// How many of `kept` went out on the current stream.
    sent: usize,
    /// When the process left or ended here (then the route ends once all is acknowledged).
    over: Option<Instant>,
    /// The last acknowledgement, and since when it has not moved while frames it lacks were
    /// out on the stream: a stream stalled that long goes to a home that restarted.
    last_held: u64,
    stalled_since: Option<Instant>,
}

/// How long opening an output stream may take.
const OPEN_LIMIT: Duration = Duration::from_secs(5);

/// How long acknowledgements may stall, with frames out, before the stream is opened anew.
const STALL: Duration = Duration::from_secs(3);

/// What the router hears from its helpers.
enum Event {
    Opened(String, u32, Result<quinn::SendStream>),
}

/// The router: runs for the node's life.
pub(super) async fn run(node: Arc<Node>, mut routed: UnboundedReceiver<Outbound>) {
    let mut routes: HashMap<String, Route> = HashMap::new();
    let (events_tx, mut events) = unbounded_channel::<Event>();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            route = routed.recv() => {
                let Some(route) = route else { return };
                handle(&node, &mut routes, &events_tx, route).await;
            }
            Some(Event::Opened(id, run, opened)) = events.recv() => {
                let Some(r) = routes.get_mut(&id) else { continue };
                if r.run != run {
                    continue;
                }
                r.opening = false;
                match opened {
                    Ok(s) => {
                        tracing::debug!(job = %id, home = %r.home, frames = r.kept.len(), "output stream opened");
                        r.stream = Some(s);
                        r.sent = 0;
                        pump(&id, r).await;
                    }
                    Err(e) => warn!(job = %id, home = %r.home, "the home is out of reach; its output is kept: {e:#}"),
                }
            }
            _ = tick.tick() => {
                routes.retain(|id, r| {
                    let expired = r.over.is_some_and(|t| t.elapsed() > KEEP_AFTER_LEFT);
                    if expired && !r.kept.is_empty() {
                        warn!(job = %id, home = %r.home, frames = r.kept.len(), "the home never took this output; given up");
                    }
                    !(r.over.is_some() && (r.kept.is_empty() || expired))
                });
                for (id, r) in routes.iter_mut() {
                    if r.stream.is_none() && !r.kept.is_empty() {
                        open(&node, id, r, &events_tx);
                    }
                }
            }
        }
    }
}

async fn handle(
    node: &Arc<Node>,
    routes: &mut HashMap<String, Route>,
    events: &UnboundedSender<Event>,
    route: Outbound,
) {
    match route {
        Outbound::Pending(answer) => {
            let _ = answer.send(routes.values().map(|r| r.kept.len()).sum());
        }
        Outbound::Left(id) => {
            if let Some(r) = routes.get_mut(&id) {
                r.over = Some(Instant::now());
            }
        }
        Outbound::Forget(id) => {
            if let Some(mut r) = routes.remove(&id)
                && let Some(mut s) = r.stream.take()
            {
                let _ = s.finish();
            }
        }
        Outbound::Ack { id, held } => {
            let Some(r) = routes.get_mut(&id) else { return };
            let gone = r.kept.acknowledge(held);
            r.sent = r.sent.saturating_sub(gone);
            if held != r.last_held || r.sent == 0 {
                r.last_held = held;
                r.stalled_since = None;
            } else if r.stalled_since.get_or_insert_with(Instant::now).elapsed() > STALL {
                warn!(job = %id, home = %r.home, "the home takes nothing from the output stream; opening another");
                if let Some(mut s) = r.stream.take() {
                    let _ = s.finish();
                }
                r.sent = 0;
                r.stalled_since = None;
                open(node, &id, r, events);
            }
            if r.over.is_some() && r.kept.is_empty() {
                if let Some(mut s) = r.stream.take() {
                    let _ = s.finish();
                }
                routes.remove(&id);
            } else if r.kept.refill() && r.stream.is_some() {
                pump(&id, r).await;
            }
        }
        Outbound::Home {
            id,
            home,
            run,
            what,
        } => {
            if let Home::Exited {
                status, outputs, ..
            } = &what
            {
                let mut processes = node.lock_processes();
                if processes.get(&id).is_some_and(|p| p.run == run) {
                    processes.remove(&id);
                    info!(job = %id, status, "exited");
                }
                if home != node.name() {
                    let mut finished = node.finished.lock().unwrap_or_else(|e| e.into_inner());
                    if finished.len() > 10_000 {
                        finished.clear();
                    }
                    finished.insert(id.clone(), (run, *status, *outputs));
                }
            }
            if home == node.name() {
                let exited = matches!(what, Home::Exited { .. });
                if !node.deliver_home(&id, run, what) && !exited {
                    // A run the home no longer wants (killed, or restarted): stop it.
                    let _ = node
                        .control(&id, run, phantom_transport::control::JobAction::Kill)
                        .await;
                }
                return;
            }
            let spill = node.config.state.join("spill");
            let fresh = |home: String| Route {
                kept: Kept::new(&spill, &format!("{id}-{run}")),
                home,
                run,
                stream: None,
                opening: false,
                sent: 0,
                over: None,
                last_held: 0,
                stalled_since: None,
            };
            let r = routes
                .entry(id.clone())
                .or_insert_with(|| fresh(home.clone()));
            if r.run != run {
                // A new run of the job here: start afresh.
                *r = fresh(home);
            }
            match what {
                Home::Exited { .. } => r.over = Some(Instant::now()),
                // Back here (same run): the route serves a process again.
                Home::Arrived { .. } => r.over = None,
                Home::Output { .. } => {}
            }
            if !r.kept.push(what) {
                warn!(job = %id, home = %r.home, "too much output kept for an unreachable home; this is given up");
            }
            if r.stream.is_some() {
                pump(&id, r).await;
            } else {
                open(node, &id, r, events);
            }
        }
    }
}

/// Writes what the current stream has not carried yet.
async fn pump(id: &str, r: &mut Route) {
    let Some(stream) = r.stream.as_mut() else {
        return;
    };
    loop {
        while r.sent < r.kept.memory().len() {
            if let Err(e) = write_message(stream, &r.kept.memory()[r.sent]).await {
                warn!(job = %id, home = %r.home, "output to the home broke; it is kept and sent again: {e}");
                r.stream = None;
                r.sent = 0;
                return;
            }
            r.sent += 1;
        }
        // Frames spilled to disk come back as the home acknowledges those in memory.
        if !r.kept.refill() {
            return;
        }
    }
}

/// Opens a stream to the process's home in the background, unless one is being opened.
fn open(node: &Arc<Node>, id: &str, r: &mut Route, events: &UnboundedSender<Event>) {
    if r.opening {
        return;
    }
    r.opening = true;
    let node = node.clone();
    let id = id.to_string();
    let home = r.home.clone();
    let run = r.run;
    let events = events.clone();
    tokio::spawn(async move {
        // Bounded: a connection to a peer that died and came back may hang until its idle
        // timeout; the next tick tries again.
        let opened = tokio::time::timeout(OPEN_LIMIT, open_stream(&node, &home, &id, run))
            .await
            .unwrap_or_else(|_| Err(anyhow::anyhow!("opening a stream to {home} timed out")));
        let _ = events.send(Event::Opened(id, run, opened));
    });
}

async fn open_stream(
    node: &Arc<Node>,
    home: &str,
    id: &str,
    run: u32,
) -> Result<quinn::SendStream> {
    let connection = node.connection(home).await?;
    let (mut send, mut recv) = connection.open_bi().await?;
    write_message(
        &mut send,
        &Request::Output {
            id: id.to_string(),
            run,
        },
    )
    .await?;
    // The home acknowledges what it holds on the way back.
    let routes = node.routes.clone();
    let id = id.to_string();
    tokio::spawn(async move {
        while let Ok(Some(held)) = read_message::<u64>(&mut recv, 64).await {
            let _ = routes.send(Outbound::Ack {
                id: id.clone(),
                held,
            });
        }
    });
    Ok(send)
}
