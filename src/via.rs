//! Which node a client command asks, and where the client's certificates are.
//!
//! Each is taken from the first of these that gives it (docs/node.md, "Client defaults"):
//! 1. the command line (`--node HOST:PORT`, `--cluster DIR`);
//! 2. the environment (`PHANTOM_NODE`, `PHANTOM_CLUSTER`);
//! 3. the user's client file: `$PHANTOM_CONFIG`, else `$XDG_CONFIG_HOME/phantom/client.toml`
//!    (`~/.config/phantom/client.toml`), else `/etc/phantom/client.toml`;
//! 4. the `client.toml` that `phantom cluster init` writes into the cluster folder (for the node);
//!    the folder `cluster` in the working directory (for the certificates).

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// What a client file may say; paths in it are relative to the file's folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientFile {
    /// A node to ask, `HOST:PORT`.
    node: Option<String>,
    /// The folder with the cluster's CA and the client's certificate.
    cluster: Option<PathBuf>,
}

impl ClientFile {
    fn load(path: &Path) -> Result<Option<ClientFile>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let mut file: ClientFile =
            toml::from_str(&text).with_context(|| format!("in client file {}", path.display()))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        file.cluster = file.cluster.map(|c| dir.join(c));
        Ok(Some(file))
    }
}

/// The user's client files that exist, first the one that wins: `$PHANTOM_CONFIG` alone when
/// set, else the XDG one, then `/etc/phantom/client.toml`.
fn user_files() -> Result<Vec<(PathBuf, ClientFile)>> {
    if let Some(path) = std::env::var_os("PHANTOM_CONFIG").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return match ClientFile::load(&path)? {
            Some(f) => Ok(vec![(path, f)]),
            None => bail!(
                "PHANTOM_CONFIG names {}, which does not exist",
                path.display()
            ),
        };
    }
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|p| !p.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        });
    let candidates = config_home
        .map(|c| c.join("phantom/client.toml"))
        .into_iter()
        .chain([PathBuf::from("/etc/phantom/client.toml")]);
    let mut files = Vec::new();
    for path in candidates {
        if let Some(f) = ClientFile::load(&path)? {
            files.push((path, f));
        }
    }
    Ok(files)
}

/// The node to ask and the cluster folder, from the command line's values (which clap has
/// already merged with `PHANTOM_NODE` and `PHANTOM_CLUSTER`) and the files.
pub(crate) fn resolve(node: Option<&str>, cluster: Option<&Path>) -> Result<(SocketAddr, PathBuf)> {
    let user = if node.is_none() || cluster.is_none() {
        user_files()?
    } else {
        Vec::new()
    };
    resolve_with(node, cluster, &user)
}

/// [`resolve`] with the user's files given: each key from the first file that has it.
fn resolve_with(
    node: Option<&str>,
    cluster: Option<&Path>,
    user: &[(PathBuf, ClientFile)],
) -> Result<(SocketAddr, PathBuf)> {
    let cluster = match cluster {
        Some(c) => c.to_path_buf(),
        None => user
            .iter()
            .find_map(|(_, f)| f.cluster.clone())
            .unwrap_or_else(|| PathBuf::from("cluster")),
    };
    let from_user = user
        .iter()
        .find_map(|(path, f)| f.node.clone().map(|n| (n, path)));
    let (text, from) = match (node, from_user) {
        (Some(n), _) => (n.to_string(), "--node (or PHANTOM_NODE)".to_string()),
        (None, Some((n, path))) => (n, format!("key `node` of {}", path.display())),
        (None, None) => {
            let path = cluster.join("client.toml");
            match ClientFile::load(&path)? {
                Some(ClientFile { node: Some(n), .. }) => {
                    (n, format!("key `node` of {}", path.display()))
                }
                _ => {
                    return Err(anyhow!(
                        "no node to ask: give --node HOST:PORT, set PHANTOM_NODE, or write \
                         `node = \"HOST:PORT\"` into ~/.config/phantom/client.toml (a cluster \
                         made by `phantom cluster init --out {}` names its first node in \
                         {})",
                        cluster.display(),
                        path.display()
                    ));
                }
            }
        }
    };
    let addr = crate::address::resolve(&text).with_context(|| format!("the node of {from}"))?;
    Ok((addr, cluster))
}

/// Says what to do when the cluster folder lacks the client's certificate.
pub(crate) fn missing_certificates(cluster: &Path) -> Option<String> {
    let cert = cluster.join("client.pem");
    if cert.exists() {
        return None;
    }
    Some(if cluster.exists() {
        format!(
            "{} has no client certificate (client.pem): point --cluster or PHANTOM_CLUSTER at \
             the folder `phantom cluster init` wrote",
            cluster.display()
        )
    } else {
        format!(
            "there is no cluster folder {}: create one with `phantom cluster init --out {} \
             --nodes a,b,c`, or point --cluster or PHANTOM_CLUSTER at the one you have",
            cluster.display(),
            cluster.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_folder_names_its_node() {
        let dir = std::env::temp_dir().join(format!("phantom-via-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("client.toml"), "node = \"localhost:7001\"\n").unwrap();
        let (addr, cluster) = resolve_with(None, Some(&dir), &[]).unwrap();
        assert_eq!(addr.port(), 7001);
        assert_eq!(cluster, dir);
        let (addr, _) = resolve_with(Some("127.0.0.1:9"), Some(&dir), &[]).unwrap();
        assert_eq!(addr.port(), 9);
        // Each key from the first user file that has it.
        let user = [
            (
                PathBuf::from("first"),
                ClientFile {
                    node: None,
                    cluster: Some(dir.clone()),
                },
            ),
            (
                PathBuf::from("second"),
                ClientFile {
                    node: Some("127.0.0.1:8".into()),
                    cluster: Some("elsewhere".into()),
                },
            ),
        ];
        let (addr, cluster) = resolve_with(None, None, &user).unwrap();
        assert_eq!((addr.port(), cluster), (8, dir.clone()));
        std::fs::write(dir.join("client.toml"), "nod = \"x:1\"\n").unwrap();
        let e = format!("{:#}", resolve_with(None, Some(&dir), &[]).unwrap_err());
        assert!(e.contains("nod"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
        let e = format!("{:#}", resolve_with(None, Some(&dir), &[]).unwrap_err());
        assert!(e.contains("no node to ask"), "{e}");
        assert!(missing_certificates(&dir).unwrap().contains("cluster init"));
    }
}
