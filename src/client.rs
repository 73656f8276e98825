//! The cluster's client commands: `submit`, `migrate` and `ps`. Each connects to one node with
//! the cluster's client certificate and speaks the control protocol (transport's `control`).

use anyhow::{Context, Result, anyhow, bail};
use phantom_transport::control::{
    ClassFile, Input, MAX_CONTROL_FRAME, ProcessInfo, Reply, Request,
};
use phantom_transport::frame::{read_message, write_message};
use phantom_transport::pki::Identity;
use phantom_transport::quic::Endpoint;
use phantom_vm::ClassPath;
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;

/// Where the client's certificate is: the folder `phantom cluster init` wrote.
fn identity(cluster: &Path) -> Result<Identity> {
    Identity::load(
        &cluster.join("client.pem"),
        &cluster.join("client-key.pem"),
        &cluster.join("ca.pem"),
    )
    .with_context(|| format!("loading the client certificate from {}", cluster.display()))
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the client's runtime")
}

/// Opens a request stream to a node.
async fn open(
    node: SocketAddr,
    cluster: &Path,
    request: &Request,
) -> Result<(Endpoint, quinn::SendStream, quinn::RecvStream)> {
    let endpoint = Endpoint::client(node, &identity(cluster)?)?;
    let (connection, _) = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        endpoint.connect_addr(node),
    )
    .await
    .map_err(|_| anyhow!("connecting to {node} timed out"))?
    .with_context(|| format!("connecting to {node}"))?;
    let (mut send, recv) = connection.open_bi().await?;
    write_message(&mut send, request)
        .await
        .with_context(|| format!("sending to {node}"))?;
    Ok((endpoint, send, recv))
}

/// How `phantom submit` submits.
#[derive(Debug)]
pub(crate) struct Options {
    /// A label for the balancer's rules.
    pub label: Option<String>,
    /// Report moves on stderr.
    pub show_moves: bool,
    /// The process's working directory at its home; this command's by default.
    pub workdir: Option<std::path::PathBuf>,
}

/// `phantom submit`: runs a program on the cluster, prints its output as it comes, and returns
/// its exit status.
pub(crate) fn submit(
    node: SocketAddr,
    cluster: &Path,
    class_path: &str,
    main: &str,
    args: &[String],
    options: Options,
) -> Result<i32> {
    let Options {
        label,
        show_moves,
        workdir,
    } = options;
    let cwd = match workdir {
        Some(dir) => std::path::absolute(&dir)
            .with_context(|| format!("the working directory {}", dir.display()))?,
        None => std::env::current_dir().context("finding the working directory")?,
    };
    let env: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let classes: Vec<ClassFile> = ClassPath::parse(class_path)?
        .application_classes()?
        .into_iter()
        .map(|(name, bytes)| ClassFile {
            name,
            bytes: bytes.to_vec(),
        })
        .collect();
    let request = Request::Submit {
        main: main.to_string(),
        args: args.to_vec(),
        classes,
        label,
        cwd: Some(cwd.to_string_lossy().into_owned()),
        env,
    };
    runtime()?.block_on(async {
        let (endpoint, send, mut recv) = open(node, cluster, &request).await?;
        tokio::spawn(forward_stdin(send));
        let mut id = String::new();
        let status = loop {
            let reply = read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME)
                .await
                .with_context(|| format!("reading from {node}"))?
                .ok_or_else(|| anyhow!("{node} ended the stream before the process ended"))?;
            match reply {
                Reply::Accepted { id: given } => {
                    if show_moves {
                        eprintln!("phantom: submitted as {given}");
                    }
                    id = given;
                }
                Reply::Output { fd, bytes } => {
                    let _ = if fd == 2 {
                        let mut e = std::io::stderr().lock();
                        e.write_all(&bytes).and_then(|_| e.flush())
                    } else {
                        let mut o = std::io::stdout().lock();
                        o.write_all(&bytes).and_then(|_| o.flush())
                    };
                }
                Reply::Moved { node, arch } => {
                    if show_moves {
                        eprintln!("phantom: {id} runs on {node} ({arch})");
                    }
                }
                Reply::Exited { status } => break status,
                Reply::Error { message } => {
                    eprintln!("{message}");
                    break 1;
                }
                other => bail!("unexpected reply from {node}: {other:?}"),
            }
        };
        endpoint.close();
        Ok(status)
    })
}

/// Sends this command's standard input to the process as it comes, then its end. A thread
/// reads stdin, since reading it blocks; the process may never read it at all, and then the
/// thread simply ends with the command.
async fn forward_stdin(mut send: quinn::SendStream) {
    let (chunks, mut arrived) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let reader = std::thread::Builder::new()
        .name("stdin".into())
        .spawn(move || {
            let mut stdin = std::io::stdin().lock();
            loop {
                let mut buf = vec![0u8; 64 << 10];
                match std::io::Read::read(&mut stdin, &mut buf) {
                    Ok(0) => return,
                    Ok(n) => {
                        buf.truncate(n);
                        if chunks.blocking_send(buf).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => return,
                }
            }
        });
    if reader.is_ok() {
        while let Some(bytes) = arrived.recv().await {
            if write_message(&mut send, &Input::Data(bytes)).await.is_err() {
                return;
            }
        }
    }
    let _ = write_message(&mut send, &Input::End).await;
    let _ = send.finish();
}

/// `phantom migrate`: moves a process and reports how long it was frozen.
pub(crate) fn migrate(node: SocketAddr, cluster: &Path, id: &str, to: &str) -> Result<i32> {
    let request = Request::Migrate {
        id: id.to_string(),
        to: to.to_string(),
        forward: true,
    };
    match ask(node, cluster, &request)? {
        Reply::Migrated {
            from,
            to,
            frozen_micros,
            checkpoint_bytes,
            class_bytes,
        } => {
            println!(
                "moved {id} from {from} to {to}: frozen {:.3} ms, checkpoint {checkpoint_bytes} bytes, {class_bytes} class bytes sent",
                frozen_micros as f64 / 1000.0
            );
            Ok(0)
        }
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

/// `phantom ps`: the cluster's processes.
pub(crate) fn ps(node: SocketAddr, cluster: &Path) -> Result<i32> {
    match ask(node, cluster, &Request::Ps { cluster: true })? {
        Reply::Processes(list) => {
            print!("{}", ps_table(&list));
            Ok(0)
        }
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

fn ask(node: SocketAddr, cluster: &Path, request: &Request) -> Result<Reply> {
    runtime()?.block_on(async {
        let (endpoint, mut send, mut recv) = open(node, cluster, request).await?;
        send.finish()?;
        let reply = read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME)
            .await?
            .ok_or_else(|| anyhow!("{node} closed the stream without answering"))?;
        endpoint.close();
        Ok(reply)
    })
}

fn ps_table(list: &[ProcessInfo]) -> String {
    let mut out = format!(
        "{:<12} {:<24} {:<10} {:<8} {:<10} {:>15} {:>10}\n",
        "ID", "MAIN", "NODE", "ARCH", "STATE", "INSTRUCTIONS", "MIGRATIONS"
    );
    for p in list {
        out.push_str(&format!(
            "{:<12} {:<24} {:<10} {:<8} {:<10} {:>15} {:>10}\n",
            p.id, p.main, p.node, p.arch, p.state, p.executed, p.migrations
        ));
    }
    out
}
