//! The `accord` binary: parse arguments, call the library, report, exit.
//! Exit codes: 0 ok, 1 content or theme errors, 2 usage or I/O errors.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: rendering and parsing make many small strings from several
/// threads, where it is markedly faster than the system allocator. Built
/// with its `no_thp` feature (Cargo.toml): without it mimalloc asks for
/// transparent huge pages, and each time it hands freed memory back and
/// touches it again the kernel zeroes 2 MiB instead of 4 KiB, a tenth of a
/// 10k build's CPU (perf: `clear_page_erms` under `mi_page_free_list_extend`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = accord::cli::Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match accord::cli::run(cli, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let accord::Error::Content(diags) | accord::Error::Theme(diags) = &e {
                for d in diags {
                    eprintln!("{d}");
                }
            }
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                eprintln!("  caused by: {s}");
                source = s.source();
            }
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
