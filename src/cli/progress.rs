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

    fn note(&self, message: &str) {
        self.bar.suspend(|| say!("newsdex: {message}"));
    }

    fn skipped(&self, skip: &Failure) {
        self.bar.suspend(|| {
            say!(
                "newsdex: skipped {}: {}",
                newsdex::render::display_path(&skip.path),
                skip.reason
            );
        });
    }

    fn failed(&self, failure: &Failure) {
        self.bar.suspend(|| {
            say!(
                "newsdex: skipped {}: {}",
                newsdex::render::display_path(&failure.path),
                failure.reason
            );
        });
    }
}

/// A bar (or a counter when the total is unknown) for work counted in
/// items: exporting and pushing articles.
pub struct CountProgress {
    bar: ProgressBar,
}

impl CountProgress {
    pub fn new(verb: &str, unit: &str) -> CountProgress {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {verb} {{human_pos}} {unit} · {{elapsed}} {{msg}}"
                ))
                .expect("valid template"),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        CountProgress { bar }
    }

    /// With a known total: a bar with the rate and time left.
    pub fn with_total(verb: &str, unit: &str, total: u64) -> CountProgress {
        let progress = CountProgress::new(verb, unit);
        if !progress.bar.is_hidden() {
            progress.bar.set_length(total);
            progress.bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {verb} [{{bar:32}}] {{human_pos}}/{{human_len}} {unit} · {{elapsed}} (~{{eta}} left) {{msg}}"
                ))
                .expect("valid template")
                .progress_chars("=> "),
            );
        }
        progress
    }

    pub fn set_length(&self, total: u64) {
        if self.bar.length() != Some(total) {
            self.bar.set_length(total);
        }
    }

    pub fn set(&self, position: u64) {
        self.bar.set_position(position);
    }

    /// Prints a line above the bar (always, bar or not).
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| say!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// `newsdex push`: a bar over the articles, retries printed above it.
pub struct PushBar {
    progress: CountProgress,
    engine: String,
    /// The wait for the engine's commit has been announced.
    settling: std::cell::Cell<bool>,
}

impl PushBar {
    pub fn new(remote: &newsdex::remote::Remote) -> PushBar {
        PushBar {
            progress: CountProgress::with_total("pushing", "articles", 0),
            engine: remote.engine.to_string(),
            settling: std::cell::Cell::new(false),
        }
    }

    pub fn finish(&self) {
        self.progress.finish();
    }
}

impl newsdex::remote::push::PushProgress for PushBar {
    fn started(&self, documents: u64, already_sent: u64) {
        self.progress.set_length(documents);
        self.progress.set(already_sent);
        if already_sent > 0 && already_sent < documents {
            self.progress.println(&format!(
                "newsdex: resuming: {} articles were sent by an earlier push",
                newsdex::render::thousands(already_sent)
            ));
        }
    }

    fn sent(&self, documents: u64) {
        self.progress.set(documents);
    }

    fn settling(&self, searchable: u64, expected: u64) {
        if !self.settling.replace(true) {
            self.progress.println(&format!(
                "newsdex: waiting for {} to commit: {} of {} articles searchable so far",
                self.engine,
                newsdex::render::thousands(searchable),
                newsdex::render::thousands(expected)
            ));
        }
    }

    fn repairing(&self, missing: u64, duplicated: u64) {
        self.progress.println(&format!(
            "newsdex: looked every article up by id: {} missing, {} stored twice; {}",
            newsdex::render::thousands(missing),
            newsdex::render::thousands(duplicated),
            if missing + duplicated > 0 {
                "sending them again"
            } else {
                "nothing to repair"
            }
        ));
    }

    fn retrying(&self, retry: &newsdex::remote::http::Retrying) {
        self.progress.println(&format!(
            "newsdex: {} is busy or unreachable ({}); retry {} in {:.1} s",
            self.engine,
            retry.why,
            retry.retry,
            retry.delay.as_secs_f64()
        ));
    }
}
