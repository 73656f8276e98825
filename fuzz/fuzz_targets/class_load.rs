//! Hostile class files: loading, linking, verifying and running the first instructions of a
//! class must end in a Java exception or a launch error, never a panic, a hang or an
//! allocation the input did not earn.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phantom_vm::{ClassPath, Config, Host, ReadResult, Status, Vm, classfile};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A host with no terminal and no files: a fuzzed program's output goes nowhere.
struct NoHost;

impl Host for NoHost {
    fn write(&mut self, _fd: i32, _bytes: &[u8]) {}
    fn read(&mut self, _buf: &mut [u8]) -> ReadResult {
        ReadResult::Eof
    }
    fn nanos(&self) -> i64 {
        0
    }
    fn millis(&self) -> i64 {
        0
    }
}

fuzz_target!(|bytes: &[u8]| {
    // The class is found under the name it gives itself, so that a mutated class still loads
    // as the main class; one that cannot be parsed is offered as `Main`.
    let name = classfile::parse(bytes)
        .map(|c| c.name.to_string())
        .unwrap_or_else(|_| "Main".to_string());
    let mut memory = BTreeMap::new();
    memory.insert(name.clone(), Arc::<[u8]>::from(bytes));
    let mut class_path = ClassPath::default();
    class_path.push_memory(memory);
    let config = Config {
        max_heap: 64 << 20,
        ..Config::default()
    };
    let Ok(mut vm) = Vm::new(class_path, Box::new(NoHost), config) else {
        return;
    };
    if vm.start_main(&name, &[]).is_err() {
        return;
    }
    // A bounded run: what the class does in its first instructions, whatever they are.
    for _ in 0..20 {
        match vm.run(10_000) {
            Status::Running => {}
            Status::Idle { .. } | Status::Exited(_) => return,
        }
    }
});
