//! The `khuyencong` command; everything is in the library of the same name, which the
//! Python package's console script runs too.

fn main() -> std::process::ExitCode {
    khuyencong_cli::run(std::env::args_os())
}
