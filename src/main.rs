//! The `newsdex` binary: a thin command line over the `newsdex` library.

// Messages go through `say!`, which a closed stderr cannot make panic.
#![deny(clippy::print_stderr)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
