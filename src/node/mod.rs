//! `phantom node`: the daemon of one host. It runs many processes at once, listens on QUIC with
//! mutual TLS, and serves submissions, `ps`, migration requests and migrations from its peers.
//! It is also the home of the processes submitted to it: their output comes back to it from
//! wherever they run, and it passes it on to the submitting client in order.

mod balance;
mod config;
mod files;
mod migrate;
mod process;
mod stdin;

use anyhow::{Context, Result, anyhow};
pub(crate) use config::NodeConfig;
use phantom_transport::control::{ClassFile, Home, MAX_CONTROL_FRAME, ProcessInfo, Reply, Request};
use phantom_transport::frame::{read_message, write_message};
use phantom_transport::migration::{Decisions, Time};
use phantom_transport::pki::Peer;
use phantom_transport::quic::Endpoint;
use phantom_vm::{ClassPath, Config, Vm};
use process::{Outbound, ProcessHandle};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
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
    label: Option<String>,
    migrations: u32,
    /// When it started, on this node's clock in seconds (before it arrived, if it moved here).
    started_at: f64,
    /// When it started or arrived here, on this node's clock in seconds.
    resident_since: f64,
    /// The node a migration under way is taking it to.
    migrating_to: Option<String>,
}

/// The home side of a process submitted here: output from wherever it runs, put back in order
/// for the client.
#[derive(Debug, Default)]
struct HomeEntry {
    client: Option<UnboundedSender<Reply>>,
    next: u64,
    pending: BTreeMap<u64, (u8, Vec<u8>)>,
    exit: Option<(i32, u64)>,
    /// The process's files: its working directory here, if its client gave one that exists.
    files: Option<files::HomeFiles>,
    /// The client's standard input, for the process.
    input: Arc<stdin::InputQueue>,
}

/// A submission, as a client sent it.
#[derive(Debug)]
struct Job {
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
    homes: Mutex<HashMap<String, HomeEntry>>,
    /// Class files by SHA-256: of programs submitted here and processes received.
    classes: Mutex<HashMap<[u8; 32], Arc<[u8]>>>,
    decisions: Mutex<Decisions>,
    /// Migrations in progress from here, to abort when a target in doubt asks about one.
    aborts: Mutex<HashMap<[u8; 16], tokio::sync::oneshot::Sender<()>>>,
    connections: tokio::sync::Mutex<HashMap<String, quinn::Connection>>,
    next_id: AtomicU64,
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
    let level: tracing::Level = config.log.parse().map_err(|_| anyhow!("bad log level"))?;
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
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
        let endpoint = Endpoint::bind(config.listen, &identity)
            .with_context(|| format!("listening on {}", config.listen))?;
        let (routes, routed) = unbounded_channel();
        let (file_calls, calls) = unbounded_channel();
        let (stdin_calls, input_calls) = unbounded_channel();
        let node = Arc::new(Node {
            endpoint,
            processes: Mutex::new(HashMap::new()),
            homes: Mutex::new(HashMap::new()),
            classes: Mutex::new(HashMap::new()),
            decisions: Mutex::new(Decisions::new(Duration::from_secs(7 * 24 * 3600))),
            aborts: Mutex::new(HashMap::new()),
            connections: tokio::sync::Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            routes,
            file_calls,
            stdin_calls,
            epoch: Instant::now(),
            cores: Arc::new(process::Cores::new(config.cores)),
            cores_n: config.cores,
            balancer,
            config,
        });
        info!(
            node = %node.config.name,
            arch = ARCH,
            listen = %node.endpoint.local_addr()?,
            peers = node.config.peers.len(),
            cores = node.cores_n,
            "node up"
        );
        tokio::spawn(node.clone().route_output(routed));
        tokio::spawn(files::serve_calls(node.clone(), calls));
        tokio::spawn(stdin::serve_calls(node.clone(), input_calls));
        tokio::spawn(balance::run(node.clone()));
        node.serve().await;
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
                self.submit(&mut send, recv, job).await
            }
            Request::Stdin { id, consumed, at } => {
                from_node()?;
                let (data, end) = self.home_stdin(&id, consumed, at).await;
                write_message(&mut send, &Reply::Stdin { data, end }).await?;
                send.finish()?;
                Ok(())
            }
            Request::File { id, op } => {
                from_node()?;
                let reply = Reply::File(self.home_file_op(&id, op).await);
                write_message(&mut send, &reply).await?;
                send.finish()?;
                Ok(())
            }
            Request::Output { id } => {
                from_node()?;
                while let Some(home) = read_message::<Home>(&mut recv, MAX_CONTROL_FRAME).await? {
                    self.deliver_home(&id, home);
                }
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
                let list = self.ps(cluster).await;
                write_message(&mut send, &Reply::Processes(list)).await?;
                send.finish()?;
                Ok(())
            }
            Request::Migrate { id, to, forward } => {
                let reply = match self.migrate(&id, &to, forward).await {
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

    /// Starts a submitted program and relays its output to the client until it ends.
    async fn submit(
        self: &Arc<Self>,
        send: &mut quinn::SendStream,
        recv: quinn::RecvStream,
        job: Job,
    ) -> Result<()> {
        let (client, mut replies) = unbounded_channel();
        let started = self.start(job, client);
        let id = match started {
            Ok(id) => id,
            Err(message) => {
                write_message(send, &Reply::Error { message }).await?;
                send.finish()?;
                return Ok(());
            }
        };
        // The rest of the client's side is the process's standard input.
        let input = self
            .homes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .map(|h| h.input.clone());
        if let Some(input) = input {
            tokio::spawn(input.receive(recv));
        }
        write_message(send, &Reply::Accepted { id: id.clone() }).await?;
        while let Some(reply) = replies.recv().await {
            let last = matches!(reply, Reply::Exited { .. });
            if let Err(e) = write_message(send, &reply).await {
                // The client went away; the process runs on, its output is dropped.
                warn!(%id, "client gone: {e}");
                if let Some(h) = self
                    .homes
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get_mut(&id)
                {
                    h.client = None;
                }
                return Ok(());
            }
            if last {
                break;
            }
        }
        send.finish()?;
        Ok(())
    }

    /// Creates a process for a submission; the error is what the client prints.
    fn start(self: &Arc<Self>, job: Job, client: UnboundedSender<Reply>) -> Result<String, String> {
        let Job {
            main,
            args,
            classes,
            label,
            cwd,
            env,
        } = job;
        if self.lock_processes().len() >= self.config.max_processes {
            return Err(format!(
                "node {} runs {} processes already, its limit",
                self.name(),
                self.config.max_processes
            ));
        }
        let mut memory = BTreeMap::new();
        {
            let mut store = self.classes.lock().unwrap_or_else(|e| e.into_inner());
            for c in classes {
                let bytes: Arc<[u8]> = Arc::from(c.bytes);
                store.insert(crate::sha256(&bytes), bytes.clone());
                memory.insert(c.name, bytes);
            }
        }
        let mut class_path = ClassPath::default();
        class_path.push_memory(memory);
        let id = format!(
            "{}-{}",
            self.name(),
            self.next_id.fetch_add(1, Ordering::Relaxed)
        );
        let outputs = Arc::new(AtomicU64::new(0));
        let host = process::NodeHost::new(
            id.clone(),
            self.name().to_string(),
            outputs.clone(),
            self.routes.clone(),
            self.file_calls.clone(),
            self.stdin_calls.clone(),
        );
        // The process's files are those under the working directory its client named, here.
        let home_files = cwd.as_deref().and_then(|dir| {
            crate::files::LocalFiles::confined(std::path::Path::new(dir))
                .map_err(|e| warn!(%id, %dir, "the working directory is unusable, so the process has no files: {e}"))
                .ok()
        });
        let mut config = self.vm_config();
        config.env = env
            .into_iter()
            .filter(|(k, _)| self.config.passes_env(k))
            .collect();
        config.properties =
            crate::launcher::host_properties(cwd.as_deref().unwrap_or("/"), &config.env, "");
        let vm = Vm::new(class_path, Box::new(host), config)
            .and_then(|mut vm| {
                vm.start_main(&main, &args)?;
                Ok(vm)
            })
            .map_err(|e| crate::launch_error(&e, &main))?;
        self.homes.lock().unwrap_or_else(|e| e.into_inner()).insert(
            id.clone(),
            HomeEntry {
                client: Some(client.clone()),
                files: home_files.map(|f| Arc::new(Mutex::new(f))),
                ..HomeEntry::default()
            },
        );
        let _ = client.send(Reply::Moved {
            node: self.name().to_string(),
            arch: ARCH.to_string(),
        });
        let handle = ProcessHandle::spawn(
            id.clone(),
            self.name().to_string(),
            vm,
            outputs,
            self.routes.clone(),
            self.cores.clone(),
        )
        .map_err(|e| format!("cannot start a thread for the process: {e}"))?;
        info!(%id, %main, "started");
        self.lock_processes().insert(
            id.clone(),
            Proc {
                handle,
                main,
                home: self.name().to_string(),
                label,
                migrations: 0,
                started_at: self.epoch.elapsed().as_secs_f64(),
                resident_since: self.epoch.elapsed().as_secs_f64(),
                migrating_to: None,
            },
        );
        Ok(id)
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

    /// Carries every process's output home, in the order it was written: to the home table
    /// here, or over one stream per process to its home node.
    async fn route_output(self: Arc<Self>, mut routed: UnboundedReceiver<Outbound>) {
        let mut streams: HashMap<String, quinn::SendStream> = HashMap::new();
        while let Some(route) = routed.recv().await {
            let (id, home, what) = match route {
                Outbound::Left(id) => {
                    if let Some(mut s) = streams.remove(&id) {
                        let _ = s.finish();
                    }
                    continue;
                }
                Outbound::Home { id, home, what } => (id, home, what),
            };
            let exited = matches!(what, Home::Exited { .. });
            if exited && self.lock_processes().remove(&id).is_some() {
                info!(%id, "exited");
            }
            if home == self.name() {
                self.deliver_home(&id, what);
                continue;
            }
            if !streams.contains_key(&id) {
                match self.open_output_stream(&home, &id).await {
                    Ok(s) => {
                        streams.insert(id.clone(), s);
                    }
                    Err(e) => {
                        warn!(%id, %home, "cannot reach the home node; output dropped: {e:#}");
                        continue;
                    }
                }
            }
            let stream = streams.get_mut(&id).expect("inserted above");
            if let Err(e) = write_message(stream, &what).await {
                warn!(%id, %home, "output to the home node failed: {e}");
                streams.remove(&id);
            } else if exited && let Some(mut s) = streams.remove(&id) {
                let _ = s.finish();
            }
        }
    }

    async fn open_output_stream(&self, home: &str, id: &str) -> Result<quinn::SendStream> {
        let connection = self.connection(home).await?;
        let (mut send, _recv) = connection.open_bi().await?;
        write_message(&mut send, &Request::Output { id: id.to_string() }).await?;
        Ok(send)
    }

    /// Output of a process whose home is here: passed on to the client in order.
    fn deliver_home(&self, id: &str, what: Home) {
        let mut homes = self.homes.lock().unwrap_or_else(|e| e.into_inner());
        let Some(entry) = homes.get_mut(id) else {
            warn!(%id, "output for a process not submitted here dropped");
            return;
        };
        let send = |entry: &HomeEntry, reply: Reply| {
            if let Some(c) = &entry.client {
                let _ = c.send(reply);
            }
        };
        match what {
            Home::Output { seq, fd, bytes } => {
                if seq >= entry.next {
                    entry.pending.insert(seq, (fd, bytes));
                }
            }
            Home::Arrived { node, arch } => send(entry, Reply::Moved { node, arch }),
            Home::Exited { status, outputs } => entry.exit = Some((status, outputs)),
        }
        while let Some((fd, bytes)) = entry.pending.remove(&entry.next) {
            send(entry, Reply::Output { fd, bytes });
            entry.next += 1;
        }
        if let Some((status, outputs)) = entry.exit
            && entry.next >= outputs
        {
            send(entry, Reply::Exited { status });
            homes.remove(id);
        }
    }

    /// A connection to a peer, opened once and kept.
    async fn connection(&self, name: &str) -> Result<quinn::Connection> {
        let mut connections = self.connections.lock().await;
        if let Some(c) = connections.get(name)
            && c.close_reason().is_none()
        {
            return Ok(c.clone());
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
        connections.insert(name.to_string(), connection.clone());
        Ok(connection)
    }

    /// This node's processes, and with `cluster` its peers' too.
    async fn ps(self: &Arc<Self>, cluster: bool) -> Vec<ProcessInfo> {
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
            })
            .collect();
        if cluster {
            let asks = self.config.peers.iter().map(|peer| {
                let node = self.clone();
                let name = peer.name.clone();
                async move {
                    let reply = tokio::time::timeout(
                        Duration::from_secs(3),
                        node.ask(&name, &Request::Ps { cluster: false }),
                    )
                    .await;
                    match reply {
                        Ok(Ok(Reply::Processes(l))) => l,
                        Ok(Ok(other)) => {
                            warn!(peer = %name, "ps answered {other:?}");
                            Vec::new()
                        }
                        Ok(Err(e)) => {
                            warn!(peer = %name, "ps failed: {e:#}");
                            Vec::new()
                        }
                        Err(_) => {
                            warn!(peer = %name, "ps timed out");
                            Vec::new()
                        }
                    }
                }
            });
            for l in futures_join(asks).await {
                list.extend(l);
            }
        }
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
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
        let connection = self.connection(name).await?;
        let (mut send, mut recv) = connection.open_bi().await?;
        write_message(&mut send, request).await?;
        send.finish()?;
        read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME)
            .await?
            .ok_or_else(|| anyhow!("{name} closed the stream without answering"))
    }

    /// Moves a process to `to`: here if it runs here, else through the peer that runs it.
    async fn migrate(self: &Arc<Self>, id: &str, to: &str, forward: bool) -> Result<Reply> {
        if self.lock_processes().contains_key(id) {
            return migrate::out(self, id, to).await;
        }
        if forward {
            for peer in &self.config.peers {
                let request = Request::Migrate {
                    id: id.to_string(),
                    to: to.to_string(),
                    forward: false,
                };
                match self.ask(&peer.name, &request).await {
                    Ok(Reply::Error { message }) if message.starts_with(NO_SUCH_PROCESS) => {}
                    Ok(reply) => return Ok(reply),
                    Err(e) => warn!(peer = %peer.name, "migrate request failed: {e:#}"),
                }
            }
        }
        Err(anyhow!("{NO_SUCH_PROCESS} {id} on {}", self.name()))
    }
}

/// CBOR of the node's own messages inside the control protocol's byte fields (process
/// metadata, load reports, offers).
fn cbor<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(value, &mut out).expect("writing CBOR into a Vec cannot fail");
    out
}

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
