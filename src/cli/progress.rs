//! The indexing progress bar: on stderr, only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdex::index::ingest::{Failure, Progress};

pub struct IndexProgress {
    bar: ProgressBar,
}

impl IndexProgress {
    pub fn new() -> IndexProgress {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} indexing [{bar:32}] {human_pos}/{human_len} files · {elapsed} {msg}",
                )
                .expect("valid template")
                .progress_chars("=> "),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        IndexProgress { bar }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for IndexProgress {
    fn found(&self) {
        self.bar.inc_length(1);
    }

    fn done(&self) {
        self.bar.inc(1);
    }

    fn committing(&self) {
        self.bar.set_message("· committing and merging segments");
    }

    fn failed(&self, failure: &Failure) {
        self.bar.suspend(|| {
            eprintln!(
                "newsdex: skipped {}: {}",
                newsdex::render::display_path(&failure.path),
                failure.reason
            );
        });
    }
}
