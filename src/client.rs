//! The cluster's client commands: `submit`, `logs`, `wait`, `status`, `kill`, `hold`,
//! `release`, `checkpoint`, `migrate`, `ps` and `nodes`. Each connects to one node with the
//! cluster's client certificate and speaks the control protocol (transport's `control`); any
//! node will do, since requests about a job are passed on to the job's home.

use anyhow::{Context, Result, anyhow, bail};
use phantom_transport::control::{
    ClassFile, Input, JobAction, JobInfo, MAX_CONTROL_FRAME, NodeInfo, ProcessInfo, Reply, Request,
};
use phantom_transport::frame::{read_message, write_message};
use phantom_transport::pki::Identity;
use phantom_transport::quic::Endpoint;
use phantom_vm::ClassPath;
use std::net::SocketAddr;
use std::path::Path;

/// Where the client's certificate is: the folder `phantom cluster init` wrote.
fn identity(cluster: &Path) -> Result<Identity> {
    if let Some(what_to_do) = crate::via::missing_certificates(cluster) {
        bail!("{what_to_do}");
    }
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
    // A handshake that times out is tried once more: a node on a host busy enough to miss the
    // first (or one still starting) gets a second chance before the client gives up.
    let mut tries = 0;
    let connection = loop {
        tries += 1;
        let attempt = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            endpoint.connect_addr(node),
        )
        .await;
        match attempt {
            Ok(Ok((connection, _))) => break connection,
            Ok(Err(e)) if tries < 2 && format!("{e:#}").contains("timed out") => continue,
            Err(_) if tries < 2 => continue,
            Ok(Err(e)) => {
                return Err(e)
                    .with_context(|| format!("connecting to {node} (is a node running there?)"));
            }
            Err(_) => bail!("connecting to {node} timed out (is a node running there?)"),
        }
    };
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
    /// Print the job id and return at once.
    pub detach: bool,
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
        detach,
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
        let (endpoint, mut send, mut recv) = open(node, cluster, &request).await?;
        let first = read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME)
            .await
            .with_context(|| format!("reading from {node}"))?
            .ok_or_else(|| anyhow!("{node} ended the stream without an answer"))?;
        let id = match first {
            Reply::Accepted { id } => id,
            Reply::Error { message } => {
                eprintln!("phantom: {message}");
                return Ok(1);
            }
            other => bail!("unexpected reply from {node}: {other:?}"),
        };
        if detach {
            println!("{id}");
            let _ = write_message(&mut send, &Input::End).await;
            let _ = send.finish();
            endpoint.close();
            return Ok(0);
        }
        eprintln!("phantom: job {id}");
        tokio::spawn(forward_stdin(send));
        let status = follow(&mut recv, node, &id, show_moves).await;
        endpoint.close();
        status
    })
}

/// The exit status of `submit`, `wait` and `logs` when phantom cannot tell how the job ended
/// (it could not reach the job, or the connection broke), as ssh does for its own failures.
/// A program that exits with 255 (or -1) reads the same; phantom then says nothing on stderr.
const UNKNOWN: i32 = 255;

/// A client command's failure, said on stderr, as [`UNKNOWN`].
fn unknown(result: Result<i32>) -> Result<i32> {
    result.or_else(|e| {
        eprintln!("phantom: {e:#}");
        Ok(UNKNOWN)
    })
}

/// Prints a job's output as it comes, until it ends (its exit status) or Ctrl-C (detached:
/// the job goes on).
async fn follow(
    recv: &mut quinn::RecvStream,
    node: SocketAddr,
    id: &str,
    show_moves: bool,
) -> Result<i32> {
    let interrupted = tokio::signal::ctrl_c();
    tokio::pin!(interrupted);
    loop {
        let reply = tokio::select! {
            reply = read_message::<Reply>(recv, MAX_CONTROL_FRAME) => match reply {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("phantom: reading from {node} failed ({e}); job {id}'s status is unknown; follow it again with `phantom logs --follow {id}`");
                    return Ok(UNKNOWN);
                }
            },
            _ = &mut interrupted => {
                eprintln!("phantom: detached from job {id}, which goes on; follow it again with `phantom logs --follow {id}`");
                return Ok(130);
            }
        };
        let Some(reply) = reply else {
            bail!(
                "{node} ended the stream before job {id} ended; follow it again with `phantom logs --follow {id}`"
            );
        };
        match reply {
            Reply::Output { fd, bytes } => write_out(fd, &bytes),
            Reply::Notice { message } => eprintln!("phantom: {message}"),
            Reply::Moved { node, arch } => {
                if show_moves {
                    eprintln!("phantom: {id} runs on {node} ({arch})");
                }
            }
            Reply::Ended { status, reason } => {
                if reason != "exited" {
                    eprintln!("phantom: job {id} ended: {reason}");
                }
                return Ok(status);
            }
            Reply::Exited { status } => return Ok(status),
            Reply::Error { message } => {
                eprintln!("phantom: {message}");
                return Ok(UNKNOWN);
            }
            Reply::Accepted { .. } | Reply::Done => {}
            other => bail!("unexpected reply from {node}: {other:?}"),
        }
    }
}

fn write_out(fd: u8, bytes: &[u8]) {
    crate::host::write_std(i32::from(fd), bytes);
}

/// `phantom logs`: a job's output from its start, and with `follow` until it ends.
pub(crate) fn logs(node: SocketAddr, cluster: &Path, id: &str, follow_on: bool) -> Result<i32> {
    unknown(logs_inner(node, cluster, id, follow_on))
}

fn logs_inner(node: SocketAddr, cluster: &Path, id: &str, follow_on: bool) -> Result<i32> {
    let request = Request::Attach {
        id: id.to_string(),
        from: 0,
        output: true,
        follow: follow_on,
        input: false,
    };
    runtime()?.block_on(async {
        let (endpoint, mut send, mut recv) = open(node, cluster, &request).await?;
        send.finish()?;
        let status = if follow_on {
            follow(&mut recv, node, id, false).await?
        } else {
            // The output so far ends with `Done` (or `Ended`); any other end is a failure.
            let mut status = UNKNOWN;
            let mut complain =
                format!("{node} ended the stream early; the output above is incomplete");
            loop {
                match read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME).await {
                    Ok(Some(Reply::Output { fd, bytes })) => write_out(fd, &bytes),
                    Ok(Some(Reply::Done | Reply::Ended { .. })) => {
                        status = 0;
                        break;
                    }
                    Ok(Some(Reply::Error { message })) => {
                        complain = message;
                        break;
                    }
                    Ok(Some(_)) => {}
                    Ok(None) => break,
                    Err(e) => {
                        complain = format!(
                            "reading from {node} failed ({e}); the output above is incomplete"
                        );
                        break;
                    }
                }
            }
            if status != 0 {
                eprintln!("phantom: {complain}");
            }
            status
        };
        endpoint.close();
        Ok(status)
    })
}

/// `phantom wait`: blocks until a job ends and returns its exit status.
pub(crate) fn wait(node: SocketAddr, cluster: &Path, id: &str) -> Result<i32> {
    unknown(wait_inner(node, cluster, id))
}

fn wait_inner(node: SocketAddr, cluster: &Path, id: &str) -> Result<i32> {
    let request = Request::Attach {
        id: id.to_string(),
        from: 0,
        output: false,
        follow: true,
        input: false,
    };
    runtime()?.block_on(async {
        let (endpoint, mut send, mut recv) = open(node, cluster, &request).await?;
        send.finish()?;
        let status = follow(&mut recv, node, id, false).await?;
        endpoint.close();
        Ok(status)
    })
}

/// `phantom status`, `kill`, `hold`, `release` and `checkpoint`: acts on a job at its home
/// and prints its state.
pub(crate) fn job(
    node: SocketAddr,
    cluster: &Path,
    id: &str,
    action: JobAction,
    json: bool,
) -> Result<i32> {
    let request = Request::Job {
        id: id.to_string(),
        action,
    };
    match ask(node, cluster, &request)? {
        Reply::Job(info) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&info)?);
            } else {
                print!("{}", job_text(&info));
            }
            Ok(0)
        }
        Reply::Done => Ok(0),
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

fn time_text(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{:03} UTC",
        rest / 3600,
        rest / 60 % 60,
        rest % 60,
        ms.rem_euclid(1000)
    )
}

fn job_text(j: &JobInfo) -> String {
    let mut out = String::new();
    let mut line = |k: &str, v: String| out.push_str(&format!("{k:<12} {v}\n"));
    line("job", j.id.clone());
    line("main", j.main.clone());
    line("state", j.state.clone());
    line("home", j.home.clone());
    line(
        if j.state == "ended" {
            "ran on"
        } else {
            "runs on"
        },
        format!("{} ({})", j.node, j.arch),
    );
    line("migrations", j.migrations.to_string());
    line("restarts", j.restarts.to_string());
    line("instructions", j.executed.to_string());
    line("outputs", j.outputs.to_string());
    line("submitted", time_text(j.submitted_ms));
    if let Some((outputs, executed, at)) = j.checkpoint {
        line(
            "checkpoint",
            format!(
                "{} (after {executed} instructions, {outputs} outputs)",
                time_text(at)
            ),
        );
    }
    if let Some(ms) = j.ended_ms {
        line("ended", time_text(ms));
        line(
            "runtime",
            format!("{:.3} s", (ms - j.submitted_ms) as f64 / 1000.0),
        );
    }
    if let Some(status) = j.exit {
        line("exit status", status.to_string());
    }
    if let Some(reason) = &j.reason {
        line("why", reason.clone());
    }
    out
}

/// `phantom drain`: stops a node gracefully.
pub(crate) fn drain(node: SocketAddr, cluster: &Path, name: &str) -> Result<i32> {
    let request = Request::Drain {
        node: name.to_string(),
    };
    match ask(node, cluster, &request)? {
        Reply::Done => {
            println!("{name} handed its jobs on and stopped");
            Ok(0)
        }
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

/// `phantom nodes`: the cluster's nodes.
pub(crate) fn nodes(node: SocketAddr, cluster: &Path, json: bool) -> Result<i32> {
    match ask(node, cluster, &Request::Nodes { cluster: true })? {
        Reply::Nodes(list) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                print!("{}", nodes_table(&list));
            }
            Ok(if list.iter().all(|n| n.reachable) {
                0
            } else {
                2
            })
        }
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

fn nodes_table(list: &[NodeInfo]) -> String {
    let mut out = format!(
        "{:<12} {:<11} {:<8} {:>5} {:>14} {:>5} {:>9} {:>5} {}\n",
        "NODE", "STATE", "ARCH", "CORES", "SPEED(BC/S)", "CPU%", "PROCESSES", "JOBS", "LABELS"
    );
    for n in list {
        if !n.reachable {
            out.push_str(&format!("{:<12} {:<11}\n", n.name, "unreachable"));
            continue;
        }
        out.push_str(&format!(
            "{:<12} {:<11} {:<8} {:>5} {:>14} {:>5} {:>9} {:>5} {}\n",
            n.name,
            "up",
            n.arch,
            n.cores,
            if n.speed == 0 {
                "-".to_string()
            } else {
                n.speed.to_string()
            },
            n.cpu_percent.map_or("-".to_string(), |c| c.to_string()),
            n.processes,
            n.jobs,
            n.labels.join(",")
        ));
    }
    out
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
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
    };
    let reply = runtime()?.block_on(async {
        let (endpoint, mut send, mut recv) = open(node, cluster, &request).await?;
        send.finish()?;
        let mut bar: Option<crate::progress::Progress> = None;
        let reply = loop {
            match read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME).await? {
                Some(Reply::Progress { sent, total }) => {
                    bar.get_or_insert_with(|| crate::progress::Progress::bytes("sending", total))
                        .set(sent);
                }
                Some(reply) => break reply,
                None => bail!("{node} closed the stream without answering"),
            }
        };
        if let Some(bar) = bar {
            bar.done();
        }
        endpoint.close();
        anyhow::Ok(reply)
    })?;
    match reply {
        Reply::Migrated {
            from,
            to,
            frozen_micros,
            checkpoint_bytes,
            class_bytes,
            precopy_rounds,
            precopy_bytes,
        } => {
            if precopy_rounds > 0 {
                println!(
                    "moved {id} from {from} to {to}: frozen {:.3} ms, {precopy_rounds} rounds of pre-copy ({precopy_bytes} bytes) while it ran, then {checkpoint_bytes} bytes frozen, {class_bytes} class bytes sent",
                    frozen_micros as f64 / 1000.0
                );
            } else {
                println!(
                    "moved {id} from {from} to {to}: frozen {:.3} ms, checkpoint {checkpoint_bytes} bytes, {class_bytes} class bytes sent",
                    frozen_micros as f64 / 1000.0
                );
            }
            Ok(0)
        }
        Reply::Done => {
            println!("{id} runs on {to} already");
            Ok(0)
        }
        Reply::Error { message } => {
            eprintln!("phantom: {message}");
            Ok(1)
        }
        other => bail!("unexpected reply from {node}: {other:?}"),
    }
}

/// `phantom ps`: the cluster's jobs, running and recently ended; the nodes that did not
/// answer are named on stderr (exit status 2).
pub(crate) fn ps(node: SocketAddr, cluster: &Path, json: bool) -> Result<i32> {
    match ask(node, cluster, &Request::Ps { cluster: true })? {
        Reply::Listing {
            processes,
            unreachable,
        } => {
            if json {
                let value = serde_json::json!({
                    "jobs": processes,
                    "unreachable": unreachable,
                });
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                print!("{}", ps_table(&processes));
            }
            if unreachable.is_empty() {
                Ok(0)
            } else {
                eprintln!(
                    "phantom: no answer from {}: their jobs are not listed",
                    unreachable.join(", ")
                );
                Ok(2)
            }
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
        "{:<14} {:<24} {:<10} {:<8} {:<10} {:>15} {:>10} {:<10} {:>4}\n",
        "ID", "MAIN", "NODE", "ARCH", "STATE", "INSTRUCTIONS", "MIGRATIONS", "HOME", "EXIT"
    );
    for p in list {
        out.push_str(&format!(
            "{:<14} {:<24} {:<10} {:<8} {:<10} {:>15} {:>10} {:<10} {:>4}\n",
            p.id,
            p.main,
            p.node,
            p.arch,
            p.state,
            p.executed,
            p.migrations,
            p.home,
            p.exit.map_or("-".to_string(), |s| s.to_string())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_read_as_utc_dates() {
        assert_eq!(super::time_text(0), "1970-01-01 00:00:00.000 UTC");
        assert_eq!(
            super::time_text(1_796_347_935_123),
            "2026-12-04 01:32:15.123 UTC"
        );
    }
}
