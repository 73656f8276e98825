//! `phantom node`: the daemon of one host. It runs many processes at once, listens on QUIC with
//! mutual TLS, and serves submissions, `ps`, migration requests and migrations from its peers.
//! It is also the home of the processes submitted to it: their output comes back to it from
//! wherever they run, and it passes it on to the submitting client in order.

mod balance;
mod config;
mod drain;
mod files;
mod jobs;
mod kept;
mod metrics;
mod migrate;
mod precopy;
mod process;
mod route;
mod stdin;
mod store;
mod web;

use anyhow::{Context, Result, anyhow};
pub(crate) use config::NodeConfig;
use phantom_transport::control::{
    CheckpointFrame, ClassFile, Home, JobAction, MAX_CONTROL_FRAME, NodeInfo, ProcessInfo, Reply,
    Request,
};
use phantom_transport::frame::{read_message, write_message};
use phantom_transport::migration::{Decisions, Time};
use phantom_transport::pki::Peer;
use phantom_transport::quic::Endpoint;
use phantom_vm::Config;
use process::{Outbound, ProcessHandle};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tracing::{info, warn};

/// The architecture this node runs on, as `phantom ps` shows it.
pub(crate) const ARCH: &str = std::env::consts::ARCH;

/// A process this node runs.
#[derive(Debug)]
struct Proc {
    handle: ProcessHandle,
    main: String,
    /// The node its client submitted to, which relays its output.
    home: String,
    /// Which run of its job this is (see `jobs.rs`).
    run: u32,
    label: Option<String>,
    migrations: u32,
    /// When it started, on this node's clock in seconds (before it arrived, if it moved here).
    started_at: f64,
    /// When it started or arrived here, on this node's clock in seconds.
    resident_since: f64,
    /// The node a migration under way is taking it to.
    migrating_to: Option<String>,
    /// Class files its home has from this node's checkpoints, by SHA-256.
    home_has: std::collections::HashSet<[u8; 32]>,
    /// Instructions it had executed at its last checkpoint from this node.
    checkpointed_at: Option<u64>,
    /// The chain of incremental checkpoints its home holds from this node: bytes of its base
    /// and of the deltas since, and its session (docs/plans/precopy.md §3.8). None: the next
    /// one is a base.
    home_chain: Option<(u64, u64, [u8; 16])>,
    /// Whether `phantom hold` holds it (it stays held wherever it moves).
    user_held: bool,
}

/// A submission, as a client sent it.
#[derive(Debug)]
pub(crate) struct Job {
    main: String,
    args: Vec<String>,
    classes: Vec<ClassFile>,
    label: Option<String>,
    cwd: Option<String>,
    env: Vec<(String, String)>,
}

/// A node: its configuration, endpoint and processes.
pub(crate) struct Node {
    config: NodeConfig,
    endpoint: Endpoint,
    processes: Mutex<HashMap<String, Proc>>,
    /// Jobs whose home is here and that have not ended.
    homes: Mutex<HashMap<String, jobs::HomeEntry>>,
    /// The jobs whose home is here, durably.
    store: Arc<store::JobStore>,
    /// The store's writer thread.
    writes: Mutex<std::sync::mpsc::Sender<jobs::Write>>,
    /// Outputs of each live job the store holds for good.
    committed: jobs::Committed,
    /// Processes that ended here whose home is elsewhere: run, status, outputs.
    finished: Mutex<HashMap<String, (u32, i32, u64)>>,
    /// Class files by SHA-256: of programs submitted here and processes received.
    classes: Mutex<HashMap<[u8; 32], Arc<[u8]>>>,
    decisions: Mutex<Decisions>,
    /// Migrations in progress from here, to abort when a target in doubt asks about one.
    aborts: Mutex<HashMap<[u8; 16], tokio::sync::oneshot::Sender<()>>>,
    connections: tokio::sync::Mutex<HashMap<String, quinn::Connection>>,
    routes: UnboundedSender<Outbound>,
    /// File operations of processes running here, on their way to their homes.
    file_calls: UnboundedSender<files::FileCall>,
    /// Input fetches of processes running here, on their way to their homes.
    stdin_calls: UnboundedSender<stdin::StdinCall>,
    epoch: Instant,
    /// The cores processes may use, shared by their threads.
    cores: Arc<process::Cores>,
    cores_n: u32,
    balancer: Option<balance::Balancer>,
    /// Set when the node stops: it takes no new processes.
    draining: std::sync::atomic::AtomicBool,
    /// Notified when a drain asked over the network is over: the node exits.
    stopped: tokio::sync::Notify,
    /// Recent events, for the status page (`web.rs`).
    feed: web::Feed,
    /// Peers' architectures, as they last told them (`nodes`), for messages.
    peer_arch: Mutex<HashMap<String, String>>,
    /// Prometheus metrics (`metrics.rs`).
    metrics: metrics::Metrics,
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("name", &self.config.name)
            .finish()
    }
}

/// Runs a node until it is killed.
pub(crate) fn run(config_path: &std::path::Path) -> Result<i32> {
    let config = NodeConfig::load(config_path)?;
    config::init_logging(&config)?;
    let metrics = metrics::install()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the node's runtime")?;
    runtime.block_on(async move {
        let identity = config.identity()?;
        let balancer = match &config.policy {
            Some(path) => {
                let policy = phantom_balancer::Policy::load(path)
                    .map_err(|e| anyhow!("{e}"))
                    .with_context(|| format!("in policy file {}", path.display()))?;
                // Only the balancer needs the speed: a node without one starts at once.
                let speed_bps = tokio::task::spawn_blocking(balance::measure_speed)
                    .await
                    .context("measuring this host's speed")??;
                Some(balance::Balancer::new(
                    policy,
                    &config.name,
                    config.labels.clone(),
                    speed_bps,
                )?)
            }
            None => None,
        };
        let store = Arc::new(
            store::JobStore::open(&config.state.join("jobs.redb"))
                .context("opening the job store (key `state`)")?,
        );
        // Output spilled for homes before a restart belongs to processes that are gone.
        let _ = std::fs::remove_dir_all(config.state.join("spill"));
        let (writes, to_write) = std::sync::mpsc::channel();
        let committed = jobs::Committed::default();
        {
            let store = store.clone();
            let keep = config.keep_ended;
            let committed = committed.clone();
            std::thread::Builder::new()
                .name("job store".into())
                .spawn(move || jobs::writer(store, to_write, keep, committed))
                .context("starting the job store's writer")?;
        }
        let endpoint = Endpoint::bind(config.listen, &identity)
            .map_err(|e| bind_error(e, config.listen, "listen"))?;
        let config_name = config.name.clone();
        let (routes, routed) = unbounded_channel();
        let (file_calls, calls) = unbounded_channel();
        let (stdin_calls, input_calls) = unbounded_channel();
        let node = Arc::new(Node {
            endpoint,
            processes: Mutex::new(HashMap::new()),
            homes: Mutex::new(HashMap::new()),
            store,
            writes: Mutex::new(writes),
            committed,
            finished: Mutex::new(HashMap::new()),
            classes: Mutex::new(HashMap::new()),
            decisions: Mutex::new(Decisions::new(Duration::from_secs(7 * 24 * 3600))),
            aborts: Mutex::new(HashMap::new()),
            connections: tokio::sync::Mutex::new(HashMap::new()),
            routes,
            file_calls,
            stdin_calls,
            epoch: Instant::now(),
            cores: Arc::new(process::Cores::new(config.cores)),
            cores_n: config.cores,
            balancer,
            config,
            draining: std::sync::atomic::AtomicBool::new(false),
            stopped: tokio::sync::Notify::new(),
            feed: web::Feed::new(&config_name),
            peer_arch: Mutex::new(HashMap::new()),
            metrics,
        });
        info!(
            node = %node.config.name,
            arch = ARCH,
            listen = %node.endpoint.local_addr()?,
            peers = node.config.peers.len(),
            cores = node.cores_n,
            "node up"
        );
        node.recover().await.context("reading the job store")?;
        tokio::spawn(route::run(node.clone(), routed));
        tokio::spawn(node.clone().watch_loop());
        tokio::spawn(jobs::checkpoint_loop(node.clone()));
        tokio::spawn(files::serve_calls(node.clone(), calls));
        tokio::spawn(stdin::serve_calls(node.clone(), input_calls));
        tokio::spawn(balance::run(node.clone()));
        tokio::spawn(metrics::upkeep(node.clone()));
        if let Some(http) = node.config.http() {
            let node = node.clone();
            tokio::spawn(async move {
                if let Err(e) = web::serve(node, http).await {
                    tracing::error!("the status page is down: {e:#}");
                }
            });
        }
        {
            let node = node.clone();
            tokio::spawn(async move {
                // Once peers have reported their labels.
                tokio::time::sleep(Duration::from_secs(5)).await;
                balance::warn_unknown_labels(&node);
            });
        }
        tokio::select! {
            _ = node.clone().serve() => {}
            stopped = drain::signals(node.clone()) => stopped?,
        }
        info!(node = %node.config.name, "node stopped");
        Ok(0)
    })
}

impl Node {
    /// Now on the migration machines' clock.
    fn now(&self) -> Time {
        Time::from_micros(self.epoch.elapsed().as_micros() as u64)
    }

    fn name(&self) -> &str {
        &self.config.name
    }

    /// A peer's architecture, when known (from its load reports or its answer to `nodes`).
    fn arch_of(&self, peer: &str) -> Option<String> {
        balance::peer_host(self, peer)
            .map(|(arch, _)| arch)
            .or_else(|| {
                self.peer_arch
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(peer)
                    .cloned()
            })
    }

    /// Records an event for the status page's feed.
    fn event(&self, kind: &str, job: Option<&str>, text: String) {
        self.feed.push(kind, job, text);
    }

    async fn serve(self: Arc<Self>) {
        while let Some(incoming) = self.endpoint.accept().await {
            let node = self.clone();
            tokio::spawn(async move {
                let from = incoming.remote_address();
                match incoming.establish().await {
                    Ok((connection, peer)) => node.serve_connection(connection, peer).await,
                    // A peer without a certificate of this cluster gets nothing.
                    Err(e) => warn!(%from, "refused a connection: {e}"),
                }
            });
        }
    }

    async fn serve_connection(self: Arc<Self>, connection: quinn::Connection, peer: Peer) {
        while let Ok((send, recv)) = connection.accept_bi().await {
            let node = self.clone();
            let peer = peer.clone();
            tokio::spawn(async move {
                if let Err(e) = node.serve_stream(&peer, send, recv).await {
                    warn!(%peer, "request failed: {e:#}");
                }
            });
        }
    }

    async fn serve_stream(
        self: Arc<Self>,
        peer: &Peer,
        mut send: quinn::SendStream,
        mut recv: quinn::RecvStream,
    ) -> Result<()> {
        let Some(request) = read_message::<Request>(&mut recv, MAX_CONTROL_FRAME).await? else {
            return Ok(());
        };
        let from_node = || -> Result<()> {
            if peer.is_node() {
                Ok(())
            } else {
                Err(anyhow!("{peer} is not a node of the cluster"))
            }
        };
        match request {
            Request::Submit {
                main,
                args,
                classes,
                label,
                cwd,
                env,
            } => {
                info!(%peer, %main, classes = classes.len(), "submission");
                let job = Job {
                    main,
                    args,
                    classes,
                    label,
                    cwd,
                    env,
                };
                match self.submit_job(job) {
                    Ok(id) => self.attach(&mut send, Some(recv), &id, 0, true, true).await,
                    Err(message) => {
                        write_message(&mut send, &Reply::Error { message }).await?;
                        send.finish()?;
                        Ok(())
                    }
                }
            }
            Request::Attach {
                id,
                from,
                output,
                follow,
                input,
            } => {
                let recv = input.then_some(recv);
                self.attach(&mut send, recv, &id, from, output, follow)
                    .await
            }
            Request::Job { id, action } => {
                let reply = self.job_action(&id, action).await;
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Control { id, run, action } => {
                from_node()?;
                let reply = match self.control(&id, run, action).await {
                    Ok(()) => Reply::Done,
                    Err(message) => Reply::Error { message },
                };
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Checkpoint {
                id,
                run,
                outputs,
                executed,
                stdin_consumed,
                file_ops,
                document,
                classes,
            } => {
                from_node()?;
                let c = store::StoredCheckpoint {
                    run,
                    outputs,
                    executed,
                    file_ops,
                    document,
                    chain: None,
                };
                let classes = classes
                    .into_iter()
                    .map(|(h, b)| (h, b.into_vec()))
                    .collect();
                let reply = match self.home_checkpoint(&id, c, classes, stdin_consumed, Vec::new())
                {
                    Ok(()) => Reply::Done,
                    Err(message) => Reply::Error { message },
                };
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::CheckpointPieces {
                id,
                run,
                session,
                base,
                first,
            } => {
                from_node()?;
                let mut pieces = Vec::new();
                let mut total = 0usize;
                let (outputs, executed, stdin_consumed, file_ops, classes) = loop {
                    let frame = read_message::<CheckpointFrame>(
                        &mut recv,
                        phantom_transport::control::MAX_MIGRATION_FRAME,
                    )
                    .await?;
                    match frame {
                        Some(CheckpointFrame::Piece(bytes)) => {
                            total += bytes.len();
                            if total > phantom_vm::checkpoint::DEFAULT_MAX_BYTES {
                                return Err(anyhow!(
                                    "checkpoint of {id}: its pieces exceed {} bytes",
                                    phantom_vm::checkpoint::DEFAULT_MAX_BYTES
                                ));
                            }
                            pieces.push(bytes);
                        }
                        Some(CheckpointFrame::End {
                            outputs,
                            executed,
                            stdin_consumed,
                            file_ops,
                            classes,
                        }) => break (outputs, executed, stdin_consumed, file_ops, classes),
                        // The sender gave up (its process moved, or ended): nothing is kept.
                        None => return Ok(()),
                    }
                };
                let reply = if session.len() != 16 || pieces.is_empty() || base != (first == 0) {
                    Reply::Error {
                        message: format!(
                            "checkpoint of {id}: a chain needs a 16-byte session and pieces, and only a base starts at 0"
                        ),
                    }
                } else {
                    let c = store::StoredCheckpoint {
                        run,
                        outputs,
                        executed,
                        file_ops,
                        document: Vec::new(),
                        chain: Some(store::Chain {
                            session,
                            count: first.saturating_add(pieces.len() as u64),
                            base_bytes: 0,
                            delta_bytes: 0,
                        }),
                    };
                    let classes = classes
                        .into_iter()
                        .map(|(h, b)| (h, b.into_vec()))
                        .collect();
                    match self.home_checkpoint(&id, c, classes, stdin_consumed, pieces) {
                        Ok(()) => Reply::Done,
                        Err(message) => Reply::Error { message },
                    }
                };
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Watch { jobs } => {
                from_node()?;
                let reply = self.answer_watch(jobs);
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Drain { node } => {
                let reply = self.drain_request(&node).await;
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Abandon { id, run } => {
                from_node()?;
                if self.current_run(&id) == Some(run) {
                    self.restart(&id, &format!("{} is stopping", peer.name()))
                        .await;
                }
                write_message(&mut send, &Reply::Done).await?;
                send.finish()?;
                Ok(())
            }
            Request::Events { after, started_ms } => {
                from_node()?;
                let reply = Reply::Events(self.feed.after(after, started_ms));
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Nodes { cluster } => {
                let reply = Reply::Nodes(self.nodes(cluster).await);
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Stdin {
                id,
                consumed,
                at,
                run,
            } => {
                from_node()?;
                // An older run of a restarted job reads nothing more.
                let (data, end) = if self.current_run(&id).is_some_and(|r| r != run) {
                    (Vec::new(), true)
                } else {
                    self.home_stdin(&id, consumed, at).await
                };
                write_message(&mut send, &Reply::Stdin { data, end }).await?;
                send.finish()?;
                Ok(())
            }
            Request::File { id, op, run, seq } => {
                from_node()?;
                let reply = Reply::File(self.home_file_op(&id, run, seq, op).await);
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Output { id, run } => {
                from_node()?;
                while let Some(home) = read_message::<Home>(&mut recv, MAX_CONTROL_FRAME).await? {
                    if !self.deliver_home(&id, run, home) {
                        // A run the home no longer wants: acknowledge all, and stop it.
                        write_message(&mut send, &u64::MAX).await?;
                        let current = self.current_run(&id);
                        if current.is_none_or(|c| c != run) {
                            let request = Request::Control {
                                id: id.clone(),
                                run: current.unwrap_or(u32::MAX),
                                action: JobAction::Kill,
                            };
                            let _ = self.ask(peer.name(), &request).await;
                        }
                        break;
                    }
                    write_message(&mut send, &self.held(&id)).await?;
                }
                let _ = send.finish();
                Ok(())
            }
            Request::Migration => {
                from_node()?;
                migrate::serve(&self, peer, send, recv).await
            }
            Request::Load { report } => {
                from_node()?;
                balance::receive_report(&self, &report)
            }
            Request::Offer { offer } => {
                from_node()?;
                let reply = balance::answer_offer(&self, &offer);
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Ps { cluster } => {
                let (processes, unreachable) = self.ps(cluster).await;
                let reply = if cluster {
                    Reply::Listing {
                        processes,
                        unreachable,
                    }
                } else {
                    Reply::Processes(processes)
                };
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Migrate {
                id,
                to,
                forward,
                progress,
            } => {
                let (tx, mut rx) = unbounded_channel();
                // The migration never waits on the client: progress goes out beside it, and
                // ends when the migration drops its sender.
                let work = self.migrate(&id, &to, forward, progress.then_some(tx));
                let report = async {
                    while let Some((sent, total)) = rx.recv().await {
                        let _ = write_message(&mut send, &Reply::Progress { sent, total }).await;
                    }
                };
                let (result, ()) = tokio::join!(work, report);
                let reply = match result {
                    Ok(reply) => reply,
                    Err(e) => Reply::Error {
                        message: format!("{e:#}"),
                    },
                };
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
        }
    }

    fn vm_config(&self) -> Config {
        let mut config = Config {
            max_heap: self.config.max_heap_mib << 20,
            ..Config::default()
        };
        config.jit.enabled = self.config.jit;
        config
    }

    fn lock_processes(&self) -> std::sync::MutexGuard<'_, HashMap<String, Proc>> {
        self.processes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current run of a live job whose home is here.
    fn current_run(&self, id: &str) -> Option<u32> {
        self.homes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .map(|e| e.record.run)
    }

    /// How many outputs of a job whose home is here the home holds for good (all, once the
    /// job ended).
    fn held(&self, id: &str) -> u64 {
        if self
            .homes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains_key(id)
        {
            self.committed_outputs(id)
        } else {
            u64::MAX
        }
    }

    /// A connection to a peer, opened once and kept. No lock is held while connecting, so a
    /// peer that does not answer holds up no one else.
    async fn connection(&self, name: &str) -> Result<quinn::Connection> {
        {
            let connections = self.connections.lock().await;
            if let Some(c) = connections.get(name)
                && c.close_reason().is_none()
            {
                return Ok(c.clone());
            }
        }
        let peer = self
            .config
            .peer(name)
            .ok_or_else(|| anyhow!("no peer named {name:?} in the configuration"))?;
        let (connection, _) = tokio::time::timeout(
            Duration::from_secs(5),
            self.endpoint.connect(peer.addr, name),
        )
        .await
        .map_err(|_| anyhow!("connecting to {name} at {} timed out", peer.addr))?
        .with_context(|| format!("connecting to {name} at {}", peer.addr))?;
        let mut connections = self.connections.lock().await;
        if let Some(c) = connections.get(name)
            && c.close_reason().is_none()
        {
            connection.close(0u32.into(), b"duplicate");
            return Ok(c.clone());
        }
        connections.insert(name.to_string(), connection.clone());
        Ok(connection)
    }

    /// This node's processes and recently ended jobs, and with `cluster` its peers' too; and
    /// the peers that did not answer within [`ASK_BOUND`].
    async fn ps(self: &Arc<Self>, cluster: bool) -> (Vec<ProcessInfo>, Vec<String>) {
        let mut list: Vec<ProcessInfo> = self
            .lock_processes()
            .iter()
            .map(|(id, p)| ProcessInfo {
                id: id.clone(),
                main: p.main.clone(),
                node: self.name().to_string(),
                arch: ARCH.to_string(),
                state: if p.migrating_to.is_some() {
                    "migrating".to_string()
                } else {
                    p.handle.state().name().to_string()
                },
                executed: p.handle.executed(),
                migrations: p.migrations,
                home: p.home.clone(),
                exit: None,
                outputs: 0,
                age_ms: ((self.epoch.elapsed().as_secs_f64() - p.started_at).max(0.0) * 1000.0)
                    as u64,
            })
            .collect();
        list.extend(self.ended_jobs(RECENTLY_ENDED));
        list.extend(self.away_jobs());
        let mut unreachable = Vec::new();
        if cluster {
            for (name, reply) in self.ask_peers(Request::Ps { cluster: false }).await {
                match reply {
                    Some(Reply::Processes(l)) => list.extend(l),
                    _ => unreachable.push(name),
                }
            }
        }
        // A job shows once: where it runs if that node answered, else as its home knows it.
        let rank = |p: &ProcessInfo| match (p.exit.is_some(), p.state.as_str()) {
            (false, jobs::AWAY) => 2,
            (true, _) => 1,
            _ => 0,
        };
        list.sort_by(|a, b| a.id.cmp(&b.id).then(rank(a).cmp(&rank(b))));
        list.dedup_by(|later, first| later.id == first.id);
        unreachable.sort();
        (list, unreachable)
    }

    /// This node and, with `cluster`, its peers, as `phantom nodes` shows them.
    async fn nodes(self: &Arc<Self>, cluster: bool) -> Vec<NodeInfo> {
        let (speed, load) = balance::own_speed_and_load(self);
        let mut list = vec![NodeInfo {
            name: self.name().to_string(),
            reachable: true,
            arch: ARCH.to_string(),
            labels: self.config.labels.clone(),
            cores: self.cores_n,
            speed,
            cpu_percent: load,
            processes: self.lock_processes().len() as u32,
            jobs: self.live_jobs() as u32,
        }];
        if cluster {
            for (name, reply) in self.ask_peers(Request::Nodes { cluster: false }).await {
                list.push(match reply {
                    Some(Reply::Nodes(l)) if l.len() == 1 => {
                        let info = l.into_iter().next().expect("one");
                        self.peer_arch
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(name, info.arch.clone());
                        info
                    }
                    _ => NodeInfo {
                        name,
                        reachable: false,
                        arch: String::new(),
                        labels: Vec::new(),
                        cores: 0,
                        speed: 0,
                        cpu_percent: None,
                        processes: 0,
                        jobs: 0,
                    },
                });
            }
        }
        list
    }

    /// Asks every peer at once; each answer within [`ASK_BOUND`], or none.
    async fn ask_peers(self: &Arc<Self>, request: Request) -> Vec<(String, Option<Reply>)> {
        let asks = self.config.peers.iter().map(|peer| {
            let node = self.clone();
            let name = peer.name.clone();
            let request = request.clone();
            async move {
                let reply = match tokio::time::timeout(ASK_BOUND, node.ask(&name, &request)).await {
                    Ok(Ok(reply)) => Some(reply),
                    Ok(Err(e)) => {
                        warn!(peer = %name, "no answer: {e:#}");
                        None
                    }
                    Err(_) => {
                        warn!(peer = %name, "no answer in time");
                        None
                    }
                };
                (name, reply)
            }
        });
        futures_join(asks).await
    }

    /// Sends a request to a peer that answers nothing.
    async fn tell(&self, name: &str, request: &Request) -> Result<()> {
        let connection = self.connection(name).await?;
        let (mut send, _recv) = connection.open_bi().await?;
        write_message(&mut send, request).await?;
        send.finish()?;
        Ok(())
    }

    /// Sends a request to a peer and reads its one reply.
    async fn ask(&self, name: &str, request: &Request) -> Result<Reply> {
        self.ask_relaying(name, request, None).await
    }

    /// Like [`Node::ask`], passing [`Reply::Progress`] frames before the reply on to `progress`.
    async fn ask_relaying(
        &self,
        name: &str,
        request: &Request,
        progress: Option<&migrate::ProgressSender>,
    ) -> Result<Reply> {
        let connection = self.connection(name).await?;
        let result = async {
            let (mut send, mut recv) = connection.open_bi().await?;
            write_message(&mut send, request).await?;
            send.finish()?;
            loop {
                match read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME).await? {
                    Some(Reply::Progress { sent, total }) => {
                        if let Some(p) = progress {
                            let _ = p.send((sent, total));
                        }
                    }
                    Some(reply) => return Ok(reply),
                    None => return Err(anyhow!("{name} closed the stream without answering")),
                }
            }
        }
        .await;
        if result.is_err() {
            // The next request opens a fresh connection.
            self.forget_connection(name, &connection).await;
        }
        result
    }

    /// Drops a cached connection that failed (unless another replaced it meanwhile).
    async fn forget_connection(&self, name: &str, connection: &quinn::Connection) {
        let mut connections = self.connections.lock().await;
        if connections
            .get(name)
            .is_some_and(|c| c.stable_id() == connection.stable_id())
        {
            connections.remove(name);
        }
    }

    /// Moves a process to `to`: here if it runs here, else through the peer that runs it.
    async fn migrate(
        self: &Arc<Self>,
        id: &str,
        to: &str,
        forward: bool,
        progress: Option<migrate::ProgressSender>,
    ) -> Result<Reply> {
        let job = self
            .lock_processes()
            .get(id)
            .map(|p| (p.main.clone(), p.label.clone()));
        if let Some((main, label)) = job {
            if to == self.name() {
                // Already there (the balancer may have been quicker): nothing to do.
                return Ok(Reply::Done);
            }
            if let Some(rule) = balance::pinning_rule(self, &main, label.as_deref()) {
                return Err(anyhow!("{id} stays on {}: {rule} pins it", self.name()));
            }
            if let Some((arch, labels)) = balance::peer_host(self, to)
                && let Some(rule) =
                    balance::forbidding_rule(self, &main, label.as_deref(), &arch, &labels)
            {
                return Err(anyhow!(
                    "{id} may not run on {to} ({arch}, labels {labels:?}): {rule} forbids it"
                ));
            }
            return migrate::out_reporting(self, id, to, progress).await;
        }
        if forward {
            for peer in &self.config.peers {
                let request = Request::Migrate {
                    id: id.to_string(),
                    to: to.to_string(),
                    forward: false,
                    progress: progress.is_some(),
                };
                match self
                    .ask_relaying(&peer.name, &request, progress.as_ref())
                    .await
                {
                    Ok(Reply::Error { message }) if message.starts_with(NO_SUCH_PROCESS) => {}
                    Ok(reply) => return Ok(reply),
                    Err(e) => warn!(peer = %peer.name, "migrate request failed: {e:#}"),
                }
            }
        }
        Err(anyhow!("{NO_SUCH_PROCESS} {id} on {}", self.name()))
    }
}

/// A byte count as people read it: `812 B`, `12.3 KiB`, `4.1 MiB`.
fn human_bytes(n: u64) -> String {
    match n {
        0..1024 => format!("{n} B"),
        1024..1_048_576 => format!("{:.1} KiB", n as f64 / 1024.0),
        _ => format!("{:.1} MiB", n as f64 / 1_048_576.0),
    }
}

/// The error of a socket that cannot be bound, saying what to do.
fn bind_error(e: impl Into<anyhow::Error>, addr: std::net::SocketAddr, key: &str) -> anyhow::Error {
    let e: anyhow::Error = e.into();
    let in_use = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse)
    });
    if in_use {
        anyhow!(
            "cannot listen on {addr}: the port is in use (another node, or another program, \
             listens there); stop it or give this node another port with key `{key}`"
        )
    } else {
        e.context(format!("cannot listen on {addr} (key `{key}`)"))
    }
}

/// CBOR of the node's own messages inside the control protocol's byte fields (process
/// metadata, load reports, offers).
fn cbor<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(value, &mut out).expect("writing CBOR into a Vec cannot fail");
    out
}

/// How long a node waits for a peer's answer to `ps` or `nodes`.
const ASK_BOUND: Duration = Duration::from_millis(1500);

/// Ended jobs each home lists in `ps`.
const RECENTLY_ENDED: usize = 20;

/// The start of the error for a process a node does not run.
const NO_SUCH_PROCESS: &str = "no process";

/// Awaits futures one after another's start, all at once.
async fn futures_join<F: std::future::Future + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        if let Ok(v) = h.await {
            out.push(v);
        }
    }
    out
}
