//! phantom's Java virtual machine: it loads javac-compiled classes against phantom's own class
//! library, interprets them on green threads whose state is plain data, and captures and
//! restores that state as portable checkpoints.

pub mod portable;
