//! `b2p`: the engine's command line, for lesson authors and tests.
//!
//! `b2p replay [--json] [--empty]` reads terminal lines on stdin and runs each
//! exactly as the in-page terminal would.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use engine::{ReplayState, Session, World};
use serde::Serialize;

const USAGE: &str = "usage: b2p replay [--json] [--empty]   run terminal lines from stdin
       b2p dotenv FILE                   parse a .env file: values, errors, warnings, typed config
       b2p lessons check [DIR]           replay every lesson's solution (DIR: lessons/)
       b2p quiz check [FILE] [LESSONS]   read the quiz and check it (quiz/questions.quiz, lessons/)";

#[derive(Serialize)]
struct Step<'a> {
    line: &'a str,
    ok: bool,
    output: &'a str,
    state: ReplayState,
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
            let step =
                Step { line: &line, ok: outcome.ok, output: &outcome.output, state: ReplayState::of(session.world()) };
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
        Some("lessons") if args.get(1).map(String::as_str) == Some("check") => {
            lessons_check(args.get(2).map_or("lessons", String::as_str))
        }
        Some("quiz") if args.get(1).map(String::as_str) == Some("check") => quiz_check(
            args.get(2).map_or("quiz/questions.quiz", String::as_str),
            args.get(3).map_or("lessons", String::as_str),
        ),
        Some("dotenv") => match args.get(1) {
            Some(path) => dotenv(path),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `b2p lessons check [DIR]`: each `*.lesson` file parsed and its solution
/// replayed from its start ([`engine::lesson::check`]); one line per lesson.
fn lessons_check(dir: &str) -> ExitCode {
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "lesson"))
            .collect(),
        Err(e) => {
            eprintln!("b2p lessons check: cannot read {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    files.sort();
    let mut failed = 0;
    for path in &files {
        let name = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let verdict = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| engine::lesson::Lesson::parse(&text).map_err(|e| format!("{}: {e}", path.display())))
            .and_then(|lesson| engine::lesson::check(&lesson).map(|()| lesson));
        match verdict {
            Ok(lesson) => println!("ok    {name}: {} ({} steps)", lesson.title, lesson.steps.len()),
            Err(e) => {
                failed += 1;
                println!("FAIL  {name}: {e}");
            }
        }
    }
    // The index the page lists: every lesson, in order, with its title.
    match std::fs::read_to_string(std::path::Path::new(dir).join("index.txt")) {
        Ok(index) => {
            let listed = engine::lesson::index(&index);
            for path in &files {
                let name = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                let title = std::fs::read_to_string(path)
                    .ok()
                    .and_then(|t| engine::lesson::Lesson::parse(&t).ok())
                    .map(|l| l.title);
                match listed.iter().find(|(id, _)| *id == name) {
                    Some((_, t)) if Some(t) == title.as_ref() => {}
                    Some((_, t)) => {
                        failed += 1;
                        println!("FAIL  index.txt: {name} is titled '{t}' there, not {title:?}");
                    }
                    None => {
                        failed += 1;
                        println!("FAIL  index.txt: {name} is missing (add a line: {name} | TITLE)");
                    }
                }
            }
            if listed.len() != files.len() {
                failed += 1;
                println!("FAIL  index.txt lists {} lessons; {dir} has {}", listed.len(), files.len());
            }
        }
        Err(e) => {
            failed += 1;
            println!("FAIL  {dir}/index.txt: {e}");
        }
    }
    println!("{} lessons, {} passing", files.len(), files.len().saturating_sub(failed));
    if failed == 0 && !files.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// `b2p quiz check [FILE] [LESSONS]`: the quiz parsed ([`engine::quiz::parse`]),
/// every lesson it names listed in `LESSONS/index.txt`, every "spot the
/// problem" file flagged by `config check`; a count per kind.
fn quiz_check(path: &str, lessons: &str) -> ExitCode {
    use engine::quiz::Kind;
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"));
    let result =
        read(path).and_then(|text| engine::quiz::parse(&text).map_err(|e| format!("{path}: {e}"))).and_then(|qs| {
            let index = read(&format!("{lessons}/index.txt"))?;
            let ids: Vec<String> = engine::lesson::index(&index).into_iter().map(|(id, _)| id).collect();
            engine::quiz::check_all(&qs, &ids)?;
            Ok(qs)
        });
    match result {
        Ok(qs) => {
            let count = |f: fn(&Kind) -> bool| qs.iter().filter(|q| f(&q.kind)).count();
            println!(
                "{} questions: {} choice, {} which, {} order, {} spot — all passing",
                qs.len(),
                count(|k| matches!(k, Kind::Choice { .. })),
                count(|k| matches!(k, Kind::Which { .. })),
                count(|k| matches!(k, Kind::Order { .. })),
                count(|k| matches!(k, Kind::Spot { .. })),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("FAIL  {e}");
            ExitCode::FAILURE
        }
    }
}

/// `b2p dotenv FILE`: the parsed values, errors with line and column, warnings
/// and the typed config. Exit status 1 when the file has errors.
fn dotenv(path: &str) -> ExitCode {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("b2p dotenv: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = std::path::Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
    let parsed = engine::config::dotenv::parse(&name, &text);
    let resolved = engine::config::resolve(&name, Some(&text), &[], "");
    let values: std::collections::BTreeMap<&str, &str> =
        parsed.entries.iter().map(|e| (e.key.as_str(), e.value.as_str())).collect();
    let errors: Vec<serde_json::Value> = parsed
        .errors
        .iter()
        .map(|e| serde_json::json!({"line": e.line, "column": e.column, "message": e.message}))
        .collect();
    let typing_errors: Vec<&String> = resolved.errors.iter().skip(parsed.errors.len()).collect();
    let out = serde_json::json!({
        "values": values,
        "errors": errors,
        "type_errors": typing_errors,
        "warnings": resolved.warnings,
        "config": resolved.config,
        "sources": resolved.sources,
    });
    println!("{out}");
    if parsed.errors.is_empty() && typing_errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
