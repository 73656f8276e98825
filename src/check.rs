//! `phantom check`: what of the JDK an application references that phantom's class library
//! lacks, found before anyone runs or submits it. Every class file of the class path is read
//! and each class, field and method it names is looked up as the VM would resolve it (through
//! superclasses and interfaces, the application's own included); only references into the
//! JDK's packages are judged, since a missing application class is the application's business.

use anyhow::{Context, Result};
use phantom_vm::classfile::{self, Const, MemberRef};
use phantom_vm::classpath::is_jdk_name;
use phantom_vm::{ClassPath, Config, Host, ReadResult, Vm};
use std::collections::{BTreeMap, BTreeSet};

/// A host that takes no input, drops output and keeps no time: for a VM that only loads and
/// links classes, or runs code whose effects nobody reads.
#[derive(Debug)]
pub(crate) struct Nothing;

impl Host for Nothing {
    fn write(&mut self, _: i32, _: &[u8]) {}
    fn read(&mut self, _: &mut [u8]) -> ReadResult {
        ReadResult::Eof
    }
    fn nanos(&self) -> i64 {
        0
    }
    fn millis(&self) -> i64 {
        0
    }
}

/// The class an array descriptor or class name stands for, if it is a class at all.
fn element_class(name: &str) -> Option<&str> {
    let name = name.trim_start_matches('[');
    if let Some(inner) = name.strip_prefix('L') {
        return inner.strip_suffix(';');
    }
    (name.len() > 1).then_some(name)
}

/// Prints what is missing; the status is 0 when nothing is, 1 otherwise.
pub(crate) fn run(class_path: &str) -> Result<i32> {
    let cp = ClassPath::parse(class_path)?;
    let classes = cp
        .application_classes()
        .with_context(|| format!("reading the class path {class_path}"))?;
    let mut vm = Vm::new(cp, Box::new(Nothing), Config::default())
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("starting a VM to look classes up")?;
    // What is missing, and which application classes use it.
    let mut missing: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut members = 0usize;
    for (user, bytes) in &classes {
        let file = match classfile::parse(bytes) {
            Ok(f) => f,
            Err(e) => {
                missing
                    .entry(format!("a readable class file ({e})"))
                    .or_default()
                    .insert(user.clone());
                continue;
            }
        };
        let user = user.replace('/', ".");
        let mut note = |what: String| {
            missing.entry(what).or_default().insert(user.clone());
        };
        for c in &file.cp {
            let (member, field): (&MemberRef, bool) = match c {
                Const::Class(name) => {
                    if let Some(name) = element_class(name)
                        && is_jdk_name(name)
                        && vm.prog.load(name).is_err()
                    {
                        note(format!("class {}", name.replace('/', ".")));
                    }
                    continue;
                }
                Const::Field(m) => (m, true),
                Const::Method(m) => (m, false),
                Const::MethodHandle { member, kind } => (member, *kind <= 4),
                _ => continue,
            };
            members += 1;
            let Some(owner) = element_class(&member.class) else {
                continue;
            };
            let Ok(class) = vm.prog.load(owner) else {
                if is_jdk_name(owner) {
                    note(format!("class {}", owner.replace('/', ".")));
                }
                continue;
            };
            // Method handles and var handles accept any signature for their invokers.
            let polymorphic = matches!(
                owner,
                "java/lang/invoke/MethodHandle" | "java/lang/invoke/VarHandle"
            );
            let found = if field {
                vm.prog
                    .resolve_field(class, &member.name, &member.desc)
                    .is_some()
            } else {
                polymorphic
                    || member.class.starts_with('[')
                    || vm
                        .prog
                        .resolve_method(class, &member.name, &member.desc)
                        .is_some()
            };
            if found {
                continue;
            }
            // Judge only what the JDK should have: the owner or one of its supertypes is the
            // JDK's, and the application does not declare the member itself.
            let jdk_side = is_jdk_name(owner) || {
                let mut c = vm.prog.class(class).super_class;
                let mut any = false;
                while let Some(id) = c {
                    any |= is_jdk_name(&vm.prog.class(id).name)
                        && vm.prog.class(id).name.as_ref() != "java/lang/Object";
                    c = vm.prog.class(id).super_class;
                }
                any
            };
            if jdk_side {
                let owner = owner.replace('/', ".");
                note(if field {
                    format!("field {owner}.{}", member.name)
                } else {
                    format!("method {owner}.{}{}", member.name, member.desc)
                });
            }
        }
    }
    if missing.is_empty() {
        println!(
            "phantom check: phantom's class library has every JDK class and member the {} classes of {class_path} reference ({members} member references)",
            classes.len()
        );
        return Ok(0);
    }
    println!(
        "phantom check: phantom's class library lacks {} JDK {} that {class_path} references:",
        missing.len(),
        if missing.len() == 1 { "item" } else { "items" }
    );
    for (what, users) in &missing {
        let users: Vec<&str> = users.iter().map(String::as_str).collect();
        println!("  {what}  (used by {})", users.join(", "));
    }
    Ok(1)
}
