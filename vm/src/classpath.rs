//! Where class bytes come from: phantom's embedded class library, then the application's class
//! path (directories and jar files, as `java -cp` takes them), or an in-memory set of classes
//! (a submitted job, or the classes a checkpoint carries).

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

mod jdk {
    include!(concat!(env!("OUT_DIR"), "/jdk_classes.rs"));
}

/// Largest class file phantom reads (class files are limited to 64 K constants and methods of
/// 64 KB each; this bound keeps hostile inputs from exhausting memory).
pub const MAX_CLASS_BYTES: u64 = 16 << 20;

/// A class path that cannot be used.
#[derive(Debug, Error)]
pub enum ClassPathError {
    /// A jar file could not be opened or read.
    #[error("cannot read jar {path}: {reason}")]
    BadJar {
        /// The jar's path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A class file is larger than [`MAX_CLASS_BYTES`].
    #[error("class file {0} is larger than 16 MiB")]
    TooLarge(String),
    /// Reading a class file failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Where a class came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// phantom's own class library, known to every VM of the same version.
    Library,
    /// The application: its bytes travel in checkpoints.
    Application,
}

/// Class bytes found on the class path.
#[derive(Debug, Clone)]
pub struct Found {
    /// The class file bytes.
    pub bytes: Arc<[u8]>,
    /// Library or application.
    pub origin: Origin,
}

enum Entry {
    Dir(PathBuf),
    Jar {
        path: PathBuf,
        classes: BTreeMap<String, Arc<[u8]>>,
    },
    Memory(BTreeMap<String, Arc<[u8]>>),
}

/// The places the VM loads classes from, searched in order after the class library.
#[derive(Default)]
pub struct ClassPath {
    entries: Vec<Entry>,
}

impl std::fmt::Debug for ClassPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self
            .entries
            .iter()
            .map(|e| match e {
                Entry::Dir(p) => p.display().to_string(),
                Entry::Jar { path, .. } => path.display().to_string(),
                Entry::Memory(m) => format!("<{} classes in memory>", m.len()),
            })
            .collect();
        f.debug_struct("ClassPath")
            .field("entries", &names)
            .finish()
    }
}

impl ClassPath {
    /// A class path from a `:`-separated list of directories and jar files, as `java -cp`.
    /// Entries that do not exist are skipped, as `java` does.
    pub fn parse(spec: &str) -> Result<ClassPath, ClassPathError> {
        let mut cp = ClassPath::default();
        for part in spec.split(':') {
            let path = PathBuf::from(if part.is_empty() { "." } else { part });
            if path.is_dir() {
                cp.entries.push(Entry::Dir(path));
            } else if path.is_file() {
                cp.entries.push(read_jar(&path)?);
            }
        }
        Ok(cp)
    }

    /// Adds a set of classes held in memory, by binary name (`pkg/Name`).
    pub fn push_memory(&mut self, classes: BTreeMap<String, Arc<[u8]>>) {
        self.entries.push(Entry::Memory(classes));
    }

    /// Finds the bytes of a class by binary name (`java/lang/String`).
    pub fn find(&self, name: &str) -> Result<Option<Found>, ClassPathError> {
        if let Some(bytes) = library_class(name) {
            return Ok(Some(Found {
                bytes: Arc::from(bytes),
                origin: Origin::Library,
            }));
        }
        if name.starts_with("java/") {
            // Application classes may not define java.* packages (the JVM refuses them too).
            return Ok(None);
        }
        for entry in &self.entries {
            let found = match entry {
                Entry::Dir(dir) => read_file(&dir.join(format!("{name}.class")))?,
                Entry::Jar { classes, .. } | Entry::Memory(classes) => classes.get(name).cloned(),
            };
            if let Some(bytes) = found {
                return Ok(Some(Found {
                    bytes,
                    origin: Origin::Application,
                }));
            }
        }
        Ok(None)
    }
}

impl ClassPath {
    /// Every application class on the class path, by binary name (the first of a name wins,
    /// as for [`ClassPath::find`]).
    pub fn application_classes(&self) -> Result<BTreeMap<String, Arc<[u8]>>, ClassPathError> {
        let mut all = BTreeMap::new();
        for entry in &self.entries {
            match entry {
                Entry::Dir(dir) => {
                    let mut found = Vec::new();
                    walk_classes(dir, dir, &mut found, 0)?;
                    for (name, path) in found {
                        if !all.contains_key(&name)
                            && let Some(bytes) = read_file(&path)?
                        {
                            all.insert(name, bytes);
                        }
                    }
                }
                Entry::Jar { classes, .. } | Entry::Memory(classes) => {
                    for (name, bytes) in classes {
                        all.entry(name.clone()).or_insert_with(|| bytes.clone());
                    }
                }
            }
        }
        Ok(all)
    }
}

/// Collects `.class` files below `dir` as (binary name, path), to a bounded depth.
fn walk_classes(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, PathBuf)>,
    depth: usize,
) -> Result<(), ClassPathError> {
    if depth > 64 {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|source| ClassPathError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk_classes(root, &path, out, depth + 1)?;
        } else if path.extension().is_some_and(|e| e == "class")
            && let Ok(rel) = path.strip_prefix(root)
        {
            let name = rel.with_extension("").to_string_lossy().replace('\\', "/");
            out.push((name, path));
        }
    }
    Ok(())
}

/// Whether a binary name is in the JDK's own packages, which only the class library may
/// define: what a program finds missing there is missing from phantom's library.
pub fn is_jdk_name(name: &str) -> bool {
    ["java/", "javax/", "jdk/", "sun/", "com/sun/"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// The bytes of a class of phantom's own library, by binary name.
pub fn library_class(name: &str) -> Option<&'static [u8]> {
    jdk::CLASSES
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| jdk::CLASSES[i].1)
}

/// Every class of phantom's own library, sorted by binary name.
pub fn library_classes() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    jdk::CLASSES.iter().copied()
}

fn read_file(path: &Path) -> Result<Option<Arc<[u8]>>, ClassPathError> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ClassPathError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_CLASS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ClassPathError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > MAX_CLASS_BYTES {
        return Err(ClassPathError::TooLarge(path.display().to_string()));
    }
    Ok(Some(Arc::from(bytes)))
}

fn read_jar(path: &Path) -> Result<Entry, ClassPathError> {
    let bad = |reason: String| ClassPathError::BadJar {
        path: path.to_path_buf(),
        reason,
    };
    let file = fs::File::open(path).map_err(|e| bad(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(e.to_string()))?;
    let mut classes = BTreeMap::new();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        let Some(name) = entry
            .name()
            .ok()
            .and_then(|n| n.strip_suffix(".class").map(str::to_string))
        else {
            continue;
        };
        if entry.size() > MAX_CLASS_BYTES {
            return Err(ClassPathError::TooLarge(format!(
                "{}!{name}.class",
                path.display()
            )));
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .take(MAX_CLASS_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad(e.to_string()))?;
        classes.insert(name, Arc::from(bytes));
    }
    Ok(Entry::Jar {
        path: path.to_path_buf(),
        classes,
    })
}
