//! The status page in a real browser (docs/operations.md): headless Chromium, driven over the
//! DevTools protocol, opens a node's page; the test checks that the cluster's nodes and a
//! running job appear, moves the job to a node of another architecture with `phantom migrate`,
//! and checks that the page shows it there, and the migration in its feed, without a reload.

use crate::cluster::{Cluster, node_commands, start_each};
use crate::support::output;
use base64::Engine as _;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Headless Chromium, killed when dropped, with a DevTools connection to its page.
struct Browser {
    child: Child,
    socket: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
    _profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Chromium that scripts/setup installs.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("which").arg(name).output()
            && out.status.success()
        {
            return PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        }
    }
    panic!("no Chromium on PATH: scripts/setup installs it (apt-get install chromium)");
}

impl Browser {
    /// Starts Chromium on `url` and connects to the page.
    fn open(url: &str, profile: &Path) -> Browser {
        let _ = std::fs::remove_dir_all(profile);
        std::fs::create_dir_all(profile).expect("a profile folder");
        let child = Command::new(chromium())
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--window-size=1280,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Chromium starts");
        // Chromium writes the port it chose into the profile.
        let start = Instant::now();
        let port = loop {
            if let Ok(text) = std::fs::read_to_string(profile.join("DevToolsActivePort"))
                && let Some(port) = text
                    .lines()
                    .next()
                    .and_then(|l| l.trim().parse::<u16>().ok())
            {
                break port;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "Chromium did not open its DevTools port"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        let page = loop {
            let targets: Value =
                serde_json::from_str(&http_get(port, "/json/list")).unwrap_or_default();
            let page = targets.as_array().and_then(|t| {
                t.iter()
                    .find(|t| t["type"] == "page")
                    .and_then(|t| t["webSocketDebuggerUrl"].as_str())
                    .map(str::to_string)
            });
            if let Some(page) = page {
                break page;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "Chromium shows no page"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to DevTools");
        let (socket, _) = tungstenite::client(page.as_str(), stream).expect("a DevTools socket");
        Browser {
            child,
            socket,
            next_id: 0,
            _profile: profile.to_path_buf(),
        }
    }

    /// Sends a DevTools command and returns its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({ "id": id, "method": method, "params": params });
        self.socket
            .send(tungstenite::Message::text(message.to_string()))
            .expect("send to DevTools");
        loop {
            let reply = self.socket.read().expect("read from DevTools");
            let Ok(text) = reply.to_text() else { continue };
            let Ok(value) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            if value["id"] == id {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        result["result"]["value"].clone()
    }

    /// Waits until `expression` is true in the page.
    fn wait_for(&mut self, expression: &str, what: &str, limit: Duration) {
        let start = Instant::now();
        loop {
            if self.eval(expression) == Value::Bool(true) {
                return;
            }
            if start.elapsed() > limit {
                let body = self.eval("document.body ? document.body.innerText : ''");
                panic!(
                    "the page never showed {what}; it shows:\n{}",
                    body.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A PNG of the page.
    fn screenshot(&mut self) -> Vec<u8> {
        let result = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        base64::engine::general_purpose::STANDARD
            .decode(result["data"].as_str().expect("screenshot data"))
            .expect("base64 PNG")
    }
}

/// A plain HTTP GET on loopback: the body.
pub(crate) fn http_get(port: u16, path: &str) -> String {
    http_request(port, path, "").1
}

/// A plain HTTP GET on loopback with more header lines (each ending in CRLF): the status code
/// and the body (0 and nothing when it fails).
pub(crate) fn http_request(port: u16, path: &str, headers: &str) -> (u16, String) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new());
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n{headers}\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return (0, String::new());
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let code = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (code, body)
}

pub(crate) fn free_tcp_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free TCP port")
        .port()
}

/// Node `h` of this architecture serves the page; node `r` is the last other architecture
/// (s390x, big-endian, in CI), or this one again when there is no other.
fn page_cluster(test: &str, http_port: u16) -> Cluster {
    let all = node_commands();
    let other = all.last().cloned().unwrap_or_else(|| all[0].clone());
    let page = format!("http = \"127.0.0.1:{http_port}\"\n");
    start_each(
        test,
        &[("h", all[0].clone(), page), ("r", other, String::new())],
        &[],
    )
}

#[test]
fn the_status_page_follows_a_job_across_architectures_without_a_reload() {
    // The page is the node's; the browser is the host's, as in the fault-injection tests.
    if crate::support::host_run_only("the browser test") {
        return;
    }
    let _serial = crate::support::exclusive();
    let http_port = free_tcp_port();
    let cluster = page_cluster("status-page", http_port);
    let classes = crate::cluster::compile_java(
        &cluster.dir,
        "Journey",
        include_str!("../../examples/java/Journey.java"),
    );
    let submitted = output(
        cluster
            .client("submit", "h")
            .arg("--detach")
            .arg("-cp")
            .arg(&classes)
            // Until it is killed, however slow the machine.
            .args(["Journey", "1000000", "100"]),
    );
    assert!(submitted.status.success(), "submit: {submitted:?}");
    let id = String::from_utf8(submitted.stdout)
        .expect("an id")
        .trim()
        .to_string();
    let other_arch = cluster.node("r").arch.clone();

    let profile = cluster.dir.join("chromium");
    let mut browser = Browser::open(&format!("http://127.0.0.1:{http_port}/"), &profile);
    browser.wait_for(
        "document.querySelectorAll('#nodes tr[data-node=\"h\"], #nodes tr[data-node=\"r\"]').length == 2 \
         && document.querySelector('#nodes tr[data-node=\"r\"]').dataset.reachable == 'true'",
        "both nodes, reachable",
        Duration::from_secs(60),
    );
    let row = format!("document.querySelector('#jobs tr[data-job=\"{id}\"]')");
    browser.wait_for(
        &format!("{row} != null && {row}.dataset.node == 'h' && {row}.dataset.state != 'exited'"),
        "the job running on h",
        Duration::from_secs(60),
    );
    // A mark that a reload would wipe.
    browser.eval("window.notReloaded = true; window.phantom.snapshots");

    let moved = output(cluster.client("migrate", "h").arg(&id).args(["--to", "r"]));
    assert!(moved.status.success(), "migrate: {moved:?}");
    browser.wait_for(
        &format!(
            "{row} != null && {row}.dataset.node == 'r' && {row}.textContent.includes('{other_arch}')"
        ),
        "the job on r",
        Duration::from_secs(60),
    );
    browser.wait_for(
        &format!(
            "[...document.querySelectorAll('#feed li[data-kind=\"migration\"]')]\
             .some(li => li.dataset.job == '{id}' && li.textContent.includes('to r'))"
        ),
        "the migration in the feed",
        Duration::from_secs(60),
    );
    assert_eq!(
        browser.eval("window.notReloaded === true"),
        Value::Bool(true),
        "the page was reloaded"
    );
    let png = browser.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    let shot = cluster.dir.join("status-page.png");
    std::fs::write(&shot, &png).expect("write the screenshot");
    println!("screenshot: {}", shot.display());

    // The same data as JSON, and the metrics.
    let jobs: Value = serde_json::from_str(&http_get(http_port, "/api/jobs")).expect("JSON");
    assert!(
        jobs["jobs"]
            .as_array()
            .expect("jobs")
            .iter()
            .any(|j| j["id"] == id.as_str() && j["node"] == "r"),
        "/api/jobs: {jobs}"
    );
    let metrics = http_get(http_port, "/metrics");
    assert!(
        metrics.contains("phantom_migrations_total{outcome=\"moved\"} 1"),
        "/metrics:\n{metrics}"
    );
    assert!(
        metrics.contains("phantom_migration_frozen_seconds_bucket"),
        "{metrics}"
    );
    let killed = output(cluster.client("kill", "h").arg(&id));
    assert!(killed.status.success(), "kill: {killed:?}");
}
