//! Invariants of `decide`, `consider_offer` and `place` on many random snapshots (a seeded
//! loop, so a failure names the case that reproduces it).

use std::collections::HashMap;

use phantom_balancer::{
    History, HostId, HostView, Policy, ProcessId, ProcessView, Rule, Snapshot, SplitMix64,
    TargetView, Verdict, consider_offer, decide, pinned, place,
};

const ARCHES: [&str; 3] = ["x86_64", "aarch64", "riscv64"];

fn policy() -> Policy {
    let mut policy = Policy::default();
    policy.limits.max_concurrent = 5;
    policy.limits.max_moves_per_period = 6;
    policy.timing.min_residence = 2.0;
    policy.timing.cooldown = 3.0;
    policy.rules = vec![
        Rule {
            main_class: Some("pin.*".into()),
            pin: true,
            ..Rule::default()
        },
        Rule {
            label: Some("arm".into()),
            require_arch: vec!["aarch64".into()],
            ..Rule::default()
        },
        Rule {
            main_class: Some("gpu.*".into()),
            require_labels: vec!["gpu".into()],
            ..Rule::default()
        },
    ];
    policy
}

/// A random cluster, processes and history at time 100.
fn case(rng: &mut SplitMix64) -> (Snapshot, History) {
    let now = 100.0;
    let hosts: Vec<HostView> = (0..2 + rng.below(5))
        .map(|i| HostView {
            id: HostId(format!("h{i}")),
            speed_bps: [1.0e8, 2.0e7, 5.0e6][rng.below(3)],
            cores: 1 + rng.below(4) as u32,
            cpu_usage: rng.unit() * 0.5,
            memory_used: rng.unit(),
            arch: ARCHES[rng.below(3)].into(),
            labels: if rng.below(3) == 0 {
                vec!["gpu".into()]
            } else {
                vec![]
            },
            stale: rng.below(6) == 0,
        })
        .collect();
    let classes = ["app.Main", "pin.Db", "gpu.Train", "app.Other"];
    let processes: Vec<ProcessView> = (0..rng.below(40))
        .map(|i| {
            let host = hosts[rng.below(hosts.len())].id.clone();
            let started_at = now - rng.unit() * 100.0;
            ProcessView {
                id: ProcessId(i as u64),
                host,
                main_class: classes[rng.below(4)].into(),
                label: (rng.below(4) == 0).then(|| "arm".to_string()),
                started_at,
                resident_since: started_at + (now - started_at) * rng.unit(),
                executed: rng.unit() * 1.0e10,
                state_bytes: rng.below(100_000_000) as u64,
                migrating_to: (rng.below(10) == 0)
                    .then(|| hosts[rng.below(hosts.len())].id.clone()),
            }
        })
        .collect();
    let mut history = History::new();
    for p in &processes {
        if rng.below(3) == 0 {
            let from = hosts[rng.below(hosts.len())].id.clone();
            let at = now - rng.unit() * 80.0;
            history.record_start(p.id, from, p.host.clone(), at);
            if p.migrating_to.is_none() {
                history.record_end(p.id, at + 1.0);
            }
        }
    }
    (
        Snapshot {
            now,
            hosts,
            processes,
            costs: Vec::new(),
        },
        history,
    )
}

#[test]
fn decisions_respect_rules_limits_and_windows() {
    let policy = policy();
    let mut rng = SplitMix64::new(1);
    let mut moved = 0;
    for case_no in 0..2000 {
        let (snapshot, history) = case(&mut rng);
        let seed = rng.next_u64();
        let moves = decide(&snapshot, &policy, &history, seed);
        assert_eq!(
            moves,
            decide(&snapshot, &policy, &history, seed),
            "case {case_no}: not deterministic"
        );
        let hosts: HashMap<&HostId, &HostView> =
            snapshot.hosts.iter().map(|h| (&h.id, h)).collect();
        let in_flight = snapshot
            .processes
            .iter()
            .filter(|p| p.migrating_to.is_some())
            .count();
        let recent = history.started_since(snapshot.now - policy.limits.period);
        assert!(
            in_flight + moves.len() <= policy.limits.max_concurrent as usize || moves.is_empty()
        );
        assert!(
            recent + moves.len() <= policy.limits.max_moves_per_period as usize || moves.is_empty()
        );

        // Processes per host after the decided moves, to check targets never go overloaded.
        let mut per_host: HashMap<&HostId, f64> = HashMap::new();
        let mut incoming: HashMap<&HostId, u32> = HashMap::new();
        for p in &snapshot.processes {
            *per_host
                .entry(p.migrating_to.as_ref().unwrap_or(&p.host))
                .or_default() += 1.0;
            if let Some(t) = &p.migrating_to {
                *incoming.entry(t).or_default() += 1;
            }
        }
        let mut seen = Vec::new();
        for m in &moves {
            assert!(!seen.contains(&m.process), "case {case_no}: moved twice");
            seen.push(m.process);
            let p = snapshot
                .processes
                .iter()
                .find(|p| p.id == m.process)
                .unwrap();
            assert_eq!(p.host, m.from);
            assert!(
                p.migrating_to.is_none(),
                "case {case_no}: already in flight"
            );
            assert!(!pinned(&policy, p), "case {case_no}: pinned process moved");
            assert!(
                !hosts[&p.host].stale,
                "case {case_no}: moved off a stale host"
            );
            assert!(snapshot.now - p.started_at >= policy.timing.min_age);
            assert!(snapshot.now - p.resident_since >= policy.timing.min_residence);
            if let Some(last) = history.last_move(p.id) {
                let end = last.ended_at.expect("in flight processes are not moved");
                assert!(snapshot.now - end >= policy.timing.cooldown);
            }
            assert!(!m.offers.is_empty());
            assert!(m.offers.len() <= policy.limits.candidates as usize);
            for o in &m.offers {
                let h = hosts[&o.to];
                assert_ne!(o.to, p.host);
                assert!(!h.stale, "case {case_no}: offer to a stale host");
                assert!(h.memory_used <= policy.thresholds.memory);
                if let Some(rule) = policy.rule_for(&p.main_class, p.label.as_deref()) {
                    assert!(
                        rule.admits(&h.labels, &h.arch),
                        "case {case_no}: rule broken"
                    );
                }
                if let Some(last) = history.last_move(p.id)
                    && snapshot.now - last.started_at <= policy.timing.ping_pong_window
                {
                    assert_ne!(o.to, last.from, "case {case_no}: ping-pong");
                }
                assert!(o.expected_gain > policy.stability * o.cost);
            }
            // The first offer is the one the round assumed would be accepted.
            let first = &m.offers[0];
            let h = hosts[&first.to];
            let n = per_host.entry(&first.to).or_default();
            let demand = n.max(h.cpu_usage * h.cores as f64) + 1.0;
            assert!(
                demand / h.cores as f64 <= first.load_limit + 1e-9,
                "case {case_no}: move to an overloaded host"
            );
            *n += 1.0;
            let inc = incoming.entry(&first.to).or_default();
            *inc += 1;
            assert!(
                *inc <= policy.limits.max_incoming,
                "case {case_no}: incoming limit"
            );
            *per_host.get_mut(&p.host).unwrap() -= 1.0;
        }
        moved += moves.len();
    }
    assert!(
        moved > 200,
        "the random cases should exercise moves, got {moved}"
    );
}

#[test]
fn targets_refuse_what_they_cannot_take() {
    let policy = policy();
    let mut rng = SplitMix64::new(2);
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..500 {
        let (snapshot, history) = case(&mut rng);
        for m in decide(&snapshot, &policy, &history, rng.next_u64()) {
            for o in &m.offers {
                let host = snapshot
                    .hosts
                    .iter()
                    .find(|h| h.id == o.to)
                    .unwrap()
                    .clone();
                let running = rng.below(20) as u32;
                let incoming = rng.below(3) as u32;
                let view = TargetView {
                    host: host.clone(),
                    running,
                    incoming,
                };
                match consider_offer(&view, o, &policy) {
                    Verdict::Accept => {
                        accepted += 1;
                        let n = (running + incoming) as f64 + 1.0;
                        assert!(
                            n.max(host.cpu_usage * host.cores as f64 + 1.0) / host.cores as f64
                                <= o.load_limit
                        );
                        assert!(incoming < policy.limits.max_incoming);
                        assert!(host.memory_used <= policy.thresholds.memory);
                    }
                    Verdict::Refuse(_) => refused += 1,
                }
            }
        }
    }
    assert!(
        accepted > 0 && refused > 0,
        "{accepted} accepted, {refused} refused"
    );
}

#[test]
fn placement_respects_rules() {
    let policy = policy();
    let mut rng = SplitMix64::new(3);
    for case_no in 0..1000 {
        let (snapshot, _) = case(&mut rng);
        let origin = &snapshot.hosts[0].id;
        for (class, label) in [
            ("app.Main", None),
            ("gpu.Train", None),
            ("app.Main", Some("arm")),
        ] {
            let seed = rng.next_u64();
            let chosen = place(&snapshot, &policy, class, label, Some(origin), seed);
            assert_eq!(
                chosen,
                place(&snapshot, &policy, class, label, Some(origin), seed)
            );
            if let Some(h) = chosen {
                let h = snapshot.hosts.iter().find(|x| x.id == h).unwrap();
                assert!(!h.stale, "case {case_no}");
                if let Some(rule) = policy.rule_for(class, label) {
                    assert!(rule.admits(&h.labels, &h.arch), "case {case_no}");
                }
            }
        }
        // A pinned class starts where it was submitted.
        let chosen = place(&snapshot, &policy, "pin.Db", None, Some(origin), 0);
        assert_eq!(chosen.as_ref(), Some(origin));
    }
}

#[test]
fn an_idle_fast_host_attracts_a_long_running_process() {
    let policy = Policy::default();
    let host = |id: &str, speed: f64| HostView {
        id: HostId::from(id),
        speed_bps: speed,
        cores: 1,
        cpu_usage: 0.0,
        memory_used: 0.2,
        arch: "x86_64".into(),
        labels: vec![],
        stale: false,
    };
    let snapshot = Snapshot {
        now: 60.0,
        hosts: vec![host("fast", 1.0e8), host("slow", 5.0e6)],
        processes: vec![ProcessView {
            id: ProcessId(1),
            host: HostId::from("slow"),
            main_class: "app.Main".into(),
            label: None,
            started_at: 0.0,
            resident_since: 0.0,
            executed: 3.0e8,
            state_bytes: 10_000_000,
            migrating_to: None,
        }],
        costs: vec![],
    };
    let moves = decide(&snapshot, &policy, &History::new(), 0);
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].offers[0].to, HostId::from("fast"));
    // A young process is left alone.
    let mut young = snapshot.clone();
    young.processes[0].started_at = 59.5;
    young.processes[0].resident_since = 59.5;
    assert!(decide(&young, &policy, &History::new(), 0).is_empty());
    // The way back is closed within the ping-pong window.
    let mut history = History::new();
    history.record_start(
        ProcessId(1),
        HostId::from("fast"),
        HostId::from("slow"),
        20.0,
    );
    history.record_end(ProcessId(1), 21.0);
    assert!(decide(&snapshot, &policy, &history, 0).is_empty());
    // And every host stale means no decision at all.
    let mut stale = snapshot.clone();
    stale.hosts[0].stale = true;
    assert!(decide(&stale, &policy, &History::new(), 0).is_empty());
}
