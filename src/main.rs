//! The `newsdex` binary: a thin command line over the `newsdex` library.

// Messages go through `say!`, which a closed stderr cannot make panic.
#![deny(clippy::print_stderr)]

mod cli;

/// mimalloc rather than the system's malloc: see its entry in Cargo.toml.
/// The library leaves the choice to whoever links it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tune_allocator();
    cli::main()
}

/// mimalloc by default commits its arenas' memory up front and keeps freed
/// pages a second before handing them back: indexing Reuters-21578 peaked
/// at 186 MB of anonymous memory against glibc's 118 MB, and 100,000 scale
/// articles at 325 MB, the edge of the budget + 200 MB that issue 18 set.
/// Committed on demand and handed back at once: 142 MB and 292 MB, for 2-5%
/// of the speed (docs/PERFORMANCE.md). Set only while both options hold
/// mimalloc's defaults: a user's `MIMALLOC_PURGE_DELAY` or
/// `MIMALLOC_ARENA_EAGER_COMMIT` wins, and a mimalloc whose options are
/// numbered otherwise is left alone.
fn tune_allocator() {
    // Their places in mimalloc 3's `mi_option_t`, which the crate leaves
    // unnamed.
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: options are plain integers in mimalloc's table; this runs
    // first in `main`, before any other thread exists (mimalloc asks that
    // options be set from one thread).
    unsafe {
        if libmimalloc_sys::mi_option_get(ARENA_EAGER_COMMIT) == 2
            && libmimalloc_sys::mi_option_get(PURGE_DELAY) == 1000
        {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
    }
}
