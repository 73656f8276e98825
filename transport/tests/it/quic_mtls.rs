//! Mutual-TLS QUIC over loopback: nodes and clients of one cluster talk and see each other's
//! identity; strangers (another CA, no certificate) are refused before the server reads a byte.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use phantom_transport::frame::{self, FrameError};
use phantom_transport::pki::{self, ClusterFiles, Identity, Peer};
use phantom_transport::quic::{self, Endpoint};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use tokio::time::timeout;

use crate::TempDir;

const LOOPBACK: &str = "127.0.0.1:0";
const MAX_MSG: usize = 1024 * 1024;
/// Generous: under qemu a handshake plus a transfer of a few MB takes seconds, not minutes.
const TEST_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Hello {
    text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Reply {
    /// How the replying side identified the sender.
    seen_as: String,
    text: String,
}

#[derive(Debug)]
enum Event {
    Connected(Peer),
    Refused(String),
    Message(Peer, Hello),
}

struct Cluster {
    _dir: TempDir,
    files: ClusterFiles,
}

impl Cluster {
    fn new(tag: &str, nodes: &[&str]) -> Cluster {
        let dir = TempDir::new(tag);
        let names: Vec<String> = nodes.iter().map(|s| (*s).to_owned()).collect();
        let files = pki::init_cluster(dir.path(), &names).expect("init_cluster");
        Cluster { _dir: dir, files }
    }

    fn node(&self, name: &str) -> Identity {
        let node = self
            .files
            .nodes
            .iter()
            .find(|n| n.name == name)
            .expect("node is in the cluster");
        Identity::load(&node.cert, &node.key, &self.files.ca_cert).expect("node identity")
    }

    fn client(&self) -> Identity {
        Identity::load(
            &self.files.client_cert,
            &self.files.client_key,
            &self.files.ca_cert,
        )
        .expect("client identity")
    }
}

fn loopback() -> SocketAddr {
    LOOPBACK.parse().expect("literal address")
}

/// Runs a node's accept loop: every established connection is reported, then each bi stream
/// gets one Hello read and one Reply written, saying how the sender was identified.
fn serve(endpoint: Endpoint) -> mpsc::UnboundedReceiver<Event> {
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(incoming) = endpoint.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (conn, peer) = match incoming.establish().await {
                    Ok(ok) => ok,
                    Err(e) => {
                        let _ = tx.send(Event::Refused(e.to_string()));
                        return;
                    }
                };
                let _ = tx.send(Event::Connected(peer.clone()));
                while let Ok((mut send, mut recv)) = conn.accept_bi().await {
                    let Ok(Some(hello)) = frame::read_message::<Hello>(&mut recv, MAX_MSG).await
                    else {
                        return;
                    };
                    let _ = tx.send(Event::Message(peer.clone(), hello.clone()));
                    let reply = Reply {
                        seen_as: peer.to_string(),
                        text: hello.text,
                    };
                    if frame::write_message(&mut send, &reply).await.is_err() {
                        return;
                    }
                    let _ = send.finish();
                }
            });
        }
    });
    rx
}

/// Sends one Hello on a new bi stream and reads the Reply.
async fn ask(conn: &quinn::Connection, text: &str) -> Result<Reply, String> {
    let (mut send, mut recv) = conn.open_bi().await.map_err(|e| e.to_string())?;
    let hello = Hello { text: text.into() };
    frame::write_message(&mut send, &hello)
        .await
        .map_err(|e| e.to_string())?;
    send.finish().map_err(|e| e.to_string())?;
    match frame::read_message::<Reply>(&mut recv, MAX_MSG).await {
        Ok(Some(reply)) => Ok(reply),
        Ok(None) => Err("stream ended without a reply".into()),
        Err(e) => Err(e.to_string()),
    }
}

async fn next_event(rx: &mut mpsc::UnboundedReceiver<Event>) -> Event {
    rx.recv().await.expect("server loop is running")
}

/// Answers one Hello on the next bi stream `conn`'s peer opens, saying how it identified the
/// peer; returns the Hello.
async fn respond_once(conn: quinn::Connection) -> Hello {
    let (mut send, mut recv) = conn.accept_bi().await.expect("peer opens a stream");
    let hello = frame::read_message::<Hello>(&mut recv, MAX_MSG)
        .await
        .expect("readable")
        .expect("one message");
    let reply = Reply {
        seen_as: quic::peer_identity(&conn).expect("verified").to_string(),
        text: hello.text.clone(),
    };
    frame::write_message(&mut send, &reply)
        .await
        .expect("writable");
    send.finish().expect("finishable");
    // The sender finished its side after one message: a clean end, not an error.
    assert!(
        frame::read_message::<Hello>(&mut recv, MAX_MSG)
            .await
            .expect("clean end")
            .is_none()
    );
    // Returns once the reply is acknowledged, so it cannot be lost to an early close.
    let _ = send.stopped().await;
    hello
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_exchange_messages_both_ways() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("nodes", &["alpha", "beta"]);
        let alpha = Endpoint::bind(loopback(), &cluster.node("alpha")).expect("bind alpha");
        let beta = Endpoint::bind(loopback(), &cluster.node("beta")).expect("bind beta");
        let beta_addr = beta.local_addr().expect("bound");

        let accepting = tokio::spawn({
            let beta = beta.clone();
            async move { beta.accept().await.expect("open").establish().await }
        });
        let (at_alpha, server) = alpha
            .connect(beta_addr, "beta")
            .await
            .expect("alpha -> beta");
        assert_eq!(server, Peer::Node("beta".into()));
        let (at_beta, client) = accepting.await.expect("task").expect("beta accepts alpha");
        assert_eq!(client, Peer::Node("alpha".into()));
        assert_eq!(quic::peer_identity(&at_alpha).expect("verified"), server);
        assert_eq!(quic::peer_identity(&at_beta).expect("verified"), client);

        // alpha -> beta, on a stream alpha opens.
        let beta_answers = tokio::spawn(respond_once(at_beta.clone()));
        let reply = ask(&at_alpha, "from alpha").await.expect("beta replies");
        assert_eq!(reply.seen_as, "node alpha");
        assert_eq!(reply.text, "from alpha");
        assert_eq!(beta_answers.await.expect("task").text, "from alpha");

        // beta -> alpha, on a stream beta opens over the same connection.
        let alpha_answers = tokio::spawn(respond_once(at_alpha.clone()));
        let reply = ask(&at_beta, "from beta").await.expect("alpha replies");
        assert_eq!(reply.seen_as, "node beta");
        assert_eq!(alpha_answers.await.expect("task").text, "from beta");

        alpha.close();
        beta.close();
    })
    .await
    .expect("test finished in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_by_address_reports_the_node_and_names_are_checked() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("by-addr", &["alpha", "beta"]);
        let alpha = Endpoint::bind(loopback(), &cluster.node("alpha")).expect("bind alpha");
        let beta = Endpoint::bind(loopback(), &cluster.node("beta")).expect("bind beta");
        let beta_addr = beta.local_addr().expect("bound");
        let mut events = serve(beta.clone());

        let (conn, server) = alpha.connect_addr(beta_addr).await.expect("by address");
        assert_eq!(server, Peer::Node("beta".into()));
        assert_eq!(ask(&conn, "hi").await.expect("reply").seen_as, "node alpha");

        // beta's certificate is not gamma's: refused on our side, whatever the CA says.
        let err = alpha
            .connect(beta_addr, "gamma")
            .await
            .expect_err("wrong node name");
        assert!(err.to_string().contains("certificate"), "{err}");
        // An invalid node name is refused before any packet is sent.
        assert!(alpha.connect(beta_addr, "127.0.0.1").await.is_err());

        let mut connected = 0;
        while connected < 1 {
            if let Event::Connected(peer) = next_event(&mut events).await {
                assert_eq!(peer, Peer::Node("alpha".into()));
                connected += 1;
            }
        }
        alpha.close();
        beta.close();
    })
    .await
    .expect("test finished in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cluster_client_is_identified_as_client() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("client", &["alpha"]);
        let alpha = Endpoint::bind(loopback(), &cluster.node("alpha")).expect("bind alpha");
        let addr = alpha.local_addr().expect("bound");
        let mut events = serve(alpha.clone());

        let cli = Endpoint::client(addr, &cluster.client()).expect("client endpoint");
        let (conn, server) = cli.connect_addr(addr).await.expect("client -> alpha");
        assert_eq!(server, Peer::Node("alpha".into()));
        let reply = ask(&conn, "ps").await.expect("reply");
        assert_eq!(reply.seen_as, "client client");
        match next_event(&mut events).await {
            Event::Connected(peer) => assert_eq!(peer, Peer::Client("client".into())),
            other => panic!("expected connection, got {other:?}"),
        }
        match next_event(&mut events).await {
            Event::Message(peer, hello) => {
                assert!(!peer.is_node());
                assert_eq!(hello.text, "ps");
            }
            other => panic!("expected message, got {other:?}"),
        }
        // A client certificate cannot serve as a node's.
        assert!(Endpoint::bind(loopback(), &cluster.client()).is_err());
        cli.close();
        alpha.close();
    })
    .await
    .expect("test finished in time");
}

/// A raw quinn client that trusts the cluster CA (so the server's certificate is fine) but
/// presents `auth`: another CA's certificate, or none.
fn stranger(ca: &Identity, auth: Option<&Identity>) -> quinn::Endpoint {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.ca().clone()).expect("CA parses");
    let verifier = rustls::client::WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .expect("verifier");
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3")
        .with_webpki_verifier(verifier);
    let mut tls = match auth {
        Some(id) => builder
            .with_client_auth_cert(id.chain().to_vec(), id.key())
            .expect("cert and key match"),
        None => builder.with_no_client_auth(),
    };
    tls.alpn_protocols = vec![quic::ALPN.to_vec()];
    let quic = quinn::crypto::rustls::QuicClientConfig::try_from(tls).expect("QUIC-capable");
    let mut endpoint = quinn::Endpoint::client(loopback()).expect("client socket");
    endpoint.set_default_client_config(quinn::ClientConfig::new(Arc::new(quic)));
    endpoint
}

/// Connects `client` to `server_name` at `addr` and tries one request: it must fail, and the
/// server must refuse the handshake without ever reading the message.
async fn assert_refused(
    client: &quinn::Endpoint,
    addr: SocketAddr,
    events: &mut mpsc::UnboundedReceiver<Event>,
) {
    // TLS 1.3: the client's handshake completes before the server has seen its certificate,
    // so connecting succeeds; the refusal arrives at the first stream operation.
    let conn = client
        .connect(addr, "alpha")
        .expect("starts")
        .await
        .expect("client-side handshake completes");
    let err = ask(&conn, "let me in").await.expect_err("must be refused");
    assert!(err.contains("handshake failed"), "{err}");
    match next_event(events).await {
        Event::Refused(reason) => assert!(reason.contains("connection with"), "{reason}"),
        other => panic!("expected a refused handshake, got {other:?}"),
    }
    // Give a wrongly accepted message time to show up, then check none did.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        events.try_recv().is_err(),
        "the server saw more than a refusal"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_from_another_ca_is_refused() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("ours", &["alpha"]);
        let foreign = Cluster::new("theirs", &["alpha"]);
        let alpha_id = cluster.node("alpha");
        let alpha = Endpoint::bind(loopback(), &alpha_id).expect("bind alpha");
        let addr = alpha.local_addr().expect("bound");
        let mut events = serve(alpha.clone());

        // The foreign cluster's client, and its node, which has the same name as ours.
        let intruder = stranger(&alpha_id, Some(&foreign.client()));
        assert_refused(&intruder, addr, &mut events).await;
        let intruder = stranger(&alpha_id, Some(&foreign.node("alpha")));
        assert_refused(&intruder, addr, &mut events).await;

        // Our phantom client endpoint with the foreign identity does not trust our node either.
        let cli = Endpoint::client(addr, &foreign.client()).expect("client endpoint");
        assert!(cli.connect_addr(addr).await.is_err());
        alpha.close();
    })
    .await
    .expect("test finished in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_without_certificate_is_refused() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("anon", &["alpha"]);
        let alpha_id = cluster.node("alpha");
        let alpha = Endpoint::bind(loopback(), &alpha_id).expect("bind alpha");
        let addr = alpha.local_addr().expect("bound");
        let mut events = serve(alpha.clone());
        let anonymous = stranger(&alpha_id, None);
        assert_refused(&anonymous, addr, &mut events).await;
        alpha.close();
    })
    .await
    .expect("test finished in time");
}

#[derive(Serialize, Deserialize)]
struct Blob {
    #[serde(with = "serde_bytes")]
    data: Vec<u8>,
}

/// One large framed message over one stream, as a checkpoint travels. 64 MB natively; 16 MB
/// on other architectures, which the test matrix runs under qemu at 7-13 MB/s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_transfer_over_one_stream() {
    let mb: usize = if cfg!(target_arch = "x86_64") { 64 } else { 16 };
    let size = mb * 1024 * 1024;
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("bulk", &["alpha", "beta"]);
        let alpha = Endpoint::bind(loopback(), &cluster.node("alpha")).expect("bind alpha");
        let beta = Endpoint::bind(loopback(), &cluster.node("beta")).expect("bind beta");
        let beta_addr = beta.local_addr().expect("bound");
        let receiver = tokio::spawn({
            let beta = beta.clone();
            async move {
                let (conn, _) = beta
                    .accept()
                    .await
                    .expect("open")
                    .establish()
                    .await
                    .expect("ok");
                let (mut send, mut recv) = conn.accept_bi().await.expect("stream");
                let blob = frame::read_message::<Blob>(&mut recv, size + 64)
                    .await
                    .expect("readable")
                    .expect("one message");
                frame::write_message(&mut send, &(blob.data.len() as u64))
                    .await
                    .expect("ack writable");
                send.finish().expect("finishable");
                let _ = send.stopped().await;
                blob.data
            }
        });
        let blob = Blob {
            data: (0..size).map(|i| (i % 251) as u8).collect(),
        };
        let (conn, _) = alpha.connect(beta_addr, "beta").await.expect("connect");
        // Timed: encoding, transfer, decoding and the acknowledgement, as a migration sees it.
        let start = Instant::now();
        let (mut send, mut recv) = conn.open_bi().await.expect("stream");
        frame::write_message(&mut send, &blob).await.expect("sent");
        send.finish().expect("finishable");
        let ack = frame::read_message::<u64>(&mut recv, 64)
            .await
            .expect("ack readable")
            .expect("ack");
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(ack, size as u64);
        eprintln!(
            "large_transfer_over_one_stream: {mb} MB in {secs:.2} s = {:.1} MB/s",
            mb as f64 / secs
        );
        let received = receiver.await.expect("receiver task");
        assert!(received == blob.data, "payload arrived altered");
        alpha.close();
        beta.close();
    })
    .await
    .expect("test finished in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_truncated_frames_over_a_stream() {
    timeout(TEST_TIMEOUT, async {
        let cluster = Cluster::new("limits", &["alpha", "beta"]);
        let alpha = Endpoint::bind(loopback(), &cluster.node("alpha")).expect("bind alpha");
        let beta = Endpoint::bind(loopback(), &cluster.node("beta")).expect("bind beta");
        let beta_addr = beta.local_addr().expect("bound");
        let receiver = tokio::spawn({
            let beta = beta.clone();
            async move {
                let (conn, _) = beta
                    .accept()
                    .await
                    .expect("open")
                    .establish()
                    .await
                    .expect("ok");
                let mut results = Vec::new();
                for _ in 0..2 {
                    let mut recv = conn.accept_uni().await.expect("stream");
                    results.push(frame::read_message::<String>(&mut recv, 16).await);
                }
                results
            }
        });
        let (conn, _) = alpha.connect(beta_addr, "beta").await.expect("connect");
        // Announces 1 GiB: refused from the prefix, nothing of that size is allocated.
        let mut send = conn.open_uni().await.expect("stream");
        send.write_all(&(1u32 << 30).to_be_bytes())
            .await
            .expect("sent");
        send.finish().expect("finishable");
        // A frame cut short by the end of the stream.
        let mut send = conn.open_uni().await.expect("stream");
        let whole = frame::encode(&"twelve bytes").expect("encodes");
        send.write_all(&whole[..whole.len() - 3])
            .await
            .expect("sent");
        send.finish().expect("finishable");

        let results = receiver.await.expect("receiver task");
        match &results[0] {
            Err(FrameError::Oversized { len, limit: 16 }) => assert_eq!(*len, 1 << 30),
            other => panic!("expected oversized, got {other:?}"),
        }
        match &results[1] {
            Err(FrameError::Truncated { expected, got }) => {
                assert_eq!((*expected, *got), (whole.len(), whole.len() - 3));
            }
            other => panic!("expected truncated, got {other:?}"),
        }
        alpha.close();
        beta.close();
    })
    .await
    .expect("test finished in time");
}
