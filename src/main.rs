//! The `narisumashi` command: parses arguments, calls the library, prints, and maps outcomes to
//! exit statuses. Everything it does is a library call a test can make too.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            cli::Exit::Done.into()
        }
        Err(e) => {
            eprintln!("narisumashi: {}", narisumashi::error_chain(e.as_ref()));
            cli::Exit::Refused.into()
        }
    }
}
