//! `phantom inspect FILE`: a readable summary of a checkpoint, read without running anything.

use anyhow::{Context, Result};
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES, v1};
use phantom_vm::classfile;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

fn class_name(c: &v1::Checkpoint, i: u32) -> String {
    match c.classes.get(i as usize).map(|k| &k.kind) {
        Some(v1::ClassKind::Library { name, .. } | v1::ClassKind::Application { name, .. }) => {
            name.replace('/', ".")
        }
        Some(v1::ClassKind::Primitive { name }) => name.clone(),
        Some(v1::ClassKind::Array { component }) => format!("{}[]", class_name(c, *component)),
        Some(v1::ClassKind::Lambda { site }) => format!("<lambda of call site {site}>"),
        None => format!("<class {i}>"),
    }
}

fn class_file(c: &v1::Checkpoint, i: u32) -> Option<classfile::ClassFile> {
    let bytes: &[u8] = match &c.classes.get(i as usize)?.kind {
        v1::ClassKind::Library { name, .. } => phantom_vm::classpath::library_class(name)?,
        v1::ClassKind::Application { bytes, .. } => bytes,
        _ => return None,
    };
    classfile::parse(bytes).ok()
}

/// `Class.method(File.java:line)` for a frame; callers are described at their call.
fn describe_frame(c: &v1::Checkpoint, f: &v1::Frame, innermost: bool) -> String {
    let owner = class_name(c, f.class);
    let Some(file) = class_file(c, f.class) else {
        return format!("{owner}.<generated>");
    };
    let Some(m) = file.methods.get(f.method as usize) else {
        return format!("{owner}.<method {}>", f.method);
    };
    let at = if innermost {
        f.pc
    } else {
        f.pc.saturating_sub(1)
    };
    let line = m.code.as_ref().and_then(|code| {
        let i = code
            .lines
            .partition_point(|&(start, _)| u32::from(start) <= at);
        (i > 0).then(|| code.lines[i - 1].1)
    });
    let source = file.source_file.as_deref().unwrap_or("Unknown Source");
    match line {
        Some(l) => format!("{owner}.{}({source}:{l}) pc {}", m.name, f.pc),
        None => format!("{owner}.{}({source}) pc {}", m.name, f.pc),
    }
}

/// Prints the summary of a checkpoint file.
pub(crate) fn print(path: &Path) -> Result<()> {
    let text = summary(path)?;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn summary(path: &Path) -> Result<String> {
    let mut out = String::new();
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let c = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES)
        .with_context(|| format!("decoding {}", path.display()))?;
    writeln!(
        out,
        "checkpoint {} ({} bytes), {}",
        path.display(),
        bytes.len(),
        c.vm
    )?;
    writeln!(out, "instructions executed: {}", c.executed)?;

    writeln!(out, "threads: {}", c.threads.len())?;
    for (i, t) in c.threads.iter().enumerate() {
        let marker = if i as u32 == c.current_thread {
            " (runs next)"
        } else {
            ""
        };
        writeln!(
            out,
            "  thread {i}: {:?}{marker}, {} frames",
            t.state,
            t.frames.len()
        )?;
        for (k, f) in t.frames.iter().enumerate().rev() {
            writeln!(
                out,
                "    at {}",
                describe_frame(&c, f, k + 1 == t.frames.len())
            )?;
        }
    }

    let mut by_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut total = 0usize;
    let n_objects = c.heap.len().map_err(anyhow::Error::msg)?;
    for o in c.heap.objects(&c.classes).map_err(anyhow::Error::msg)? {
        let o = o.map_err(anyhow::Error::msg)?;
        let size = match o.contents {
            v1::Contents::Fields { words, .. } => words.len(),
            v1::Contents::Array { bytes, .. } => bytes.len(),
        };
        total += size;
        let e = by_class.entry(class_name(&c, o.class)).or_default();
        e.0 += 1;
        e.1 += size;
    }
    writeln!(
        out,
        "heap: {n_objects} objects, {total} bytes of fields and elements"
    )?;
    let mut rows: Vec<_> = by_class.into_iter().collect();
    rows.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(&b.0)));
    for (name, (count, size)) in rows.iter().take(12) {
        writeln!(out, "  {size:>12} bytes {count:>8} x {name}")?;
    }

    let (mut lib, mut app, mut other) = (0, 0, 0);
    let mut app_bytes = 0;
    for k in &c.classes {
        match &k.kind {
            v1::ClassKind::Library { .. } => lib += 1,
            v1::ClassKind::Application { bytes, .. } => {
                app += 1;
                app_bytes += bytes.len();
            }
            _ => other += 1,
        }
    }
    writeln!(
        out,
        "classes: {} loaded ({lib} library, {app} application with {app_bytes} bytes, {other} array, primitive and lambda), {} more application classes carried",
        c.classes.len(),
        c.class_files.len()
    )?;
    for (i, k) in c.classes.iter().enumerate() {
        if let v1::ClassKind::Application { name, sha256, .. } = &k.kind {
            let hex: String = sha256.iter().take(8).map(|b| format!("{b:02x}")).collect();
            writeln!(
                out,
                "  {} sha256 {hex}... {:?}",
                name.replace('/', "."),
                c.classes[i].init
            )?;
        }
    }
    writeln!(
        out,
        "call sites: {}, interned strings: {}, monitors held: {}",
        c.sites.len(),
        c.interned.len(),
        c.monitors.len()
    )?;
    writeln!(
        out,
        "open files: {}, standard input read: {} bytes",
        c.files.len(),
        c.stdin_consumed
    )?;
    for f in &c.files {
        let mode = match (f.flags & 1 != 0, f.flags & 6 != 0) {
            (true, true) => "read-write",
            (false, true) => "write",
            _ => "read",
        };
        let append = if f.flags & 4 != 0 { ", append" } else { "" };
        writeln!(
            out,
            "  {} {} ({mode}{append}) at {}",
            f.fd, f.path, f.position
        )?;
    }
    Ok(out)
}
