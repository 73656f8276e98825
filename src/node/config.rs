//! The node's configuration file (TOML; docs/node.md lists the keys). Paths in it are relative
//! to the file's own folder. A bad file is refused with the key that is wrong.

use anyhow::{Context, Result, bail};
use phantom_transport::pki::{Identity, validate_node_name};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// A node's configuration.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NodeConfig {
    /// The node's name in the cluster: its certificate's name.
    pub name: String,
    /// The UDP address it listens on (`HOST:PORT`; a name is resolved at start).
    #[serde(deserialize_with = "crate::address::deserialize")]
    pub listen: SocketAddr,
    /// The folder `phantom cluster init` wrote: `ca.pem`, `<name>.pem`, `<name>-key.pem`.
    #[serde(default = "default_cluster")]
    pub cluster: PathBuf,
    /// The other nodes.
    #[serde(default)]
    pub peers: Vec<PeerConfig>,
    /// Most processes the node runs at once; it refuses submissions and migrations beyond.
    #[serde(default = "default_max_processes")]
    pub max_processes: usize,
    /// Largest heap of one process, in MiB.
    #[serde(default = "default_max_heap_mib")]
    pub max_heap_mib: usize,
    /// Cores the node's processes may use at once (each process uses at most one); the
    /// machine's count by default.
    #[serde(default = "default_cores")]
    pub cores: u32,
    /// Whether processes compile hot methods to native code (`false` is `java -Xint`: for
    /// hosts that forbid executable memory, or to compare).
    #[serde(default = "default_jit")]
    pub jit: bool,
    /// Labels of this host, which the balancer's rules can require.
    #[serde(default)]
    pub labels: Vec<String>,
    /// What to log: a level (error, warn, info, debug, trace) or `RUST_LOG`-style directives
    /// (`info,phantom::node::balance=debug`). The `RUST_LOG` variable overrides it.
    #[serde(default = "default_log")]
    pub log: String,
    /// `text` (the default) or `json`: one JSON object a line.
    #[serde(default = "default_log_format")]
    pub log_format: String,
    /// Where the status page, JSON API and metrics listen (`HOST:PORT`); none when absent.
    #[serde(default, deserialize_with = "crate::address::deserialize_option")]
    pub http: Option<SocketAddr>,
    /// The token every request to the status page carries; required when `http` is not a
    /// loopback address.
    #[serde(default)]
    pub http_token: Option<String>,
    /// The balancer (issue #6): a policy file, relative to this file; none means no balancing.
    #[serde(default)]
    pub policy: Option<PathBuf>,
    /// Which variables of a submitting client's environment its process sees: names, or
    /// prefixes ending in `*`; all of them by default.
    #[serde(default = "default_env")]
    pub env: Vec<String>,
    /// The folder of the node's durable state (its job store), relative to this file;
    /// `<name>.state` by default.
    #[serde(default)]
    pub state: PathBuf,
    /// Whether processes move by pre-copy (docs/plans/precopy.md): their heap sent in rounds
    /// while they run, then frozen only for what changed meanwhile. Also whether this node
    /// takes processes moved that way.
    #[serde(default = "default_jit")]
    pub precopy: bool,
    /// Processes whose heap is smaller than this many MiB move the classic way, frozen for
    /// the whole checkpoint (which is quick for them).
    #[serde(default = "default_precopy_min_mib")]
    pub precopy_min_mib: u64,
    /// Pre-copy freezes the process once it predicts a freeze this short, in milliseconds.
    #[serde(default = "default_precopy_freeze_ms")]
    pub precopy_freeze_ms: f64,
    /// Pre-copy freezes the process after this many rounds, whatever it predicts (0: at once,
    /// which is stop-and-copy through the pre-copy pipeline).
    #[serde(default = "default_precopy_max_rounds")]
    pub precopy_max_rounds: u32,
    /// Seconds between two checkpoints of a running job to its home.
    #[serde(default = "default_checkpoint_secs")]
    pub checkpoint_secs: f64,
    /// Whether checkpoints home may be incremental (docs/plans/precopy.md §3.8): a base,
    /// then only what changed since the last one, as pre-copy pieces.
    #[serde(default = "default_jit")]
    pub incremental_checkpoints: bool,
    /// Processes whose heap is smaller than this many MiB send whole checkpoints home
    /// (cheap for them), and keep the dirty record, with its cost, off.
    #[serde(default = "default_incremental_min_mib")]
    pub incremental_min_mib: u64,
    /// Seconds a home waits for the node running a job to answer its heartbeat (or to list the
    /// job again) before it restarts the job from its last checkpoint.
    #[serde(default = "default_host_timeout_secs")]
    pub host_timeout_secs: f64,
    /// Ended jobs a home keeps (record and output) for `status`, `logs` and `wait`.
    #[serde(default = "default_keep_ended")]
    pub keep_ended: usize,
}

fn default_precopy_min_mib() -> u64 {
    1
}

fn default_precopy_freeze_ms() -> f64 {
    10.0
}

fn default_precopy_max_rounds() -> u32 {
    8
}

fn default_incremental_min_mib() -> u64 {
    64
}

fn default_checkpoint_secs() -> f64 {
    10.0
}

fn default_host_timeout_secs() -> f64 {
    5.0
}

fn default_keep_ended() -> usize {
    1000
}

impl NodeConfig {
    /// Whether a client's environment variable `name` passes to its process.
    pub(crate) fn passes_env(&self, name: &str) -> bool {
        self.env.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => p == name,
        })
    }
}

fn default_env() -> Vec<String> {
    vec!["*".to_string()]
}

/// Another node of the cluster.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeerConfig {
    /// Its name (its certificate's name).
    pub name: String,
    /// Its UDP address (`HOST:PORT`; a name is resolved at start).
    #[serde(deserialize_with = "crate::address::deserialize")]
    pub addr: SocketAddr,
}

fn default_cluster() -> PathBuf {
    PathBuf::from("cluster")
}

fn default_cores() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

fn default_max_processes() -> usize {
    64
}

fn default_max_heap_mib() -> usize {
    1024
}

fn default_jit() -> bool {
    true
}

fn default_log() -> String {
    "info".to_string()
}

fn default_log_format() -> String {
    "text".to_string()
}

/// Starts the node's logging to stderr as its configuration (or `RUST_LOG`) says.
pub(crate) fn init_logging(config: &NodeConfig) -> Result<()> {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(directives) if !directives.is_empty() => EnvFilter::try_new(&directives)
            .map_err(|e| anyhow::anyhow!("the RUST_LOG variable: {e}"))?,
        _ => filter(&config.log)?,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    if config.log_format == "json" {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .try_init()
    } else {
        builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init()
    }
    .map_err(|e| anyhow::anyhow!("starting the log: {e}"))
}

/// The filter of key `log`: a bare level covers phantom's own lines; directives are taken as
/// written.
fn filter(log: &str) -> Result<tracing_subscriber::EnvFilter> {
    const LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];
    // A bare word would be taken as a target's name: here it must be a level.
    for directive in log.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        if !directive.contains(['=', '[']) && !LEVELS.contains(&directive.to_lowercase().as_str()) {
            bail!(
                "key `log`: {directive:?} is not a level (error, warn, info, debug, trace, off) \
                 nor a directive TARGET=LEVEL"
            );
        }
    }
    tracing_subscriber::EnvFilter::try_new(log)
        .map_err(|e| anyhow::anyhow!("key `log`: {log:?} is not a level or filter ({e})"))
}

impl NodeConfig {
    /// Reads and checks a configuration file.
    pub(crate) fn load(path: &Path) -> Result<NodeConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading node configuration {}", path.display()))?;
        let mut config = NodeConfig::parse(&text)
            .with_context(|| format!("in node configuration {}", path.display()))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        config.cluster = dir.join(&config.cluster);
        config.policy = config.policy.map(|p| dir.join(p));
        if config.state.as_os_str().is_empty() {
            config.state = PathBuf::from(format!("{}.state", config.name));
        }
        config.state = dir.join(&config.state);
        Ok(config)
    }

    /// Parses and checks a configuration's text.
    pub(crate) fn parse(text: &str) -> Result<NodeConfig> {
        let config: NodeConfig = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        validate_node_name(&config.name).context("key `name`")?;
        for (i, p) in config.peers.iter().enumerate() {
            validate_node_name(&p.name).with_context(|| format!("key `peers[{i}].name`"))?;
            if p.name == config.name {
                bail!(
                    "key `peers[{i}].name`: {:?} is this node's own name",
                    p.name
                );
            }
            if config.peers[..i].iter().any(|q| q.name == p.name) {
                bail!("key `peers[{i}].name`: {:?} is listed twice", p.name);
            }
        }
        if config.max_processes == 0 {
            bail!("key `max_processes` must be at least 1");
        }
        if config.cores == 0 {
            bail!("key `cores` must be at least 1");
        }
        if !config.precopy_freeze_ms.is_finite() || config.precopy_freeze_ms < 0.0 {
            bail!("key `precopy_freeze_ms` must be a finite number, at least 0");
        }
        if !config.checkpoint_secs.is_finite() || config.checkpoint_secs < 0.1 {
            bail!("key `checkpoint_secs` must be a finite number, at least 0.1");
        }
        if !config.host_timeout_secs.is_finite() || config.host_timeout_secs < 1.0 {
            bail!("key `host_timeout_secs` must be a finite number, at least 1");
        }
        if config.max_heap_mib < 16 {
            bail!("key `max_heap_mib` must be at least 16");
        }
        filter(&config.log)?;
        if !["text", "json"].contains(&config.log_format.as_str()) {
            bail!(
                "key `log_format` must be text or json (not {:?})",
                config.log_format
            );
        }
        if config.http_token.is_some() && config.http.is_none() {
            bail!("key `http_token` is set but `http` is not: the status page is off");
        }
        if let Some(http) = config.http() {
            http.check()?;
        }
        Ok(config)
    }

    /// The node's certificate, key and cluster CA.
    pub(crate) fn identity(&self) -> Result<Identity> {
        let dir = &self.cluster;
        Identity::load(
            &dir.join(format!("{}.pem", self.name)),
            &dir.join(format!("{}-key.pem", self.name)),
            &dir.join("ca.pem"),
        )
        .with_context(|| {
            format!(
                "loading node {}'s identity from {}",
                self.name,
                dir.display()
            )
        })
    }

    /// The status page's address and token, when it is on.
    pub(crate) fn http(&self) -> Option<super::web::HttpConfig> {
        self.http.map(|addr| super::web::HttpConfig {
            addr,
            token: self.http_token.clone(),
        })
    }

    /// The address of a peer.
    pub(crate) fn peer(&self, name: &str) -> Option<&PeerConfig> {
        self.peers.iter().find(|p| p.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        format!(
            "{:#}",
            NodeConfig::parse(text).expect_err("a bad configuration")
        )
    }

    #[test]
    fn a_minimal_configuration_takes_defaults() {
        let c = NodeConfig::parse("name = \"a\"\nlisten = \"127.0.0.1:7001\"\n").expect("valid");
        assert_eq!(c.max_processes, 64);
        assert!(c.peers.is_empty());
    }

    #[test]
    fn the_example_configuration_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cluster/a.toml");
        let c = NodeConfig::load(&path).expect("examples/cluster/a.toml is valid");
        assert_eq!(c.peers.len(), 2);
        let policy = c.policy.expect("the example names a policy");
        phantom_balancer::Policy::load(&policy).expect("and the policy is valid");
    }

    #[test]
    fn errors_name_the_key() {
        assert!(
            refused("name = \"a\"\nlisten = \"127.0.0.1:7001\"\nmax_procs = 3\n")
                .contains("max_procs")
        );
        assert!(refused("name = \"a\"\nlisten = \"nowhere\"\n").contains("listen"));
        assert!(refused("listen = \"127.0.0.1:1\"\n").contains("name"));
        assert!(refused("name = \"A b\"\nlisten = \"127.0.0.1:1\"\n").contains("key `name`"));
        assert!(
            refused(
                "name = \"a\"\nlisten = \"127.0.0.1:1\"\n[[peers]]\nname = \"a\"\naddr = \"127.0.0.1:2\"\n"
            )
            .contains("peers[0].name")
        );
        assert!(
            refused("name = \"a\"\nlisten = \"127.0.0.1:1\"\n[[peers]]\nname = \"b\"\n")
                .contains("addr")
        );
        assert!(
            refused("name = \"a\"\nlisten = \"127.0.0.1:1\"\nlog = \"loud\"\n").contains("log")
        );
        assert!(
            refused("name = \"a\"\nlisten = \"127.0.0.1:1\"\nmax_processes = 0\n")
                .contains("max_processes")
        );
    }
}
