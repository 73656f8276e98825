//! The files of this machine as a VM's host serves them: [`LocalFiles`] carries out the VM's
//! path-and-offset operations ([`FsOp`]) with `std::fs`, either anywhere (a local `phantom
//! run`, as `java` would) or confined to one directory (the working directory of a process
//! submitted to a node, which may only touch what is inside it).

use phantom_vm::files::flags;
use phantom_vm::{FileKind, FsDone, FsError, FsOp, FsResult, Stat};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

/// How many opened files are kept for later operations on the same path.
const CACHED: usize = 8;

/// A file opened for earlier operations on its path.
#[derive(Debug)]
struct Cached {
    path: String,
    readable: bool,
    writable: bool,
    file: File,
}

/// A process's view of this machine's files.
#[derive(Debug)]
pub(crate) struct LocalFiles {
    /// The directory it is confined to (canonical), if any.
    root: Option<PathBuf>,
    /// Files opened for recent operations, most recent last.
    cache: Vec<Cached>,
    uid: Option<u32>,
}

impl LocalFiles {
    /// Files anywhere this process may reach.
    pub(crate) fn anywhere() -> LocalFiles {
        LocalFiles {
            root: None,
            cache: Vec::new(),
            uid: std::fs::metadata("/proc/self").ok().map(|m| m.uid()),
        }
    }

    /// Files inside `root` only.
    pub(crate) fn confined(root: &Path) -> std::io::Result<LocalFiles> {
        let mut files = LocalFiles::anywhere();
        files.root = Some(root.canonicalize()?);
        Ok(files)
    }

    /// Where a process's path is on this machine: refused outside the confinement (after
    /// following links of the part that exists), or when it is not absolute and normal.
    fn locate(&self, path: &str) -> Result<PathBuf, FsError> {
        let p = Path::new(path);
        let normal = p.is_absolute()
            && !path.contains('\0')
            && p.components()
                .all(|c| matches!(c, Component::RootDir | Component::Normal(_)));
        if !normal {
            return Err(FsError::Invalid);
        }
        let Some(root) = &self.root else {
            return Ok(p.to_path_buf());
        };
        // The longest existing prefix, with its links followed, must lie inside the root; the
        // rest does not exist yet and so holds no links.
        let mut existing = p.to_path_buf();
        let mut rest = Vec::new();
        let real = loop {
            match existing.canonicalize() {
                Ok(real) => break real,
                Err(_) => {
                    let Some(name) = existing.file_name() else {
                        return Err(FsError::Denied);
                    };
                    rest.push(name.to_os_string());
                    if !existing.pop() {
                        return Err(FsError::Denied);
                    }
                }
            }
        };
        if !real.starts_with(root) {
            return Err(FsError::Denied);
        }
        let mut full = real;
        for name in rest.into_iter().rev() {
            full.push(name);
        }
        Ok(full)
    }

    /// An opened file for `path`, from the cache or opened now, for writing or for reading.
    fn file(&mut self, path: &str, write: bool) -> Result<&File, FsError> {
        let found = self
            .cache
            .iter()
            .position(|c| c.path == path && if write { c.writable } else { c.readable });
        if let Some(i) = found {
            let entry = self.cache.remove(i);
            self.cache.push(entry);
        } else {
            let real = self.locate(path)?;
            // Both ways when allowed, so that one file serves reads and writes alike.
            let (file, readable) = match OpenOptions::new().read(true).write(write).open(&real) {
                Ok(f) => (f, true),
                Err(e) if write && e.kind() == std::io::ErrorKind::PermissionDenied => {
                    let f = OpenOptions::new()
                        .write(true)
                        .open(&real)
                        .map_err(|e| FsError::from_io(&e))?;
                    (f, false)
                }
                Err(e) => return Err(FsError::from_io(&e)),
            };
            if self.cache.len() >= CACHED {
                self.cache.remove(0);
            }
            self.cache.push(Cached {
                path: path.to_string(),
                readable,
                writable: write,
                file,
            });
        }
        Ok(&self.cache.last().expect("pushed above").file)
    }

    fn forget(&mut self) {
        self.cache.clear();
    }

    /// Carries out one operation.
    pub(crate) fn apply(&mut self, op: FsOp<'_>) -> FsResult {
        let io = |e: std::io::Error| FsError::from_io(&e);
        match op {
            FsOp::Open { path, flags: f } => {
                let real = self.locate(path)?;
                if let Ok(m) = std::fs::metadata(&real)
                    && m.is_dir()
                {
                    return Err(FsError::IsDirectory);
                }
                let write = f & (flags::WRITE | flags::APPEND) != 0;
                let file = OpenOptions::new()
                    .read(f & flags::READ != 0 || !write)
                    .write(write)
                    .create(f & flags::CREATE != 0 && write)
                    .create_new(f & flags::CREATE_NEW != 0 && write)
                    .truncate(f & flags::TRUNCATE != 0 && write)
                    .open(&real)
                    .map_err(io)?;
                let size = file.metadata().map_err(io)?.len();
                Ok(FsDone::Size(size))
            }
            FsOp::Read { path, at, len } => {
                let file = self.file(path, false)?;
                let mut buf = vec![0u8; len.min(phantom_vm::files::MAX_READ)];
                let n = loop {
                    match file.read_at(&mut buf, at) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(io(e)),
                    }
                };
                buf.truncate(n);
                Ok(FsDone::Bytes(buf))
            }
            FsOp::Write { path, at, data } => {
                let file = self.file(path, true)?;
                let at = match at {
                    Some(at) => at,
                    None => file.metadata().map_err(io)?.len(),
                };
                file.write_all_at(data, at).map_err(io)?;
                Ok(FsDone::Size(at + data.len() as u64))
            }
            FsOp::SetLength { path, len } => {
                self.file(path, true)?.set_len(len).map_err(io)?;
                Ok(FsDone::Unit)
            }
            FsOp::Stat { path } => {
                let real = self.locate(path)?;
                let m = std::fs::metadata(&real).map_err(io)?;
                Ok(FsDone::Stat(self.stat(&m)))
            }
            FsOp::List { path } => {
                let real = self.locate(path)?;
                let mut names = Vec::new();
                for entry in std::fs::read_dir(&real).map_err(io)? {
                    let entry = entry.map_err(io)?;
                    names.push(entry.file_name().to_string_lossy().into_owned());
                }
                Ok(FsDone::Names(names))
            }
            FsOp::Delete { path } => {
                let real = self.locate(path)?;
                if self.root.as_deref() == Some(real.as_path()) {
                    return Err(FsError::Denied);
                }
                self.forget();
                let m = std::fs::symlink_metadata(&real).map_err(io)?;
                if m.is_dir() {
                    std::fs::remove_dir(&real).map_err(io)?;
                } else {
                    std::fs::remove_file(&real).map_err(io)?;
                }
                Ok(FsDone::Unit)
            }
            FsOp::Rename { from, to, replace } => {
                let (a, b) = (self.locate(from)?, self.locate(to)?);
                if self.root.as_deref() == Some(a.as_path()) {
                    return Err(FsError::Denied);
                }
                if !replace && std::fs::symlink_metadata(&b).is_ok() {
                    return Err(FsError::Exists);
                }
                self.forget();
                std::fs::rename(&a, &b).map_err(io)?;
                Ok(FsDone::Unit)
            }
            FsOp::Mkdir { path } => {
                let real = self.locate(path)?;
                std::fs::create_dir(&real).map_err(io)?;
                Ok(FsDone::Unit)
            }
            FsOp::SetModified { path, millis } => {
                let real = self.locate(path)?;
                let when = UNIX_EPOCH + Duration::from_millis(millis.max(0) as u64);
                let file = File::options()
                    .write(true)
                    .open(&real)
                    .or_else(|_| File::open(&real))
                    .map_err(io)?;
                file.set_modified(when).map_err(io)?;
                Ok(FsDone::Unit)
            }
        }
    }

    fn stat(&self, m: &std::fs::Metadata) -> Stat {
        let kind = if m.is_file() {
            FileKind::File
        } else if m.is_dir() {
            FileKind::Directory
        } else {
            FileKind::Other
        };
        let modified = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_millis() as i64);
        let mode = m.mode();
        // The bits that apply to this process: the owner's, or everyone's.
        let (r, w, x) = match self.uid {
            Some(0) => (true, true, mode & 0o111 != 0),
            Some(uid) if uid == m.uid() => {
                (mode & 0o400 != 0, mode & 0o200 != 0, mode & 0o100 != 0)
            }
            _ => (mode & 0o004 != 0, mode & 0o002 != 0, mode & 0o001 != 0),
        };
        Stat {
            kind,
            size: m.len(),
            modified,
            readable: r,
            writable: w,
            executable: x,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("phantom-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d.canonicalize().unwrap()
    }

    #[test]
    fn reads_and_writes_at_offsets() {
        let d = tmp("rw");
        let p = d.join("a.txt");
        let p = p.to_str().unwrap();
        let mut f = LocalFiles::anywhere();
        let create = flags::WRITE | flags::CREATE | flags::TRUNCATE;
        assert_eq!(
            f.apply(FsOp::Open {
                path: p,
                flags: create
            }),
            Ok(FsDone::Size(0))
        );
        let w = |f: &mut LocalFiles, at, data: &[u8]| f.apply(FsOp::Write { path: p, at, data });
        assert_eq!(w(&mut f, Some(0), b"hello"), Ok(FsDone::Size(5)));
        assert_eq!(w(&mut f, None, b" world"), Ok(FsDone::Size(11)));
        assert_eq!(w(&mut f, Some(0), b"J"), Ok(FsDone::Size(1)));
        let read = f.apply(FsOp::Read {
            path: p,
            at: 0,
            len: 100,
        });
        assert_eq!(read, Ok(FsDone::Bytes(b"Jello world".to_vec())));
        let end = f.apply(FsOp::Read {
            path: p,
            at: 11,
            len: 100,
        });
        assert_eq!(end, Ok(FsDone::Bytes(Vec::new())));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_confined_process_cannot_leave_its_directory() {
        let d = tmp("confined");
        std::fs::create_dir(d.join("in")).unwrap();
        std::fs::write(d.join("secret"), b"x").unwrap();
        std::os::unix::fs::symlink(d.join("secret"), d.join("in/link")).unwrap();
        let mut f = LocalFiles::confined(&d.join("in")).unwrap();
        let inside = d.join("in/new.txt");
        let open = FsOp::Open {
            path: inside.to_str().unwrap(),
            flags: flags::WRITE | flags::CREATE,
        };
        assert_eq!(f.apply(open), Ok(FsDone::Size(0)));
        for outside in [d.join("secret"), d.join("in/link"), d.join("other/new")] {
            let op = FsOp::Stat {
                path: outside.to_str().unwrap(),
            };
            assert_eq!(f.apply(op), Err(FsError::Denied), "{}", outside.display());
        }
        let dotdot = format!("{}/in/../secret", d.display());
        assert_eq!(f.apply(FsOp::Stat { path: &dotdot }), Err(FsError::Invalid));
        let root = d.join("in");
        let delete = FsOp::Delete {
            path: root.to_str().unwrap(),
        };
        assert_eq!(f.apply(delete), Err(FsError::Denied));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn failures_name_their_errno() {
        let d = tmp("errors");
        let mut f = LocalFiles::anywhere();
        let missing = d.join("missing");
        let missing = missing.to_str().unwrap();
        let read = FsOp::Open {
            path: missing,
            flags: flags::READ,
        };
        assert_eq!(f.apply(read), Err(FsError::NotFound));
        let dir = d.to_str().unwrap();
        assert_eq!(
            f.apply(FsOp::Open {
                path: dir,
                flags: flags::READ
            }),
            Err(FsError::IsDirectory)
        );
        std::fs::write(d.join("x"), b"1").unwrap();
        let x = d.join("x");
        let create_new = FsOp::Open {
            path: x.to_str().unwrap(),
            flags: flags::WRITE | flags::CREATE_NEW,
        };
        assert_eq!(f.apply(create_new), Err(FsError::Exists));
        assert_eq!(f.apply(FsOp::Delete { path: dir }), Err(FsError::NotEmpty));
        let _ = std::fs::remove_dir_all(&d);
    }
}
