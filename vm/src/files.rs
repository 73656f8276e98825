//! A process's files: the operations the VM asks its host for ([`FsOp`]), and the table of
//! open files that is part of the process's state.
//!
//! The host holds no state for the VM: every operation names its file by absolute path and
//! every read or write carries its offset, so an open file is plain data (path, mode,
//! position) that a checkpoint records and any host can continue, whether the files are this
//! machine's or, in a cluster, those of the process's home node reached over the network.

use std::collections::BTreeMap;

/// Flags of [`FsOp::Open`], as `jdk.internal.phantom.Fs` defines them.
pub mod flags {
    /// Open for reading.
    pub const READ: u32 = 1;
    /// Open for writing.
    pub const WRITE: u32 = 2;
    /// Every write goes to the end of the file.
    pub const APPEND: u32 = 4;
    /// Create the file if it does not exist.
    pub const CREATE: u32 = 8;
    /// Cut the file to nothing on opening.
    pub const TRUNCATE: u32 = 16;
    /// Create the file; fail if it exists.
    pub const CREATE_NEW: u32 = 32;
    /// Every flag.
    pub const ALL: u32 = 63;
}

/// Largest read one operation asks the host for: a program asking for more gets a short
/// read, as the `InputStream` contract allows.
pub const MAX_READ: usize = 1 << 20;

/// Most files a process may hold open at once.
pub const MAX_OPEN: usize = 4096;

/// The first descriptor of an opened file; 0, 1 and 2 are the standard streams.
pub const FIRST_FD: i32 = 3;

/// An operation on the process's files. Paths are absolute and normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsOp<'a> {
    /// Checks that a file can be opened with these [`flags`], creating or truncating it as
    /// they say; answers its size.
    Open {
        /// The file.
        path: &'a str,
        /// [`flags`] bits.
        flags: u32,
    },
    /// Reads up to `len` bytes at `at`; fewer (none at the end) is fine.
    Read {
        /// The file.
        path: &'a str,
        /// Offset.
        at: u64,
        /// Most bytes wanted.
        len: usize,
    },
    /// Writes `data` at `at`, or at the end when `at` is `None`; answers the offset after it.
    Write {
        /// The file.
        path: &'a str,
        /// Offset, or the end.
        at: Option<u64>,
        /// The bytes.
        data: &'a [u8],
    },
    /// Sets a file's length.
    SetLength {
        /// The file.
        path: &'a str,
        /// New length.
        len: u64,
    },
    /// What a path names.
    Stat {
        /// The path.
        path: &'a str,
    },
    /// The names in a directory.
    List {
        /// The directory.
        path: &'a str,
    },
    /// Deletes a file or an empty directory.
    Delete {
        /// The path.
        path: &'a str,
    },
    /// Renames a file or directory.
    Rename {
        /// Old path.
        from: &'a str,
        /// New path.
        to: &'a str,
        /// Whether an existing file at `to` is replaced.
        replace: bool,
    },
    /// Creates a directory.
    Mkdir {
        /// The path.
        path: &'a str,
    },
    /// Sets a file's modification time.
    SetModified {
        /// The path.
        path: &'a str,
        /// Milliseconds since the Unix epoch.
        millis: i64,
    },
}

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file.
    File,
    /// A directory.
    Directory,
    /// Anything else (a device, a socket...).
    Other,
}

/// The answer to [`FsOp::Stat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// What it is.
    pub kind: FileKind,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, milliseconds since the Unix epoch.
    pub modified: i64,
    /// Whether this process may read, write and execute it.
    pub readable: bool,
    /// See `readable`.
    pub writable: bool,
    /// See `readable`.
    pub executable: bool,
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsDone {
    /// Nothing to say.
    Unit,
    /// A size or an offset.
    Size(u64),
    /// Bytes read.
    Bytes(Vec<u8>),
    /// Metadata.
    Stat(Stat),
    /// Names in a directory.
    Names(Vec<String>),
}

/// Why an operation failed, as the errno it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsError {
    /// No such file or directory (ENOENT).
    NotFound,
    /// Permission denied (EACCES): also what a path outside a process's confinement gets.
    Denied,
    /// File exists (EEXIST).
    Exists,
    /// Not a directory (ENOTDIR).
    NotDirectory,
    /// Is a directory (EISDIR).
    IsDirectory,
    /// Directory not empty (ENOTEMPTY).
    NotEmpty,
    /// Invalid argument (EINVAL).
    Invalid,
    /// Too many open files (EMFILE).
    TooMany,
    /// Any other failure (EIO), including a home node that cannot be reached.
    Io,
}

impl FsError {
    /// The negated errno `jdk.internal.phantom.Fs` uses.
    pub fn code(self) -> i32 {
        match self {
            FsError::NotFound => -2,
            FsError::Io => -5,
            FsError::Denied => -13,
            FsError::Exists => -17,
            FsError::NotDirectory => -20,
            FsError::IsDirectory => -21,
            FsError::Invalid => -22,
            FsError::TooMany => -24,
            FsError::NotEmpty => -39,
        }
    }

    /// The error of a negated errno (anything unknown is `Io`).
    pub fn from_code(code: i32) -> FsError {
        match code {
            -2 => FsError::NotFound,
            -13 => FsError::Denied,
            -17 => FsError::Exists,
            -20 => FsError::NotDirectory,
            -21 => FsError::IsDirectory,
            -22 => FsError::Invalid,
            -24 => FsError::TooMany,
            -39 => FsError::NotEmpty,
            _ => FsError::Io,
        }
    }

    /// The OS's message for it, as strerror words it on Linux.
    pub fn message(self) -> &'static str {
        match self {
            FsError::NotFound => "No such file or directory",
            FsError::Denied => "Permission denied",
            FsError::Exists => "File exists",
            FsError::NotDirectory => "Not a directory",
            FsError::IsDirectory => "Is a directory",
            FsError::NotEmpty => "Directory not empty",
            FsError::Invalid => "Invalid argument",
            FsError::TooMany => "Too many open files",
            FsError::Io => "Input/output error",
        }
    }

    /// The error an OS error stands for.
    pub fn from_io(e: &std::io::Error) -> FsError {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => FsError::NotFound,
            K::PermissionDenied => FsError::Denied,
            K::AlreadyExists => FsError::Exists,
            K::NotADirectory => FsError::NotDirectory,
            K::IsADirectory => FsError::IsDirectory,
            K::DirectoryNotEmpty => FsError::NotEmpty,
            K::InvalidInput => FsError::Invalid,
            _ => FsError::Io,
        }
    }
}

/// The answer of a host to an [`FsOp`].
pub type FsResult = Result<FsDone, FsError>;

/// A file the process holds open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFile {
    /// Absolute path.
    pub path: String,
    /// [`flags`] it was opened with.
    pub flags: u32,
    /// Where the next read or write goes.
    pub position: u64,
}

/// The process's open files by descriptor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenFiles {
    open: BTreeMap<i32, OpenFile>,
}

impl OpenFiles {
    /// Records an opened file under the lowest free descriptor, or `None` when the process
    /// holds [`MAX_OPEN`] files already.
    pub fn insert(&mut self, file: OpenFile) -> Option<i32> {
        if self.open.len() >= MAX_OPEN {
            return None;
        }
        let mut fd = FIRST_FD;
        for &used in self.open.keys() {
            if used != fd {
                break;
            }
            fd += 1;
        }
        self.open.insert(fd, file);
        Some(fd)
    }

    /// Restores a file under its descriptor (restore checks descriptors are distinct).
    pub fn put(&mut self, fd: i32, file: OpenFile) {
        self.open.insert(fd, file);
    }

    /// An open file.
    pub fn get(&self, fd: i32) -> Option<&OpenFile> {
        self.open.get(&fd)
    }

    /// An open file, to move its position.
    pub fn get_mut(&mut self, fd: i32) -> Option<&mut OpenFile> {
        self.open.get_mut(&fd)
    }

    /// Forgets a descriptor.
    pub fn remove(&mut self, fd: i32) -> Option<OpenFile> {
        self.open.remove(&fd)
    }

    /// Every open file, by ascending descriptor.
    pub fn iter(&self) -> impl Iterator<Item = (i32, &OpenFile)> {
        self.open.iter().map(|(&fd, f)| (fd, f))
    }

    /// How many are open.
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Whether none is open.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str) -> OpenFile {
        OpenFile {
            path: p.into(),
            flags: flags::READ,
            position: 0,
        }
    }

    #[test]
    fn descriptors_are_the_lowest_free_ones() {
        let mut t = OpenFiles::default();
        assert_eq!(t.insert(file("/a")), Some(3));
        assert_eq!(t.insert(file("/b")), Some(4));
        assert_eq!(t.insert(file("/c")), Some(5));
        t.remove(4);
        assert_eq!(t.insert(file("/d")), Some(4));
        assert_eq!(t.insert(file("/e")), Some(6));
    }

    #[test]
    fn the_table_is_bounded() {
        let mut t = OpenFiles::default();
        for _ in 0..MAX_OPEN {
            assert!(t.insert(file("/a")).is_some());
        }
        assert_eq!(t.insert(file("/a")), None);
    }

    #[test]
    fn codes_round_trip() {
        for e in [
            FsError::NotFound,
            FsError::Denied,
            FsError::Exists,
            FsError::NotDirectory,
            FsError::IsDirectory,
            FsError::NotEmpty,
            FsError::Invalid,
            FsError::TooMany,
            FsError::Io,
        ] {
            assert_eq!(FsError::from_code(e.code()), e);
        }
    }
}
