//! What an operator meets (docs/operations.md): a node named by host name, found by the client
//! from the cluster folder without `--node`; JSON logs filtered by `RUST_LOG`, with the job's
//! id on each line about the job; the errors for a port in use and for missing certificates;
//! `--stats-every`; man pages and completions.

use crate::cluster::compile_java;
use crate::support::{output, phantom};
use std::fs;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const HELLO: &str = r#"
public class Hello {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.out.println("hello " + i);
            Thread.sleep(50);
        }
    }
}
"#;

/// A node, killed when dropped.
struct NodeChild(Child);

impl Drop for NodeChild {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_node(config: &Path, log: &Path, rust_log: &str) -> NodeChild {
    NodeChild(
        phantom()
            .arg("node")
            .arg("--config")
            .arg(config)
            .env("RUST_LOG", rust_log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(log).expect("a log file"))
            .spawn()
            .expect("phantom node starts"),
    )
}

fn wait_for(log: &Path, what: &str) -> String {
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(log).unwrap_or_default();
        if text.contains(what) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{} never said {what:?}:\n{text}",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_node_named_by_host_name_logs_json_with_job_ids_and_explains_a_busy_port() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("operations-json");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a folder");
    let port = crate::cluster::free_port();
    let cluster = dir.join("cluster");
    let init = output(
        phantom()
            .args([
                "cluster",
                "init",
                "--nodes",
                "n",
                "--host",
                "localhost",
                "--no-http",
            ])
            .arg("--port")
            .arg(port.to_string())
            .arg("--out")
            .arg(&cluster),
    );
    assert!(init.status.success(), "cluster init: {init:?}");
    let config = cluster.join("n.toml");
    let text = fs::read_to_string(&config).expect("the node file");
    assert!(
        text.contains(&format!("listen = \"localhost:{port}\"")),
        "{text}"
    );
    // No balancer (it would measure this host's speed first), JSON logs, and a status page
    // with a token that needs escaping in a URL.
    let http_port = crate::browser::free_tcp_port();
    let text = text.replace(
        "policy = \"policy.toml\"",
        &format!(
            "log_format = \"json\"\nhttp = \"127.0.0.1:{http_port}\"\nhttp_token = \"a+b/c=&d\"\n"
        ),
    );
    fs::write(&config, text).expect("edit the node file");
    let log = dir.join("n.log");
    let _node = start_node(&config, &log, "info");
    wait_for(&log, "node up");

    // The client finds the node through the cluster folder's client.toml: no --node.
    let classes = compile_java(&dir, "Hello", HELLO);
    let run = output(
        phantom()
            .arg("submit")
            .arg("--cluster")
            .arg(&cluster)
            .arg("-cp")
            .arg(&classes)
            .arg("Hello")
            .env_remove("PHANTOM_NODE")
            .env("HOME", &dir)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("PHANTOM_CONFIG"),
    );
    assert!(run.status.success(), "submit: {run:?}");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "hello 0\nhello 1\nhello 2\n"
    );

    let text = wait_for(&log, "job ended");
    let mut about_job = 0;
    // Whole lines only: the node may be in the middle of writing the last one.
    for line in text
        .split_inclusive('\n')
        .filter_map(|l| l.strip_suffix('\n'))
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("a log line that is not JSON ({e}): {line}"));
        assert!(value["level"].is_string(), "{line}");
        let message = value["message"].as_str().unwrap_or_default();
        if ["started", "job ended", "exited"].contains(&message) {
            assert_eq!(
                value["job"], "n-1",
                "the job's id on a line about it: {line}"
            );
            about_job += 1;
        }
    }
    assert!(about_job >= 2, "lines about the job:\n{text}");

    // The page's data wants the token, in a header or the query; the page itself does not.
    use crate::browser::http_request;
    assert_eq!(http_request(http_port, "/api/nodes", "").0, 401);
    assert_eq!(
        http_request(http_port, "/api/nodes?token=a+b/c=&d", "").0,
        401
    );
    let (code, body) = http_request(http_port, "/api/nodes?token=a%2Bb%2Fc%3D%26d", "");
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"name\":\"n\""), "{body}");
    assert_eq!(
        http_request(http_port, "/metrics", "Authorization: Bearer a+b/c=&d\r\n").0,
        200
    );
    assert_eq!(http_request(http_port, "/app.js", "").0, 200);
    assert_eq!(http_request(http_port, "/", "").0, 200);

    // A second node on the same port (with a store of its own) says what to do.
    let second = cluster.join("n2.toml");
    let text = fs::read_to_string(&config).expect("the node file");
    fs::write(
        &second,
        text.replace("state = \"n.state\"", "state = \"n2.state\""),
    )
    .expect("a second node file");
    let busy = output(
        phantom()
            .arg("node")
            .arg("--config")
            .arg(&second)
            .env("RUST_LOG", "error"),
    );
    assert!(!busy.status.success());
    let stderr = String::from_utf8_lossy(&busy.stderr);
    assert!(
        stderr.contains("in use") && stderr.contains("`listen`"),
        "the error for a busy port: {stderr}"
    );
}

#[test]
fn a_client_without_certificates_or_node_is_told_what_to_do() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("operations-nothing");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a folder");
    let ps = output(
        phantom()
            .arg("ps")
            .current_dir(&dir)
            .env_remove("PHANTOM_NODE")
            .env_remove("PHANTOM_CLUSTER")
            .env_remove("PHANTOM_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .env("HOME", &dir),
    );
    assert!(!ps.status.success());
    let stderr = String::from_utf8_lossy(&ps.stderr);
    assert!(
        stderr.contains("no node to ask") && stderr.contains("--node"),
        "{stderr}"
    );
    let ps = output(
        phantom()
            .args(["ps", "--node", "localhost:9"])
            .current_dir(&dir)
            .env_remove("PHANTOM_CLUSTER")
            .env("HOME", &dir),
    );
    let stderr = String::from_utf8_lossy(&ps.stderr);
    assert!(
        !ps.status.success() && stderr.contains("phantom cluster init"),
        "{stderr}"
    );
    // A node file with a name that does not resolve names its key.
    fs::write(
        dir.join("bad.toml"),
        "name = \"a\"\nlisten = \"no-such-host.invalid:7001\"\n",
    )
    .expect("a node file");
    let node = output(
        phantom()
            .arg("node")
            .arg("--config")
            .arg(dir.join("bad.toml")),
    );
    let stderr = String::from_utf8_lossy(&node.stderr);
    assert!(
        !node.status.success() && stderr.contains("listen"),
        "{stderr}"
    );
}

#[test]
fn stats_every_prints_a_status_line_while_the_program_runs() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("operations-stats");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a folder");
    let classes = compile_java(&dir, "Hello", HELLO);
    let run = output(
        phantom()
            .args(["run", "--stats-every", "0.1", "-cp"])
            .arg(&classes)
            .arg("Hello"),
    );
    assert!(run.status.success(), "{run:?}");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "hello 0\nhello 1\nhello 2\n"
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    let periodic = stderr
        .lines()
        .filter(|l| l.starts_with("phantom: ") && l.contains(" s: ") && l.contains("M/s"))
        .count();
    assert!(periodic >= 1, "status lines: {stderr}");
    assert!(
        stderr.contains("collections, peak RSS"),
        "the final statistics: {stderr}"
    );
    let bad = output(phantom().args(["run", "--stats-every", "x", "Hello"]));
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--stats-every"));
}

#[test]
fn man_pages_and_completions_come_from_the_command_definitions() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("operations-man");
    let _ = fs::remove_dir_all(&dir);
    let man = output(phantom().arg("man").arg("--out").arg(&dir));
    assert!(man.status.success(), "{man:?}");
    let page = fs::read_to_string(dir.join("phantom-submit.1")).expect("phantom-submit.1");
    assert!(
        page.contains("\\-\\-detach") || page.contains("--detach"),
        "{page}"
    );
    assert!(dir.join("phantom.1").exists() && dir.join("phantom-node.1").exists());
    for shell in ["bash", "zsh", "fish"] {
        let out = output(phantom().args(["completions", shell]));
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains("submit") && script.contains("migrate"),
            "{shell}"
        );
    }
}
