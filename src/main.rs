//! The `newsdex` binary: a thin command line over the `newsdex` library.

// Messages go through `say!`, which a closed stderr cannot make panic.
#![deny(clippy::print_stderr)]

mod cli;

/// mimalloc rather than the system's malloc: see its entry in Cargo.toml.
/// The library leaves the choice to whoever links it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
