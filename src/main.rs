//! The `newsdex` binary: a thin command line over the `newsdex` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
