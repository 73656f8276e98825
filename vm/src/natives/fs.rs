//! Natives of `jdk.internal.phantom.Fs`: the process's files, through the host. Descriptors,
//! modes and positions live in the process's table ([`crate::files::OpenFiles`]); the host
//! sees only path-and-offset operations.

use super::{Native, int, npe, raise, reference, void};
use crate::files::{FileKind, FsDone, FsError, FsOp, MAX_READ, OpenFile, flags};
use crate::heap::{DataMut, DataRef, ObjMut};
use crate::value::{NULL, Value};
use crate::vm::Vm;

const FS: &str = "jdk/internal/phantom/Fs";

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    if class != FS {
        return None;
    }
    Some(match (name, desc) {
        ("open", "(Ljava/lang/String;I)I") => open,
        ("read", "(I[BII)I") => read,
        ("write", "(I[BII)V") => write,
        ("position", "(I)J") => position,
        ("seek", "(IJ)V") => seek,
        ("size", "(I)J") => size,
        ("truncate", "(IJ)V") => truncate,
        ("close", "(I)V") => close,
        ("stat", "(Ljava/lang/String;[J)I") => stat,
        ("list", "(Ljava/lang/String;)[Ljava/lang/String;") => list,
        ("delete", "(Ljava/lang/String;)I") => delete,
        ("rename", "(Ljava/lang/String;Ljava/lang/String;Z)I") => rename,
        ("mkdir", "(Ljava/lang/String;)I") => mkdir,
        ("setModified", "(Ljava/lang/String;J)I") => set_modified,
        _ => return None,
    })
}

/// The path argument: a Java string that must be absolute and free of NUL (the library
/// resolves paths before calling), else `EINVAL`.
fn path_arg(vm: &Vm, v: Value) -> Result<String, Native> {
    let Some(p) = vm.rt.string(v.reference()) else {
        return Err(npe());
    };
    if !p.starts_with('/') || p.contains('\0') {
        return Err(int(FsError::Invalid.code()));
    }
    Ok(p)
}

fn io_error(e: FsError) -> Native {
    raise("java/io/IOException", Some(e.message().to_string()))
}

fn closed() -> Native {
    raise("java/io/IOException", Some("Stream Closed".to_string()))
}

fn open(vm: &mut Vm, a: &[Value]) -> Native {
    let path = match path_arg(vm, a[0]) {
        Ok(p) => p,
        Err(n) => return n,
    };
    let f = a[1].int() as u32;
    if f & !flags::ALL != 0 || f & (flags::READ | flags::WRITE | flags::APPEND) == 0 {
        return int(FsError::Invalid.code());
    }
    let size = match vm.host.fs(FsOp::Open {
        path: &path,
        flags: f,
    }) {
        Ok(FsDone::Size(n)) => n,
        Ok(_) => return int(FsError::Io.code()),
        Err(e) => return int(e.code()),
    };
    let position = if f & flags::APPEND != 0 { size } else { 0 };
    match vm.rt.files.insert(OpenFile {
        path,
        flags: f,
        position,
    }) {
        Some(fd) => int(fd),
        None => int(FsError::TooMany.code()),
    }
}

/// The byte-array argument at `a[1]` with offset `a[2]` and length `a[3]` checked.
fn range(vm: &Vm, a: &[Value]) -> Result<(usize, usize), Native> {
    let len = match vm.rt.heap.get(a[1].reference()).map(|o| o.data) {
        Some(DataRef::Bytes(b)) => b.len(),
        _ => return Err(npe()),
    };
    let (off, n) = (a[2].int(), a[3].int());
    if off < 0 || n < 0 || off as i64 + n as i64 > len as i64 {
        return Err(raise("java/lang/IndexOutOfBoundsException", None));
    }
    Ok((off as usize, off as usize + n as usize))
}

fn read(vm: &mut Vm, a: &[Value]) -> Native {
    let (from, to) = match range(vm, a) {
        Ok(r) => r,
        Err(n) => return n,
    };
    let fd = a[0].int();
    let Some(file) = vm.rt.files.get(fd) else {
        return closed();
    };
    if file.flags & flags::READ == 0 {
        return io_error(FsError::Invalid);
    }
    if from == to {
        return int(0);
    }
    let (path, at) = (file.path.clone(), file.position);
    let len = (to - from).min(MAX_READ);
    let bytes = match vm.host.fs(FsOp::Read {
        path: &path,
        at,
        len,
    }) {
        Ok(FsDone::Bytes(b)) => b,
        Ok(_) => return io_error(FsError::Io),
        Err(e) => return io_error(e),
    };
    if bytes.is_empty() {
        return int(-1);
    }
    let n = bytes.len().min(len);
    if let Some(ObjMut {
        data: DataMut::Bytes(b),
        ..
    }) = vm.rt.heap.get_mut_range(a[1].reference(), from..from + n)
    {
        for (dst, &src) in b[from..from + n].iter_mut().zip(&bytes[..n]) {
            *dst = src as i8;
        }
    }
    if let Some(file) = vm.rt.files.get_mut(fd) {
        file.position = at + n as u64;
    }
    int(n as i32)
}

fn write(vm: &mut Vm, a: &[Value]) -> Native {
    let (from, to) = match range(vm, a) {
        Ok(r) => r,
        Err(n) => return n,
    };
    let fd = a[0].int();
    let Some(file) = vm.rt.files.get(fd) else {
        return closed();
    };
    if file.flags & (flags::WRITE | flags::APPEND) == 0 {
        return io_error(FsError::Invalid);
    }
    let path = file.path.clone();
    let at = (file.flags & flags::APPEND == 0).then_some(file.position);
    let data: Vec<u8> = match vm.rt.heap.get(a[1].reference()).map(|o| o.data) {
        Some(DataRef::Bytes(b)) => b[from..to].iter().map(|&x| x as u8).collect(),
        _ => return npe(),
    };
    if data.is_empty() {
        return void();
    }
    match vm.host.fs(FsOp::Write {
        path: &path,
        at,
        data: &data,
    }) {
        Ok(FsDone::Size(end)) => {
            if let Some(file) = vm.rt.files.get_mut(fd) {
                file.position = end;
            }
            void()
        }
        Ok(_) => io_error(FsError::Io),
        Err(e) => io_error(e),
    }
}

fn position(vm: &mut Vm, a: &[Value]) -> Native {
    match vm.rt.files.get(a[0].int()) {
        Some(f) => Native::Return(Value::Long(f.position as i64)),
        None => closed(),
    }
}

fn seek(vm: &mut Vm, a: &[Value]) -> Native {
    let pos = a[1].long();
    let Some(f) = vm.rt.files.get_mut(a[0].int()) else {
        return closed();
    };
    if pos < 0 {
        return io_error(FsError::Invalid);
    }
    f.position = pos as u64;
    void()
}

fn size(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(f) = vm.rt.files.get(a[0].int()) else {
        return closed();
    };
    let path = f.path.clone();
    match vm.host.fs(FsOp::Stat { path: &path }) {
        Ok(FsDone::Stat(s)) => Native::Return(Value::Long(s.size as i64)),
        Ok(_) => io_error(FsError::Io),
        Err(e) => io_error(e),
    }
}

fn truncate(vm: &mut Vm, a: &[Value]) -> Native {
    let len = a[1].long();
    let Some(f) = vm.rt.files.get(a[0].int()) else {
        return closed();
    };
    if len < 0 {
        return io_error(FsError::Invalid);
    }
    if f.flags & (flags::WRITE | flags::APPEND) == 0 {
        return io_error(FsError::Invalid);
    }
    let path = f.path.clone();
    match vm.host.fs(FsOp::SetLength {
        path: &path,
        len: len as u64,
    }) {
        Ok(_) => {
            // A position past the new end moves back to it, as RandomAccessFile.setLength does.
            if let Some(f) = vm.rt.files.get_mut(a[0].int())
                && f.position > len as u64
            {
                f.position = len as u64;
            }
            void()
        }
        Err(e) => io_error(e),
    }
}

fn close(vm: &mut Vm, a: &[Value]) -> Native {
    vm.rt.files.remove(a[0].int());
    void()
}

fn stat(vm: &mut Vm, a: &[Value]) -> Native {
    let path = match path_arg(vm, a[0]) {
        Ok(p) => p,
        Err(n) => return n,
    };
    let s = match vm.host.fs(FsOp::Stat { path: &path }) {
        Ok(FsDone::Stat(s)) => s,
        Ok(_) => return int(FsError::Io.code()),
        Err(e) => return int(e.code()),
    };
    let access = (s.readable as i64) << 2 | (s.writable as i64) << 1 | s.executable as i64;
    if let Some(ObjMut {
        data: DataMut::Longs(out),
        ..
    }) = vm.rt.heap.get_mut_range(a[1].reference(), 0..3)
    {
        for (slot, v) in out.iter_mut().zip([s.size as i64, s.modified, access]) {
            *slot = v;
        }
    } else if a[1].reference() != NULL {
        return npe();
    }
    int(match s.kind {
        FileKind::File => 1,
        FileKind::Directory => 2,
        FileKind::Other => 3,
    })
}

fn list(vm: &mut Vm, a: &[Value]) -> Native {
    let path = match path_arg(vm, a[0]) {
        Ok(p) => p,
        Err(_) => return reference(NULL),
    };
    let mut names = match vm.host.fs(FsOp::List { path: &path }) {
        Ok(FsDone::Names(n)) => n,
        _ => return reference(NULL),
    };
    // Sorted, so that a program lists the same order on every host.
    names.sort();
    super::string_array(vm, names.iter().map(String::as_str))
}

/// A path operation answering 0 or a failure code.
fn code_of(r: crate::files::FsResult) -> Native {
    match r {
        Ok(_) => int(0),
        Err(e) => int(e.code()),
    }
}

fn delete(vm: &mut Vm, a: &[Value]) -> Native {
    match path_arg(vm, a[0]) {
        Ok(path) => code_of(vm.host.fs(FsOp::Delete { path: &path })),
        Err(n) => n,
    }
}

fn mkdir(vm: &mut Vm, a: &[Value]) -> Native {
    match path_arg(vm, a[0]) {
        Ok(path) => code_of(vm.host.fs(FsOp::Mkdir { path: &path })),
        Err(n) => n,
    }
}

fn rename(vm: &mut Vm, a: &[Value]) -> Native {
    let from = match path_arg(vm, a[0]) {
        Ok(p) => p,
        Err(n) => return n,
    };
    let to = match path_arg(vm, a[1]) {
        Ok(p) => p,
        Err(n) => return n,
    };
    let replace = a[2].int() != 0;
    code_of(vm.host.fs(FsOp::Rename {
        from: &from,
        to: &to,
        replace,
    }))
}

fn set_modified(vm: &mut Vm, a: &[Value]) -> Native {
    match path_arg(vm, a[0]) {
        Ok(path) => {
            let millis = a[1].long();
            code_of(vm.host.fs(FsOp::SetModified {
                path: &path,
                millis,
            }))
        }
        Err(n) => n,
    }
}
