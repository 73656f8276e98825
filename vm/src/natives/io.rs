//! Natives of `java.io`: the process's standard streams, which belong to the host.

use super::{Native, int, npe, raise, void};
use crate::heap::{DataMut, DataRef};
use crate::thread::ThreadState;
use crate::value::Value;
use crate::vm::{ReadResult, Vm};

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (class, name, desc) {
        ("java/io/FileOutputStream", "write0", "(I[BII)V") => write0,
        ("java/io/FileInputStream", "read0", "(I[BII)I") => read0,
        _ => return None,
    })
}

fn bounds(len: usize, off: i32, n: i32) -> Option<(usize, usize)> {
    if off < 0 || n < 0 || off as i64 + n as i64 > len as i64 {
        None
    } else {
        Some((off as usize, off as usize + n as usize))
    }
}

fn write0(vm: &mut Vm, args: &[Value]) -> Native {
    let fd = args[0].int();
    let Some(obj) = vm.rt.heap.get(args[1].reference()) else {
        return npe();
    };
    let DataRef::Bytes(bytes) = obj.data else {
        return npe();
    };
    let Some((from, to)) = bounds(bytes.len(), args[2].int(), args[3].int()) else {
        return raise("java/lang/IndexOutOfBoundsException", None);
    };
    if !(fd == 1 || fd == 2) {
        return raise(
            "java/io/IOException",
            Some("Bad file descriptor".to_string()),
        );
    }
    let out: Vec<u8> = bytes[from..to].iter().map(|&b| b as u8).collect();
    vm.host.write(fd, &out);
    void()
}

fn read0(vm: &mut Vm, args: &[Value]) -> Native {
    if args[0].int() != 0 {
        return raise(
            "java/io/IOException",
            Some("Bad file descriptor".to_string()),
        );
    }
    let r = args[1].reference();
    let len = match vm.rt.heap.get(r).map(|o| o.data) {
        Some(DataRef::Bytes(b)) => b.len(),
        _ => return npe(),
    };
    let Some((from, to)) = bounds(len, args[2].int(), args[3].int()) else {
        return raise("java/lang/IndexOutOfBoundsException", None);
    };
    if from == to {
        return int(0);
    }
    let mut buf = vec![0u8; to - from];
    match vm.host.read_at(vm.rt.stdin_consumed, &mut buf) {
        ReadResult::Data(n) => {
            let n = n.min(buf.len());
            vm.rt.stdin_consumed += n as u64;
            if let Some(crate::heap::ObjMut {
                data: DataMut::Bytes(b),
                ..
            }) = vm.rt.heap.get_mut_range(r, from..from + n)
            {
                for (dst, &src) in b[from..from + n].iter_mut().zip(&buf[..n]) {
                    *dst = src as i8;
                }
            }
            int(n as i32)
        }
        ReadResult::Eof => int(-1),
        ReadResult::Pending => Native::Retry(ThreadState::Reading),
    }
}
