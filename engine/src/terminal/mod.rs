//! The terminal: a typed line becomes actions ([`parse`]), which run one by
//! one through [`Apply`] — the same path a button takes — joined by `&&`/`;`,
//! with `> FILE` writing a command's output. The shell's own small commands
//! live in [`builtins`].

pub mod builtins;
pub mod parse;

use crate::action::{Action, Apply};
use crate::grammar::Joiner;
use crate::outcome::{Event, Outcome};

/// Runs typed lines on anything that applies actions (a world, a session).
pub trait Terminal {
    /// Runs one terminal line, possibly several commands joined by `&&`/`;`;
    /// a line starting `@teammate ` runs in the teammate's clone.
    fn run(&mut self, line: &str) -> Outcome;
}

impl<T: Apply> Terminal for T {
    fn run(&mut self, line: &str) -> Outcome {
        run(self, line)
    }
}

/// Parses `line` and applies its actions in order.
pub fn run(target: &mut impl Apply, line: &str) -> Outcome {
    let steps = match parse::line(line) {
        Ok(s) => s,
        Err(e) => return Outcome::err(e.to_string()),
    };
    let mut outputs: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut ok = true;
    let single = steps.len() == 1;
    for step in steps {
        if step.joiner == Joiner::IfOk && !ok {
            continue;
        }
        let action = match step.action {
            Ok(a) => a,
            Err(e) => {
                ok = false;
                outputs.push(e.to_string());
                continue;
            }
        };
        let mut o = target.apply(&action);
        if let Some(r) = step.redirect.filter(|_| o.ok) {
            if r.path == "/dev/null" {
                o.output.clear();
            } else {
                let write = Action::WriteFile { path: r.path, text: std::mem::take(&mut o.output), append: r.append };
                let write = match action {
                    Action::Teammate(_) => Action::Teammate(Box::new(write)),
                    _ => write,
                };
                let w = target.apply(&write);
                o.ok = w.ok;
                o.output = w.output;
            }
        }
        if single {
            return o;
        }
        ok = o.ok;
        if o.events.contains(&Event::Cleared) {
            outputs.clear();
        }
        if !o.output.is_empty() {
            outputs.push(o.output);
        }
        events.extend(o.events);
    }
    Outcome { ok, output: outputs.join("\n"), events }
}
