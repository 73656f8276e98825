//! QUIC endpoints (quinn) with mutual TLS (rustls, ring) against the cluster CA.
//!
//! Both sides authenticate with certificates from the one cluster CA ([`crate::pki`]):
//! - a server requires a client certificate chaining to the cluster CA with EKU clientAuth;
//! - a client requires the server's certificate to chain to the cluster CA with EKU serverAuth
//!   (node certificates only), and, when the caller names the node, that the certificate is
//!   that node's. Connecting by address alone ([`Endpoint::connect_addr`]) accepts any node of
//!   the cluster and reports which one it reached.
//!
//! A completed handshake is authentication, not authorisation: [`Incoming::establish`] and
//! [`Endpoint::connect`] return the verified [`Peer`] so the caller decides what it may do.
//! Under TLS 1.3 a client whose certificate the server rejects still sees its handshake
//! complete; the refusal reaches it at its first stream operation, while the server never
//! yields the connection.

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::time::Duration;

use quinn::crypto::rustls::{QuicClientConfig, QuicServerConfig};
use quinn::{EndpointConfig, IdleTimeout, TokioRuntime, TransportConfig, VarInt};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{verify_server_cert_signed_by_trust_anchor, verify_server_name};
use rustls::crypto::CryptoProvider;
use rustls::server::ParsedCertificate;
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::pki::{self, Identity, Peer, PkiError};

/// The ALPN protocol of phantom's transport; bumped on incompatible protocol changes.
pub const ALPN: &[u8] = b"phantom/1";

/// Interval of keep-alive packets, so idle connections survive NAT and the idle timeout.
pub const KEEP_ALIVE: Duration = Duration::from_secs(1);

/// A connection with no packets from the peer for this long is dead: a node that died is
/// noticed this soon by the peers it talked to.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// Per-stream receive window. Checkpoints of up to ~100 MB travel on one stream; a window this
/// large keeps the transfer from being window-bound on high-latency links.
pub const STREAM_WINDOW: u32 = 32 * 1024 * 1024;

/// Per-connection receive window and send window (all streams together).
pub const CONNECTION_WINDOW: u32 = 64 * 1024 * 1024;

/// Application error code sent when an endpoint closes its connections.
const CLOSE_CODE: u32 = 0;

/// What went wrong setting up an endpoint or a connection.
#[derive(Debug, thiserror::Error)]
pub enum QuicError {
    /// No Tokio runtime is running on this thread; endpoints need one for their I/O.
    #[error("QUIC endpoints must be created inside a Tokio runtime")]
    NoRuntime,
    /// Binding or configuring the UDP socket failed.
    #[error("UDP socket {addr}: {source}")]
    Socket {
        /// The address being bound.
        addr: SocketAddr,
        /// The OS error.
        source: io::Error,
    },
    /// The identity's certificates or key cannot configure TLS.
    #[error("TLS configuration: {0}")]
    Tls(String),
    /// The connection attempt could not start (bad name, endpoint closed, ...).
    #[error("connecting to {addr}: {source}")]
    Connect {
        /// The peer address.
        addr: SocketAddr,
        /// quinn's reason.
        source: quinn::ConnectError,
    },
    /// The handshake or the connection failed (certificate refused, timeout, ...).
    #[error("connection with {addr}: {source}")]
    Connection {
        /// The peer address.
        addr: SocketAddr,
        /// quinn's reason.
        source: quinn::ConnectionError,
    },
    /// The peer presented no certificate, or one that carries no phantom identity.
    #[error("peer {addr}: {reason}")]
    PeerIdentity {
        /// The peer address.
        addr: SocketAddr,
        /// What is missing or wrong.
        reason: String,
    },
}

/// A QUIC endpoint on one UDP socket: a node's (accepts connections and connects to peers) or a
/// client's (connects only). Cheap to clone; clones share the socket.
#[derive(Debug, Clone)]
pub struct Endpoint {
    inner: quinn::Endpoint,
}

impl Endpoint {
    /// A node endpoint bound to `addr`: accepts connections from holders of cluster
    /// certificates and connects to other nodes with `identity`, which must be a node's.
    /// Must be called inside a Tokio runtime.
    pub fn bind(addr: SocketAddr, identity: &Identity) -> Result<Endpoint, QuicError> {
        if !identity.peer().is_node() {
            return Err(QuicError::Tls(format!(
                "a node endpoint needs a node certificate, not that of {}",
                identity.peer()
            )));
        }
        let server = server_config(identity)?;
        Endpoint::open(addr, Some(server), identity)
    }

    /// A client-only endpoint (CLI commands) on an ephemeral port of the same address family
    /// as `target`, the node it will talk to. Must be called inside a Tokio runtime.
    pub fn client(target: SocketAddr, identity: &Identity) -> Result<Endpoint, QuicError> {
        let addr = match target {
            SocketAddr::V4(_) => SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
            SocketAddr::V6(_) => SocketAddr::from((Ipv6Addr::UNSPECIFIED, 0)),
        };
        Endpoint::open(addr, None, identity)
    }

    fn open(
        addr: SocketAddr,
        server: Option<quinn::ServerConfig>,
        identity: &Identity,
    ) -> Result<Endpoint, QuicError> {
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(QuicError::NoRuntime);
        }
        let client = client_config(identity)?;
        let socket = UdpSocket::bind(addr).map_err(|source| QuicError::Socket { addr, source })?;
        // A node's reset key is derived from its private key, so the same node started again
        // answers packets of its peers' old connections with a stateless reset they accept:
        // they learn at their next packet that it restarted, instead of after the idle timeout.
        // A client's is random.
        let config = if server.is_some() {
            EndpointConfig::new(Arc::new(reset_key(identity)))
        } else {
            EndpointConfig::default()
        };
        let mut inner = quinn_endpoint(socket, server, config)
            .map_err(|source| QuicError::Socket { addr, source })?;
        inner.set_default_client_config(client);
        Ok(Endpoint { inner })
    }

    /// The bound socket address (with the actual port when bound to port 0).
    pub fn local_addr(&self) -> Result<SocketAddr, QuicError> {
        self.inner.local_addr().map_err(|source| QuicError::Socket {
            addr: SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
            source,
        })
    }

    /// Connects to the node named `node` at `addr`: the server's certificate must be that
    /// node's. Returns the connection and the verified server identity.
    pub async fn connect(
        &self,
        addr: SocketAddr,
        node: &str,
    ) -> Result<(quinn::Connection, Peer), QuicError> {
        pki::validate_node_name(node).map_err(|e| QuicError::PeerIdentity {
            addr,
            reason: e.to_string(),
        })?;
        self.connect_as(addr, node).await
    }

    /// Connects to whichever cluster node listens at `addr` (for when only the address is
    /// known, as with the CLI's `--node HOST:PORT`): the server's certificate must be a node
    /// certificate of the cluster CA, whatever its name. Returns the connection and the
    /// verified node identity.
    pub async fn connect_addr(
        &self,
        addr: SocketAddr,
    ) -> Result<(quinn::Connection, Peer), QuicError> {
        // An IP address as server name means "no name check" to ClusterServerVerifier; node
        // names can never parse as IP addresses (they start with a letter).
        self.connect_as(addr, &addr.ip().to_string()).await
    }

    async fn connect_as(
        &self,
        addr: SocketAddr,
        server_name: &str,
    ) -> Result<(quinn::Connection, Peer), QuicError> {
        let connecting = self
            .inner
            .connect(addr, server_name)
            .map_err(|source| QuicError::Connect { addr, source })?;
        let connection = connecting
            .await
            .map_err(|source| QuicError::Connection { addr, source })?;
        let peer = peer_identity(&connection)?;
        if !peer.is_node() {
            connection.close(VarInt::from_u32(CLOSE_CODE), b"server is not a node");
            return Err(QuicError::PeerIdentity {
                addr,
                reason: format!("server is {peer}, not a node"),
            });
        }
        Ok((connection, peer))
    }

    /// Waits for the next incoming connection attempt; `None` once the endpoint is closed.
    /// Complete each with [`Incoming::establish`], typically in its own task so one slow
    /// handshake does not hold up the others.
    pub async fn accept(&self) -> Option<Incoming> {
        self.inner.accept().await.map(Incoming)
    }

    /// Closes every connection immediately and stops accepting.
    pub fn close(&self) {
        self.inner
            .close(VarInt::from_u32(CLOSE_CODE), b"endpoint closed");
    }

    /// Waits until every connection is closed and its pending data acknowledged.
    pub async fn wait_idle(&self) {
        self.inner.wait_idle().await;
    }

    /// The underlying quinn endpoint.
    pub fn quinn(&self) -> &quinn::Endpoint {
        &self.inner
    }
}

/// A connection attempt received by a node endpoint, before its handshake completes.
#[derive(Debug)]
pub struct Incoming(quinn::Incoming);

impl Incoming {
    /// The address the attempt comes from (not yet authenticated).
    pub fn remote_address(&self) -> SocketAddr {
        self.0.remote_address()
    }

    /// Completes the handshake. Fails if the peer's certificate is missing or not from the
    /// cluster CA; otherwise returns the connection and the verified peer identity, which the
    /// caller checks before accepting any work from it.
    pub async fn establish(self) -> Result<(quinn::Connection, Peer), QuicError> {
        let addr = self.0.remote_address();
        let connecting = self
            .0
            .accept()
            .map_err(|source| QuicError::Connection { addr, source })?;
        let connection = connecting
            .await
            .map_err(|source| QuicError::Connection { addr, source })?;
        let peer = peer_identity(&connection)?;
        Ok((connection, peer))
    }
}

/// The verified identity of the peer of `connection`, from the certificate the TLS handshake
/// checked against the cluster CA.
pub fn peer_identity(connection: &quinn::Connection) -> Result<Peer, QuicError> {
    let addr = connection.remote_address();
    let missing = |reason: &str| QuicError::PeerIdentity {
        addr,
        reason: reason.to_owned(),
    };
    let any = connection
        .peer_identity()
        .ok_or_else(|| missing("no certificate presented"))?;
    let chain = any
        .downcast::<Vec<CertificateDer<'static>>>()
        .map_err(|_| missing("peer identity is not a certificate chain"))?;
    let end_entity = chain
        .first()
        .ok_or_else(|| missing("empty certificate chain"))?;
    Peer::from_cert_der(end_entity).map_err(|e: PkiError| missing(&e.to_string()))
}

/// Hands `socket` to quinn with UDP GRO off. quinn turns GRO on while wrapping the socket, so
/// it is turned off afterwards, through a second descriptor of the same socket.
fn quinn_endpoint(
    socket: UdpSocket,
    server: Option<quinn::ServerConfig>,
    config: EndpointConfig,
) -> io::Result<quinn::Endpoint> {
    let control = socket.try_clone()?;
    let endpoint = quinn::Endpoint::new(config, server, socket, Arc::new(TokioRuntime))?;
    disable_gro(&control)?;
    Ok(endpoint)
}

/// The HMAC key of a node's stateless resets: SHA-256 of a label and the node's private key,
/// stable across restarts and secret to the node.
fn reset_key(identity: &Identity) -> ring::hmac::Key {
    let key = identity.key();
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    context.update(b"phantom stateless reset key\0");
    context.update(key.secret_der());
    ring::hmac::Key::new(ring::hmac::HMAC_SHA256, context.finish().as_ref())
}

/// Transport parameters shared by both sides: keep-alive, idle timeout, large windows, and no
/// segmentation offload (qemu mistranslates the UDP offload control messages for big-endian
/// guests, stalling large transfers).
fn transport_config() -> Arc<TransportConfig> {
    let mut config = TransportConfig::default();
    config
        .keep_alive_interval(Some(KEEP_ALIVE))
        .max_idle_timeout(Some(
            IdleTimeout::try_from(IDLE_TIMEOUT).expect("5 s fits in a QUIC idle timeout"),
        ))
        .stream_receive_window(VarInt::from_u32(STREAM_WINDOW))
        .receive_window(VarInt::from_u32(CONNECTION_WINDOW))
        .send_window(u64::from(CONNECTION_WINDOW))
        .enable_segmentation_offload(false);
    Arc::new(config)
}

fn server_config(identity: &Identity) -> Result<quinn::ServerConfig, QuicError> {
    let provider = pki::crypto_provider();
    let verifier = pki::client_verifier(identity.ca(), provider.clone()).map_err(QuicError::Tls)?;
    let mut tls = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(tls_error)?
        .with_client_cert_verifier(verifier)
        .with_single_cert(identity.chain().to_vec(), identity.key())
        .map_err(tls_error)?;
    tls.alpn_protocols = vec![ALPN.to_vec()];
    let quic = QuicServerConfig::try_from(tls).map_err(tls_error)?;
    let mut config = quinn::ServerConfig::with_crypto(Arc::new(quic));
    config.transport_config(transport_config());
    Ok(config)
}

fn client_config(identity: &Identity) -> Result<quinn::ClientConfig, QuicError> {
    let provider = pki::crypto_provider();
    let verifier = Arc::new(ClusterServerVerifier {
        roots: pki::cluster_roots(identity.ca()).map_err(QuicError::Tls)?,
        provider: provider.clone(),
    });
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(tls_error)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_client_auth_cert(identity.chain().to_vec(), identity.key())
        .map_err(tls_error)?;
    tls.alpn_protocols = vec![ALPN.to_vec()];
    let quic = QuicClientConfig::try_from(tls).map_err(tls_error)?;
    let mut config = quinn::ClientConfig::new(Arc::new(quic));
    config.transport_config(transport_config());
    Ok(config)
}

fn tls_error(e: impl std::fmt::Display) -> QuicError {
    QuicError::Tls(e.to_string())
}

/// Verifies a server against the cluster CA only. Same chain and EKU (serverAuth) checks as
/// rustls' WebPKI verifier; the name check applies when the caller named the node (a DNS
/// server name) and is skipped when it connected by address (an IP server name), since
/// membership of the cluster, not a particular name, is what the address-only caller asked for.
#[derive(Debug)]
struct ClusterServerVerifier {
    roots: Arc<RootCertStore>,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for ClusterServerVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let cert = ParsedCertificate::try_from(end_entity)?;
        verify_server_cert_signed_by_trust_anchor(
            &cert,
            &self.roots,
            intermediates,
            now,
            self.provider.signature_verification_algorithms.all,
        )?;
        if let ServerName::DnsName(_) = server_name {
            verify_server_name(&cert, server_name)?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        // Unreachable in practice (configs are TLS 1.3 only, as QUIC requires); checked properly
        // anyway rather than waved through.
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Turns UDP generic receive offload off. qemu-user hands the GRO control message to
/// big-endian guests without byte-swapping it, and an s390x process then stalls on large
/// transfers; the gain natively is small at phantom's rates.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn disable_gro(socket: &UdpSocket) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let off: libc::c_int = 0;
    let len = libc::socklen_t::try_from(size_of::<libc::c_int>())
        .expect("the size of a c_int fits in socklen_t");
    // SAFETY: the descriptor is open for the duration of the call (borrowed from `socket`), and
    // the option value points to a live c_int whose size is the length passed.
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            libc::SOL_UDP,
            libc::UDP_GRO,
            (&raw const off).cast::<libc::c_void>(),
            len,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let error = io::Error::last_os_error();
    // A kernel without UDP GRO cannot have it on.
    if error.raw_os_error() == Some(libc::ENOPROTOOPT) {
        Ok(())
    } else {
        Err(error)
    }
}

/// Other systems: no UDP GRO to turn off.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn disable_gro(_socket: &UdpSocket) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, any(target_os = "linux", target_os = "android")))]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;

    /// The socket's UDP_GRO setting, or None where the (possibly emulated) kernel lacks it.
    fn gro(socket: &UdpSocket) -> Option<libc::c_int> {
        let mut value: libc::c_int = -1;
        let mut len = libc::socklen_t::try_from(size_of::<libc::c_int>())
            .expect("the size of a c_int fits in socklen_t");
        // SAFETY: valid descriptor; value and len point to live locals of the sizes given.
        let rc = unsafe {
            libc::getsockopt(
                socket.as_raw_fd(),
                libc::SOL_UDP,
                libc::UDP_GRO,
                (&raw mut value).cast::<libc::c_void>(),
                &raw mut len,
            )
        };
        (rc == 0).then_some(value)
    }

    #[tokio::test]
    async fn gro_is_off_once_quinn_owns_the_socket() {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("loopback socket");
        let probe = socket.try_clone().expect("dup");
        let endpoint = quinn_endpoint(socket, None, EndpointConfig::default()).expect("endpoint");
        if let Some(value) = gro(&probe) {
            assert_eq!(value, 0, "UDP_GRO still on");
        }
        endpoint.close(VarInt::from_u32(0), b"");
    }
}
