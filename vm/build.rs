//! Embeds the committed class library (vm/jdk/classes) into the VM as a sorted table of
//! (binary name, bytes), so the VM needs no JDK and no files at run time.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "class") {
            let rel = path.strip_prefix(root).expect("walked below root");
            let name = rel.with_extension("").to_string_lossy().replace('\\', "/");
            if name != "module-info" {
                out.push((name, path));
            }
        }
    }
}

fn main() {
    // Read when the script runs, not when it is compiled: cargo may reuse a script compiled
    // in another checkout of the same sources, whose path `env!` would have kept.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("jdk/classes");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut classes = Vec::new();
    collect(&root, &root, &mut classes);
    assert!(
        !classes.is_empty(),
        "no class library under {}: run scripts/build-jdk",
        root.display()
    );
    classes.sort();
    let mut src = String::from(
        "/// The class library, sorted by binary name.\npub(crate) static CLASSES: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &classes {
        println!("cargo:rerun-if-changed={}", path.display());
        src.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    src.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("jdk_classes.rs");
    fs::write(out, src).expect("OUT_DIR is writable");
}
