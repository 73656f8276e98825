//! A node's graceful stop (SIGTERM, or `phantom drain NODE`), and policy reloads (SIGHUP).
//!
//! A draining node takes no new submissions or migrations. It moves each process it runs to a
//! peer that the placement rules admit, trying them least busy first; a process no peer takes
//! is checkpointed to its home, which restarts it from that checkpoint at once (a job whose
//! home is this node restarts when the node starts again: its checkpoint is in the store).
//! Then the node waits (bounded) until the homes hold every output it kept for them, and
//! exits. Jobs whose home is this node and that run elsewhere go on running; their output is
//! kept for this node until it is back.

use super::Node;
use anyhow::{Result, anyhow};
use phantom_transport::control::{Reply, Request};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tracing::{info, warn};

/// Longest a drain waits for homes to take the output kept for them.
const OUTPUT_WAIT: Duration = Duration::from_secs(15);

impl Node {
    /// Whether the node is stopping.
    pub(crate) fn is_draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    /// Hands every process on, then returns (the node then exits).
    pub(crate) async fn drain(self: &Arc<Self>) {
        if self.draining.swap(true, Ordering::SeqCst) {
            return;
        }
        let started = Instant::now();
        info!("draining: moving this node's processes away");
        let ids: Vec<String> = self.lock_processes().keys().cloned().collect();
        let (mut moved, mut handed_home) = (0, 0);
        for id in ids {
            match self.hand_on(&id).await {
                Ok(true) => moved += 1,
                Ok(false) => handed_home += 1,
                Err(e) => warn!(job = %id, "could not hand the process on: {e:#}"),
            }
        }
        let waiting_since = Instant::now();
        loop {
            let (tx, rx) = tokio::sync::oneshot::channel();
            let _ = self.routes.send(super::process::Outbound::Pending(tx));
            let kept = rx.await.unwrap_or(0);
            if kept == 0 {
                break;
            }
            if waiting_since.elapsed() > OUTPUT_WAIT {
                warn!(
                    frames = kept,
                    "homes did not take all output kept for them; it is lost with this node"
                );
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.flush().await;
        info!(
            moved,
            handed_home,
            ms = started.elapsed().as_millis() as u64,
            "drained"
        );
    }

    /// Moves one process to a peer (true), or checkpoints it home and stops it here (false).
    async fn hand_on(self: &Arc<Self>, id: &str) -> Result<bool> {
        let Some((main, label)) = self
            .lock_processes()
            .get(id)
            .map(|p| (p.main.clone(), p.label.clone()))
        else {
            return Err(anyhow!("it ended"));
        };
        for peer in super::balance::admitted_peers(self, &main, label.as_deref()) {
            match super::migrate::out(self, id, &peer).await {
                Ok(_) => {
                    info!(job = %id, to = %peer, "handed on");
                    return Ok(true);
                }
                Err(e) => warn!(job = %id, to = %peer, "moving it failed: {e:#}"),
            }
        }
        self.checkpoint(id).await?;
        let (home, run) = self
            .lock_processes()
            .get(id)
            .map(|p| (p.home.clone(), p.run))
            .ok_or_else(|| anyhow!("it ended"))?;
        if home == self.name() {
            // Its home is here: it restarts from the checkpoint when this node starts again.
            self.stop(id, run);
        } else {
            let request = Request::Abandon {
                id: id.to_string(),
                run,
            };
            match tokio::time::timeout(Duration::from_secs(10), self.ask(&home, &request)).await {
                Ok(Ok(Reply::Done)) => {}
                Ok(Ok(other)) => warn!(job = %id, %home, "the home answered {other:?}"),
                Ok(Err(e)) => warn!(job = %id, %home, "the home is unreachable: {e:#}"),
                Err(_) => warn!(job = %id, %home, "the home did not answer"),
            }
            self.stop(id, run);
        }
        info!(job = %id, %home, "checkpointed home");
        Ok(false)
    }

    /// A request to drain `name`: this node, or passed on to it.
    pub(crate) async fn drain_request(self: &Arc<Self>, name: &str) -> Reply {
        if name == self.name() {
            self.drain().await;
            // Exits once the answer is out.
            let node = self.clone();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(300)).await;
                node.stopped.notify_one();
            });
            return Reply::Done;
        }
        if self.config.peer(name).is_none() {
            return Reply::Error {
                message: format!("no node named {name:?} in {}'s configuration", self.name()),
            };
        }
        let request = Request::Drain {
            node: name.to_string(),
        };
        match tokio::time::timeout(Duration::from_secs(300), self.ask(name, &request)).await {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => Reply::Error {
                message: format!("{name} is unreachable: {e:#}"),
            },
            Err(_) => Reply::Error {
                message: format!("{name} did not finish draining in 300 s"),
            },
        }
    }
}

/// Runs until the node is to exit: SIGTERM or SIGINT drain it first; SIGHUP reloads the
/// policy; a drain asked over the network ends it too.
pub(super) async fn signals(node: Arc<Node>) -> Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut hup = signal(SignalKind::hangup())?;
    loop {
        tokio::select! {
            _ = term.recv() => {
                info!("SIGTERM: draining, then stopping");
                node.drain().await;
                return Ok(());
            }
            _ = int.recv() => {
                info!("SIGINT: draining, then stopping");
                node.drain().await;
                return Ok(());
            }
            _ = hup.recv() => super::balance::reload(&node),
            _ = node.stopped.notified() => return Ok(()),
        }
    }
}
