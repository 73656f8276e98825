//! `phantom cluster init`: a cluster CA, the certificates of its nodes and of its client, and
//! the files that start it on one machine: one node file per node (`<name>.toml`), the
//! client's defaults (`client.toml`) and a balancer policy (`policy.toml`). examples/cluster/
//! holds what it writes for `--nodes a,b,c`.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::Path;

/// Where the nodes listen: consecutive ports from these, on one host.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The host every node listens on and is reached at (a name or an address).
    pub host: String,
    /// The first node's QUIC port; the next node gets the next one.
    pub port: u16,
    /// The first node's status page port, likewise; none turns the pages off.
    pub http_port: Option<u16>,
}

/// The balancer policy each node file names.
const POLICY: &str = include_str!("../balancer/policy.example.toml");

/// The text of node `i`'s file.
pub(crate) fn node_file(nodes: &[String], i: usize, layout: &Layout) -> String {
    let name = &nodes[i];
    let host = &layout.host;
    let mut text = format!(
        "# Node {name} of a cluster made by `phantom cluster init` (docs/node.md lists every key).\n\
         name = \"{name}\"\n\
         listen = \"{host}:{}\"\n",
        port(layout.port, i)
    );
    if let Some(http) = layout.http_port {
        // On loopback whatever the host: beyond it, the page needs `http_token`.
        let _ = writeln!(
            text,
            "# The status page, JSON API and metrics, on this host only (docs/operations.md):\n\
             # http://127.0.0.1:{}/\n\
             http = \"127.0.0.1:{}\"",
            port(http, i),
            port(http, i)
        );
    }
    let _ = writeln!(
        text,
        "# ca.pem, {name}.pem and {name}-key.pem: this file's folder.\n\
         cluster = \".\"\n\
         # The job store.\n\
         state = \"{name}.state\"\n\
         # The balancer: moves processes to where they finish sooner (docs/policy.md).\n\
         policy = \"policy.toml\""
    );
    for (j, peer) in nodes.iter().enumerate() {
        if j != i {
            let _ = write!(
                text,
                "\n[[peers]]\nname = \"{peer}\"\naddr = \"{host}:{}\"\n",
                port(layout.port, j)
            );
        }
    }
    text
}

/// The client's defaults: the first node.
pub(crate) fn client_file(layout: &Layout) -> String {
    format!(
        "# The client's defaults (docs/node.md): the node client commands ask when neither\n\
         # --node nor PHANTOM_NODE names one.\n\
         node = \"{}:{}\"\n",
        layout.host, layout.port
    )
}

fn port(first: u16, i: usize) -> u16 {
    first.saturating_add(i as u16)
}

/// Writes the cluster's certificates and files into `out`.
pub(crate) fn run(out: &Path, nodes: &[String], layout: &Layout) -> Result<i32> {
    if usize::from(layout.port) + nodes.len() > 65536
        || layout
            .http_port
            .is_some_and(|p| usize::from(p) + nodes.len() > 65536)
    {
        bail!("the ports run past 65535: choose a lower --port or --http-port");
    }
    let mut files: Vec<(String, String)> = (0..nodes.len())
        .map(|i| (format!("{}.toml", nodes[i]), node_file(nodes, i, layout)))
        .collect();
    files.push(("client.toml".into(), client_file(layout)));
    files.push(("policy.toml".into(), POLICY.into()));
    for (name, _) in &files {
        let path = out.join(name);
        if path.exists() {
            bail!(
                "{} exists already: choose another --out, or remove the old cluster first",
                path.display()
            );
        }
    }
    let pki = phantom_transport::pki::init_cluster(out, nodes)
        .with_context(|| format!("creating the cluster in {}", out.display()))?;
    for (name, text) in &files {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    println!("cluster CA: {}", pki.ca_cert.display());
    for n in &pki.nodes {
        println!(
            "node {}: {} {} {}",
            n.name,
            out.join(format!("{}.toml", n.name)).display(),
            n.cert.display(),
            n.key.display()
        );
    }
    println!(
        "client: {} {} {}",
        out.join("client.toml").display(),
        pki.client_cert.display(),
        pki.client_key.display()
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// examples/cluster/ holds what `cluster init --nodes a,b,c` writes, so that what the README
    /// shows is what a user gets.
    #[test]
    fn the_examples_are_what_init_writes() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cluster");
        let nodes: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let layout = Layout {
            host: "127.0.0.1".into(),
            port: 7001,
            http_port: Some(8001),
        };
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        for (i, n) in nodes.iter().enumerate() {
            assert_eq!(
                read(&format!("{n}.toml")),
                node_file(&nodes, i, &layout),
                "{n}.toml"
            );
        }
        assert_eq!(read("client.toml"), client_file(&layout));
        assert_eq!(read("policy.toml"), POLICY);
    }
}
