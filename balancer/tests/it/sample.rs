//! Load reports: the sampler, CBOR round trips, and staleness in the load table.

use phantom_balancer::{HostId, HostLoad, LoadSampler, LoadTable};

fn report(host: &str, seq: u64) -> HostLoad {
    HostLoad {
        host: HostId::from(host),
        seq,
        sent_at_ms: 1_700_000_000_000 + seq,
        cpu_usage: 0.25,
        cores: 4,
        memory_total: 8 << 30,
        memory_used: 2 << 30,
        speed_bps: 1.0e8,
        processes: 3,
        arch: "x86_64".into(),
        labels: vec!["gpu".into()],
    }
}

#[test]
fn sampler_reports_this_host() {
    let mut sampler = LoadSampler::new(HostId::from("here"), vec!["a".into()]).unwrap();
    std::thread::sleep(LoadSampler::minimum_interval());
    let first = sampler.sample(1.0e8, 2);
    let second = sampler.sample(1.0e8, 2);
    assert_eq!((first.seq, second.seq), (1, 2));
    assert!((0.0..=1.0).contains(&first.cpu_usage));
    assert!(first.cores >= 1);
    assert!(first.memory_total > 0 && first.memory_used <= first.memory_total);
    assert_eq!(first.arch, std::env::consts::ARCH);
    assert_eq!(first.labels, ["a"]);
    assert_eq!((first.speed_bps, first.processes), (1.0e8, 2));
}

#[test]
fn report_round_trips_through_cbor() {
    let original = report("a", 7);
    let mut bytes = Vec::new();
    ciborium::into_writer(&original, &mut bytes).unwrap();
    let back: HostLoad = ciborium::from_reader(bytes.as_slice()).unwrap();
    assert_eq!(back, original);
}

#[test]
fn stale_reports_are_recognised() {
    let mut table = LoadTable::new();
    assert!(table.record(report("a", 1), 10.0, 5.0));
    assert!(table.record(report("b", 1), 12.0, 5.0));
    assert_eq!(table.is_stale(&HostId::from("a"), 14.0, 5.0), Some(false));
    assert_eq!(table.is_stale(&HostId::from("a"), 15.5, 5.0), Some(true));
    assert_eq!(table.is_stale(&HostId::from("c"), 15.5, 5.0), None);
    let views = table.host_views(16.0, 5.0);
    assert_eq!(views.len(), 2);
    assert!(views[0].stale && !views[1].stale);
    assert_eq!(views[0].memory_used, 0.25);
}

#[test]
fn old_and_duplicate_reports_are_ignored() {
    let mut table = LoadTable::new();
    assert!(table.record(report("a", 5), 10.0, 5.0));
    assert!(!table.record(report("a", 5), 11.0, 5.0));
    assert!(!table.record(report("a", 4), 11.0, 5.0));
    assert!(table.record(report("a", 6), 11.0, 5.0));
    assert_eq!(table.get(&HostId::from("a")).unwrap().report.seq, 6);
    // Once the held report is stale, a lower sequence means the sender restarted.
    assert!(table.record(report("a", 1), 30.0, 5.0));
    assert_eq!(table.get(&HostId::from("a")).unwrap().received_at, 30.0);
    assert!(table.remove(&HostId::from("a")).is_some());
    assert!(table.host_views(30.0, 5.0).is_empty());
}
