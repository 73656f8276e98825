//! `init_cluster` files and `Identity::load` checks.

use phantom_transport::pki::{self, Identity, Peer, PkiError};

use crate::TempDir;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn init_writes_documented_layout_and_identities_load() {
    let dir = TempDir::new("layout");
    let files = pki::init_cluster(dir.path(), &names(&["alpha", "beta"])).expect("init");
    let mut listed: Vec<String> = std::fs::read_dir(dir.path())
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            "alpha-key.pem",
            "alpha.pem",
            "beta-key.pem",
            "beta.pem",
            "ca-key.pem",
            "ca.pem",
            "client-key.pem",
            "client.pem"
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for key in [
            &files.ca_key,
            &files.client_key,
            &files.nodes[0].key,
            &files.nodes[1].key,
        ] {
            let mode = std::fs::metadata(key)
                .expect("key exists")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{}", key.display());
        }
    }
    let alpha = Identity::load(&files.nodes[0].cert, &files.nodes[0].key, &files.ca_cert)
        .expect("node identity loads");
    assert_eq!(alpha.peer(), &Peer::Node("alpha".into()));
    let client = Identity::load(&files.client_cert, &files.client_key, &files.ca_cert)
        .expect("client identity loads");
    assert_eq!(client.peer(), &Peer::Client("client".into()));
}

#[test]
fn init_refuses_to_overwrite_and_names_the_file() {
    let dir = TempDir::new("overwrite");
    std::fs::write(dir.path().join("beta-key.pem"), "mine").expect("writable");
    let err = pki::init_cluster(dir.path(), &names(&["alpha", "beta"])).expect_err("refused");
    match &err {
        PkiError::AlreadyExists { path } => assert!(path.ends_with("beta-key.pem")),
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert!(err.to_string().contains("beta-key.pem"), "{err}");
    // Nothing else was written.
    assert_eq!(std::fs::read_dir(dir.path()).expect("readable").count(), 1);
}

#[test]
fn init_validates_names() {
    let dir = TempDir::new("names");
    for bad in [
        &[][..],
        &["client"][..],
        &["a", "a"][..],
        &["Upper"][..],
        &["with.dot"][..],
        &[""][..],
    ] {
        assert!(
            pki::init_cluster(dir.path(), &names(bad)).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("readable").count(), 0);
}

#[test]
fn load_errors_name_the_file() {
    let one = TempDir::new("load-one");
    let other = TempDir::new("load-other");
    let a = pki::init_cluster(one.path(), &names(&["alpha", "beta"])).expect("init");
    let b = pki::init_cluster(other.path(), &names(&["alpha"])).expect("init");
    let (alpha, beta) = (&a.nodes[0], &a.nodes[1]);

    let err = Identity::load(&alpha.cert, &beta.key, &a.ca_cert).expect_err("wrong key");
    assert!(matches!(err, PkiError::KeyMismatch { .. }), "{err:?}");
    assert!(err.to_string().contains("beta-key.pem"), "{err}");

    let err = Identity::load(&alpha.cert, &alpha.key, &b.ca_cert).expect_err("wrong CA");
    assert!(matches!(err, PkiError::NotFromCa { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&alpha.cert.display().to_string()),
        "{err}"
    );

    let missing = one.path().join("nope.pem");
    let err = Identity::load(&missing, &alpha.key, &a.ca_cert).expect_err("missing");
    assert!(matches!(err, PkiError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("nope.pem"), "{err}");

    let garbage = one.path().join("garbage.pem");
    std::fs::write(&garbage, "not pem").expect("writable");
    let err = Identity::load(&alpha.cert, &garbage, &a.ca_cert).expect_err("no key");
    assert!(err.to_string().contains("garbage.pem"), "{err}");
    let err = Identity::load(&garbage, &alpha.key, &a.ca_cert).expect_err("no cert");
    assert!(err.to_string().contains("garbage.pem"), "{err}");
}
