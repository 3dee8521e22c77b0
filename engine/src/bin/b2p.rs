//! `b2p`: the engine's command line, for lesson authors and tests.
//!
//! `b2p replay [--json] [--empty]` reads terminal lines on stdin and runs each
//! exactly as the in-page terminal would.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use engine::{Session, State, World};
use serde::Serialize;

const USAGE: &str = "usage: b2p replay [--json] [--empty]   run terminal lines from stdin";

#[derive(Serialize)]
struct Step<'a> {
    line: &'a str,
    ok: bool,
    output: &'a str,
    state: State,
}

fn replay(json: bool, empty: bool) -> io::Result<()> {
    let mut session = Session::new(if empty { World::empty() } else { World::new() });
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let outcome = session.run(&line);
        if json {
            let step = Step { line: &line, ok: outcome.ok, output: &outcome.output, state: State::of(&session.world) };
            serde_json::to_writer(&mut out, &step)?;
            writeln!(out)?;
        } else {
            writeln!(out, "$ {line}")?;
            if !outcome.output.is_empty() {
                writeln!(out, "{}", outcome.output)?;
            }
        }
    }
    out.flush()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("replay") => {
            let mut json = false;
            let mut empty = false;
            for a in &args[1..] {
                match a.as_str() {
                    "--json" => json = true,
                    "--empty" => empty = true,
                    other => {
                        eprintln!("b2p replay: unknown option '{other}'\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            match replay(json, empty) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("b2p: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
