//! Progress of long client operations on a terminal: reading and restoring a large checkpoint
//! (`resume`), a migration's transfer (`migrate`). Nothing is drawn when stderr is not a
//! terminal, or for work too small to be worth a bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// Work smaller than this shows no bar: it is over before anyone could read it.
const WORTH_SHOWING: u64 = 8 << 20;

/// A bar on stderr, or nothing.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `total` bytes of `what`, when stderr is a terminal and the work is large.
    pub(crate) fn bytes(what: &str, total: u64) -> Progress {
        let show = total >= WORTH_SHOWING && std::io::IsTerminal::is_terminal(&std::io::stderr());
        Progress::with(show, what, total)
    }

    fn with(show: bool, what: &str, total: u64) -> Progress {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "phantom: {msg:10} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {elapsed}",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar.set_message(what.to_string());
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar }
    }

    /// Bytes done so far.
    pub(crate) fn set(&self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        }
    }

    /// A new stage of the same work (decoding, restoring), its bytes all done.
    pub(crate) fn stage(&self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_string());
            if let Some(total) = bar.length() {
                bar.set_position(total);
            }
        }
    }

    /// Removes the bar.
    pub(crate) fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Reads a whole file, showing its progress.
    pub(crate) fn read_file(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let mut file = std::fs::File::open(path)?;
        let mut bytes = Vec::new();
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                return Ok(bytes);
            }
            bytes.extend_from_slice(&buf[..n]);
            self.set(bytes.len() as u64);
        }
    }
}
