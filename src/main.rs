//! The `accord` binary: parse arguments, call the library, report, exit.
//! Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: rendering and parsing make many small strings from several
/// threads, where it is markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A command that runs once and exits (all but `serve`) keeps the memory
/// it frees for its next allocations instead of giving it back to the
/// system after a second: given back, it is zeroed again by the kernel
/// when it is taken again, which is a twentieth of a large build.
fn keep_freed_memory() {
    // `mi_option_purge_delay` in mimalloc.h (v2 and v3; the Rust bindings
    // name only some options).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's options (a plain integer), which its
    // documentation allows at any time; `-1` means "never purge".
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, -1);
    }
}

fn main() -> ExitCode {
    let cli = accord::cli::Cli::parse();
    if !matches!(cli.command, accord::cli::Command::Serve { .. }) {
        keep_freed_memory();
    }
    let mut stdout = std::io::stdout().lock();
    match accord::cli::run(cli, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let accord::Error::Content(diags) = &e {
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
