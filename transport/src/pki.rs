//! The cluster CA and the node and client certificates (`phantom cluster init`).
//!
//! A cluster is one self-signed CA. Every node holds a certificate naming it (SAN DNS and CN =
//! node name) usable both as TLS server and TLS client, since nodes accept connections and
//! connect to peers. The CLI holds one client certificate (CN = `client`) usable only as a TLS
//! client, so it can never pose as a node. The role of a peer is read back from its verified
//! certificate by [`Peer::from_cert_der`]; see `docs/cluster.md`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, PKCS_ECDSA_P256_SHA256,
};
use rustls::RootCertStore;
use rustls::crypto::CryptoProvider;
use rustls::server::WebPkiClientVerifier;
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, UnixTime};
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};

/// The common name of the CLI's client certificate, and therefore a name no node may take.
pub const CLIENT_NAME: &str = "client";

/// The common name of a cluster CA certificate, followed by the start of its key identifier:
/// distinct clusters get distinct issuer names, so a certificate from another cluster fails as
/// "unknown issuer" instead of a confusing bad signature against a same-named CA.
const CA_NAME: &str = "phantom cluster CA";

/// How long generated certificates stay valid, in years.
const VALIDITY_YEARS: i32 = 10;

/// Longest node name accepted: one DNS label.
const MAX_NODE_NAME: usize = 63;

/// What went wrong creating or loading cluster certificates.
#[derive(Debug, thiserror::Error)]
pub enum PkiError {
    /// A node name is not usable as a certificate name.
    #[error("invalid node name {name:?}: {reason}")]
    InvalidNodeName {
        /// The rejected name.
        name: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// `init_cluster` was given no node names.
    #[error("a cluster needs at least one node name")]
    NoNodes,
    /// `init_cluster` would overwrite a file that already exists.
    #[error("{}: already exists; refusing to overwrite cluster files", path.display())]
    AlreadyExists {
        /// The existing file.
        path: PathBuf,
    },
    /// Reading, creating or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying I/O error.
        source: io::Error,
    },
    /// Generating a key or certificate failed.
    #[error("generating {what}: {source}")]
    Generate {
        /// Which key or certificate was being generated.
        what: String,
        /// The rcgen error.
        source: rcgen::Error,
    },
    /// A PEM file holds no usable item of the expected kind, or is malformed.
    #[error("{}: {what}", path.display())]
    Pem {
        /// The file concerned.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
    /// A private key does not belong to the certificate it is loaded with.
    #[error("{}: key does not match certificate {}: {reason}", key.display(), cert.display())]
    KeyMismatch {
        /// The certificate file.
        cert: PathBuf,
        /// The key file.
        key: PathBuf,
        /// The TLS library's explanation.
        reason: String,
    },
    /// A certificate is not a valid cluster member certificate issued by the CA it is loaded with.
    #[error("{}: not a valid certificate from the cluster CA {}: {reason}", cert.display(), ca.display())]
    NotFromCa {
        /// The certificate file.
        cert: PathBuf,
        /// The CA file.
        ca: PathBuf,
        /// Why verification failed.
        reason: String,
    },
    /// A certificate parses but does not carry a phantom node or client identity.
    #[error("certificate carries no phantom identity: {0}")]
    NoIdentity(String),
}

/// The files `init_cluster` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterFiles {
    /// The CA certificate (`ca.pem`), needed by every node and client.
    pub ca_cert: PathBuf,
    /// The CA private key (`ca-key.pem`); keep it offline, only needed to issue more certificates.
    pub ca_key: PathBuf,
    /// One entry per node, in the order the names were given.
    pub nodes: Vec<NodeFiles>,
    /// The CLI's client certificate (`client.pem`).
    pub client_cert: PathBuf,
    /// The CLI's client private key (`client-key.pem`).
    pub client_key: PathBuf,
}

/// One node's certificate and key files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeFiles {
    /// The node's name, as in its certificate.
    pub name: String,
    /// The node certificate (`<name>.pem`).
    pub cert: PathBuf,
    /// The node private key (`<name>-key.pem`).
    pub key: PathBuf,
}

/// Who is at the other end of a connection, as read from its CA-verified certificate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Peer {
    /// A cluster node (certificate with EKU serverAuth and a SAN DNS name): its node name.
    Node(String),
    /// A client (certificate with EKU clientAuth only): its common name.
    Client(String),
}

impl Peer {
    /// Classifies a DER certificate by the conventions of [`init_cluster`]: a certificate with
    /// EKU serverAuth is a node named by its first SAN DNS name; one with only clientAuth is a
    /// client named by its CN. Does not verify the certificate: call it on certificates the TLS
    /// layer has already verified against the cluster CA.
    pub fn from_cert_der(der: &[u8]) -> Result<Peer, PkiError> {
        let (_, cert) = X509Certificate::from_der(der)
            .map_err(|e| PkiError::NoIdentity(format!("unparsable certificate: {e}")))?;
        let eku = cert
            .extended_key_usage()
            .map_err(|e| PkiError::NoIdentity(format!("bad extended key usage: {e}")))?
            .map(|ext| ext.value);
        let (server_auth, client_auth) =
            eku.map_or((false, false), |u| (u.server_auth, u.client_auth));
        if server_auth {
            let san = cert
                .subject_alternative_name()
                .map_err(|e| PkiError::NoIdentity(format!("bad subject alternative name: {e}")))?;
            let dns = san.and_then(|ext| {
                ext.value.general_names.iter().find_map(|n| match n {
                    GeneralName::DNSName(name) => Some(name.to_string()),
                    _ => None,
                })
            });
            return match dns {
                Some(name) => Ok(Peer::Node(name)),
                None => Err(PkiError::NoIdentity(
                    "server certificate without a SAN DNS name".to_owned(),
                )),
            };
        }
        if client_auth {
            let cn = cert
                .subject()
                .iter_common_name()
                .next()
                .and_then(|cn| cn.as_str().ok())
                .ok_or_else(|| {
                    PkiError::NoIdentity("client certificate without a common name".to_owned())
                })?;
            return Ok(Peer::Client(cn.to_owned()));
        }
        Err(PkiError::NoIdentity(
            "neither serverAuth nor clientAuth extended key usage".to_owned(),
        ))
    }

    /// The node or client name.
    pub fn name(&self) -> &str {
        match self {
            Peer::Node(name) | Peer::Client(name) => name,
        }
    }

    /// Whether this peer is a cluster node.
    pub fn is_node(&self) -> bool {
        matches!(self, Peer::Node(_))
    }
}

impl std::fmt::Display for Peer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Peer::Node(name) => write!(f, "node {name}"),
            Peer::Client(name) => write!(f, "client {name}"),
        }
    }
}

/// Checks that `name` can name a node: one lowercase DNS label (`[a-z0-9-]`, starting with a
/// letter, not ending with `-`, at most 63 bytes) and not the reserved client name. Lowercase
/// only, so the name in the certificate is the name peers report, with no case variants.
pub fn validate_node_name(name: &str) -> Result<(), PkiError> {
    let invalid = |reason| {
        Err(PkiError::InvalidNodeName {
            name: name.to_owned(),
            reason,
        })
    };
    if name.is_empty() {
        return invalid("empty");
    }
    if name.len() > MAX_NODE_NAME {
        return invalid("longer than 63 bytes");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return invalid("only lowercase letters, digits and '-' are allowed");
    }
    if !name.as_bytes()[0].is_ascii_lowercase() {
        return invalid("must start with a lowercase letter");
    }
    if name.ends_with('-') {
        return invalid("must not end with '-'");
    }
    if name == CLIENT_NAME {
        return invalid("\"client\" is reserved for the CLI's certificate");
    }
    Ok(())
}

/// Creates a cluster CA, one certificate and key per node, and the CLI client certificate and
/// key in `out_dir` (created if missing). Validates every name and checks that no target file
/// exists before writing anything, so a refused call leaves the directory as it was.
pub fn init_cluster(out_dir: &Path, nodes: &[String]) -> Result<ClusterFiles, PkiError> {
    if nodes.is_empty() {
        return Err(PkiError::NoNodes);
    }
    for (i, name) in nodes.iter().enumerate() {
        validate_node_name(name)?;
        if nodes[..i].contains(name) {
            return Err(PkiError::InvalidNodeName {
                name: name.clone(),
                reason: "given more than once",
            });
        }
    }
    let files = ClusterFiles {
        ca_cert: out_dir.join("ca.pem"),
        ca_key: out_dir.join("ca-key.pem"),
        nodes: nodes
            .iter()
            .map(|name| NodeFiles {
                name: name.clone(),
                cert: out_dir.join(format!("{name}.pem")),
                key: out_dir.join(format!("{name}-key.pem")),
            })
            .collect(),
        client_cert: out_dir.join(format!("{CLIENT_NAME}.pem")),
        client_key: out_dir.join(format!("{CLIENT_NAME}-key.pem")),
    };
    let mut all: Vec<&Path> = vec![
        &files.ca_cert,
        &files.ca_key,
        &files.client_cert,
        &files.client_key,
    ];
    for node in &files.nodes {
        all.push(&node.cert);
        all.push(&node.key);
    }
    for path in &all {
        if fs::symlink_metadata(path).is_ok() {
            return Err(PkiError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
    }
    fs::create_dir_all(out_dir).map_err(|source| PkiError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;

    let ca_key = generate_key("the CA key")?;
    let mut ca_params = CertificateParams::default();
    let key_id: String = ca_params
        .key_identifier(&ca_key)
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    ca_params.distinguished_name = distinguished_name(&format!("{CA_NAME} {key_id}"));
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    set_validity(&mut ca_params);
    let ca_cert = ca_params
        .self_signed(&ca_key)
        .map_err(|source| generate_error("the CA certificate", source))?;
    let issuer = Issuer::new(ca_params, &ca_key);

    // Write the secret first: if anything later fails, the partial set is still refused by the
    // existence check on the next run, rather than silently reissued under a new CA.
    write_new(&files.ca_key, ca_key.serialize_pem().as_bytes(), true)?;
    write_new(&files.ca_cert, ca_cert.pem().as_bytes(), false)?;

    for node in &files.nodes {
        let key = generate_key(&format!("the key of node {}", node.name))?;
        let mut params = CertificateParams::new(vec![node.name.clone()]).map_err(|source| {
            generate_error(&format!("the certificate of node {}", node.name), source)
        })?;
        params.distinguished_name = distinguished_name(&node.name);
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        params.use_authority_key_identifier_extension = true;
        set_validity(&mut params);
        let cert = params.signed_by(&key, &issuer).map_err(|source| {
            generate_error(&format!("the certificate of node {}", node.name), source)
        })?;
        write_new(&node.key, key.serialize_pem().as_bytes(), true)?;
        write_new(&node.cert, cert.pem().as_bytes(), false)?;
    }

    let key = generate_key("the client key")?;
    let mut params = CertificateParams::default();
    params.distinguished_name = distinguished_name(CLIENT_NAME);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.use_authority_key_identifier_extension = true;
    set_validity(&mut params);
    let cert = params
        .signed_by(&key, &issuer)
        .map_err(|source| generate_error("the client certificate", source))?;
    write_new(&files.client_key, key.serialize_pem().as_bytes(), true)?;
    write_new(&files.client_cert, cert.pem().as_bytes(), false)?;
    Ok(files)
}

fn generate_key(what: &str) -> Result<KeyPair, PkiError> {
    KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(|source| generate_error(what, source))
}

fn generate_error(what: &str, source: rcgen::Error) -> PkiError {
    PkiError::Generate {
        what: what.to_owned(),
        source,
    }
}

fn distinguished_name(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    dn
}

/// Valid from yesterday (tolerates clock skew between the host that ran init and the nodes) to
/// `VALIDITY_YEARS` later.
fn set_validity(params: &mut CertificateParams) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX) - 1;
    let (year, month, day) = civil_from_days(days);
    params.not_before = rcgen::date_time_ymd(year, month, day);
    // Day 28 exists in every month, so the end date is valid whatever today is.
    params.not_after = rcgen::date_time_ymd(year + VALIDITY_YEARS, month, day.min(28));
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Ranges: day 1..=31 and month 1..=12 by construction; the year of any realistic clock fits.
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// Creates `path` (failing if it exists, even between our check and now) and writes `contents`;
/// secrets get mode 0600 from creation on, never a wider mode in between.
fn write_new(path: &Path, contents: &[u8], secret: bool) -> Result<(), PkiError> {
    let io_error = |source: io::Error| {
        if source.kind() == io::ErrorKind::AlreadyExists {
            PkiError::AlreadyExists {
                path: path.to_path_buf(),
            }
        } else {
            PkiError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if secret { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file: File = options.open(path).map_err(io_error)?;
    file.write_all(contents).map_err(io_error)?;
    file.sync_all().map_err(io_error)
}

/// A node's or client's credentials: its certificate chain and key, and the cluster CA it
/// trusts. Loaded once, then used to build endpoints (`crate::quic`).
pub struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    ca: CertificateDer<'static>,
    peer: Peer,
}

impl std::fmt::Debug for Identity {
    // Never print the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("peer", &self.peer)
            .field("chain_len", &self.chain.len())
            .finish_non_exhaustive()
    }
}

impl Clone for Identity {
    fn clone(&self) -> Self {
        Identity {
            chain: self.chain.clone(),
            key: self.key.clone_key(),
            ca: self.ca.clone(),
            peer: self.peer.clone(),
        }
    }
}

impl Identity {
    /// Loads a certificate (PEM, end-entity first), its private key (PEM) and the cluster CA
    /// certificate (PEM), and checks that the key matches the certificate and that the
    /// certificate is a cluster certificate issued by that CA, so misconfiguration shows up
    /// here, naming the file, rather than as a failed handshake on a peer.
    pub fn load(cert: &Path, key: &Path, ca: &Path) -> Result<Identity, PkiError> {
        let chain = read_certs(cert)?;
        let key_der = read_key(key)?;
        let mut ca_certs = read_certs(ca)?;
        if ca_certs.len() != 1 {
            return Err(PkiError::Pem {
                path: ca.to_path_buf(),
                what: format!(
                    "expected exactly one CA certificate, found {}",
                    ca_certs.len()
                ),
            });
        }
        let ca_der = ca_certs.remove(0);
        let identity = Identity::from_der(chain, key_der, ca_der).map_err(|e| match e {
            FromDerError::KeyMismatch(reason) => PkiError::KeyMismatch {
                cert: cert.to_path_buf(),
                key: key.to_path_buf(),
                reason,
            },
            FromDerError::BadCa(what) => PkiError::Pem {
                path: ca.to_path_buf(),
                what,
            },
            FromDerError::NotFromCa(reason) => PkiError::NotFromCa {
                cert: cert.to_path_buf(),
                ca: ca.to_path_buf(),
                reason,
            },
            FromDerError::NoIdentity(e) => PkiError::Pem {
                path: cert.to_path_buf(),
                what: e.to_string(),
            },
        })?;
        Ok(identity)
    }

    fn from_der(
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
        ca: CertificateDer<'static>,
    ) -> Result<Identity, FromDerError> {
        let provider = crypto_provider();
        CertifiedKey::from_der(chain.clone(), key.clone_key(), &provider)
            .map_err(|e| FromDerError::KeyMismatch(e.to_string()))?;
        let end_entity = chain
            .first()
            .ok_or_else(|| FromDerError::NotFromCa("no certificate".to_owned()))?;
        // Every cluster certificate, node or client, carries clientAuth, so the server-side
        // verifier is the one check that fits both.
        let verifier = client_verifier(&ca, provider).map_err(FromDerError::BadCa)?;
        verifier
            .verify_client_cert(end_entity, &chain[1..], UnixTime::now())
            .map_err(|e| FromDerError::NotFromCa(e.to_string()))?;
        let peer = Peer::from_cert_der(end_entity).map_err(FromDerError::NoIdentity)?;
        Ok(Identity {
            chain,
            key,
            ca,
            peer,
        })
    }

    /// Who this identity is: `Peer::Node(name)` for a node certificate, `Peer::Client(cn)` for a
    /// client certificate.
    pub fn peer(&self) -> &Peer {
        &self.peer
    }

    /// The certificate chain, end-entity first.
    pub fn chain(&self) -> &[CertificateDer<'static>] {
        &self.chain
    }

    /// A copy of the private key.
    pub fn key(&self) -> PrivateKeyDer<'static> {
        self.key.clone_key()
    }

    /// The cluster CA certificate this identity trusts.
    pub fn ca(&self) -> &CertificateDer<'static> {
        &self.ca
    }
}

enum FromDerError {
    KeyMismatch(String),
    BadCa(String),
    NotFromCa(String),
    NoIdentity(PkiError),
}

/// The one crypto provider phantom uses: ring. Configs are built with it explicitly, because
/// relying on a process-wide default panics when more than one provider is compiled in.
pub(crate) fn crypto_provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A root store holding only the cluster CA.
pub(crate) fn cluster_roots(ca: &CertificateDer<'static>) -> Result<Arc<RootCertStore>, String> {
    let mut roots = RootCertStore::empty();
    roots
        .add(ca.clone())
        .map_err(|e| format!("unusable CA certificate: {e}"))?;
    Ok(Arc::new(roots))
}

/// The server-side verifier: a client certificate is mandatory and must chain to the cluster CA
/// (the only root) with EKU clientAuth.
pub(crate) fn client_verifier(
    ca: &CertificateDer<'static>,
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn rustls::server::danger::ClientCertVerifier>, String> {
    WebPkiClientVerifier::builder_with_provider(cluster_roots(ca)?, provider)
        .build()
        .map_err(|e| format!("building the client verifier: {e}"))
}

fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, PkiError> {
    let bytes = read_file(path)?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PkiError::Pem {
            path: path.to_path_buf(),
            what: format!("malformed PEM certificate: {e}"),
        })?;
    if certs.is_empty() {
        return Err(PkiError::Pem {
            path: path.to_path_buf(),
            what: "no CERTIFICATE block found".to_owned(),
        });
    }
    Ok(certs)
}

fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>, PkiError> {
    let bytes = read_file(path)?;
    PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| PkiError::Pem {
        path: path.to_path_buf(),
        what: format!("no usable PRIVATE KEY block: {e}"),
    })
}

fn read_file(path: &Path) -> Result<Vec<u8>, PkiError> {
    fs::read(path).map_err(|source| PkiError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_818), (2026, 12, 31));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn node_names() {
        for ok in ["a", "node-1", "x86", "s390x-host"] {
            assert!(validate_node_name(ok).is_ok(), "{ok}");
        }
        let long = "a".repeat(64);
        for bad in [
            "",
            "client",
            "Node",
            "1node",
            "-a",
            "a-",
            "a.b",
            "a_b",
            "ä",
            long.as_str(),
        ] {
            assert!(validate_node_name(bad).is_err(), "{bad}");
        }
    }
}
