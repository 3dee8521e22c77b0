//! Lessons as data: a lesson file (`lessons/ID.lesson`) is read by the engine
//! — never by the page — into a title, an introduction, a start state (lines
//! replayed into a fresh world, `@teammate` lines and topology included),
//! ordered steps each with goals, progressive hints and a solution, what was
//! learned, and the interviewer's question. [`check`] replays a lesson's
//! solution and proves the lesson can be finished, step by step.
//!
//! The format, line by line (Markdown a lesson author reads as it is):
//!
//! ```text
//! # Feature development
//! The introduction, in paragraphs.
//! ## Start
//! git checkout development
//! ## Step: Start your feature branch from development
//! What the step is about (optional).
//! goal: checked-out feature/new-chatbot-intent
//! hint: Features start from development.
//! hint: git checkout -b feature/new-chatbot-intent development
//! do: git checkout -b feature/new-chatbot-intent development
//! ## Learned
//! What the learner can now say.
//! ## Interview
//! The question an interviewer would ask.
//! ```

pub mod goal;

pub use goal::{Goal, GoalError};

use crate::session::Session;
use crate::world::World;

/// A lesson id: a plain name (`big-picture`), since it becomes a file name
/// and a URL path.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The curriculum's order (`lessons/index.txt`): `id | Title` per line; a
/// line that is not that, or whose id is not [`is_id`], is skipped.
pub fn index(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let (id, title) = l.split_once('|')?;
            let id = id.trim();
            is_id(id).then(|| (id.to_string(), title.trim().to_string()))
        })
        .collect()
}

/// One step: its objective, what it is about, the goals that finish it, its
/// hints (a nudge first, the command last) and its solution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The objective, as the checklist shows it.
    pub objective: String,
    /// What the step is about.
    pub about: String,
    /// Met when every goal is.
    pub goals: Vec<Goal>,
    /// From a nudge to the exact command.
    pub hints: Vec<String>,
    /// Terminal lines that do it.
    pub solution: Vec<String>,
}

impl Step {
    /// Whether the step is done in `world`.
    pub fn done(&self, world: &World) -> bool {
        self.goals.iter().all(|g| g.met(world))
    }
}

/// A lesson's checklist as the learner works: steps are reached in order, and
/// a step once reached stays checked even if a later step undoes its state
/// (stopping a server to restart it elsewhere).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklist {
    done: Vec<bool>,
}

impl Checklist {
    /// Checks the steps `world` now meets, in order; true when all are done.
    pub fn follow(&mut self, lesson: &Lesson, world: &World) -> bool {
        self.done.resize(lesson.steps.len(), false);
        for (i, step) in lesson.steps.iter().enumerate() {
            if !self.done[i] {
                if step.done(world) {
                    self.done[i] = true;
                } else {
                    break;
                }
            }
        }
        self.done.iter().all(|d| *d)
    }

    /// Whether step `i` is checked.
    pub fn is_done(&self, i: usize) -> bool {
        self.done.get(i).copied().unwrap_or(false)
    }

    /// The first step not yet done.
    pub fn current(&self) -> Option<usize> {
        self.done.iter().position(|d| !d)
    }
}

/// A lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// Its title.
    pub title: String,
    /// Its introduction.
    pub intro: String,
    /// Lines replayed into a fresh world before the learner starts.
    pub start: Vec<String>,
    /// Its steps, in order.
    pub steps: Vec<Step>,
    /// What the learner can now say.
    pub learned: String,
    /// The question an interviewer would ask about it.
    pub interview: String,
}

/// Why a lesson file did not parse: the line, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LessonError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong, and the fix.
    pub message: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Intro,
    Start,
    Step,
    Learned,
    Interview,
}

fn push_text(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

impl Lesson {
    /// Reads a lesson file.
    pub fn parse(text: &str) -> Result<Self, LessonError> {
        let err = |line: usize, message: String| LessonError { line, message };
        let mut title = None;
        let mut lesson = Lesson {
            title: String::new(),
            intro: String::new(),
            start: Vec::new(),
            steps: Vec::new(),
            learned: String::new(),
            interview: String::new(),
        };
        let mut part = Part::Intro;
        let mut step_line = 0;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end();
            if title.is_none() {
                if line.trim().is_empty() {
                    continue;
                }
                let t = line.strip_prefix("# ").map(str::trim).filter(|t| !t.is_empty());
                title = Some(t.ok_or_else(|| err(n, "a lesson starts with its title: # Title".into()))?.to_string());
                continue;
            }
            if let Some(heading) = line.strip_prefix("## ") {
                let heading = heading.trim();
                if let Some(step) = lesson.steps.last()
                    && part == Part::Step
                {
                    check_step(step, step_line)?;
                }
                part = match heading {
                    "Start" => Part::Start,
                    "Learned" => Part::Learned,
                    "Interview" => Part::Interview,
                    h => {
                        let objective = h.strip_prefix("Step:").map(str::trim).filter(|o| !o.is_empty()).ok_or_else(|| {
                            err(n, format!("unknown section '## {h}'; sections are ## Start, ## Step: OBJECTIVE, ## Learned, ## Interview"))
                        })?;
                        step_line = n;
                        lesson.steps.push(Step {
                            objective: objective.to_string(),
                            about: String::new(),
                            goals: Vec::new(),
                            hints: Vec::new(),
                            solution: Vec::new(),
                        });
                        Part::Step
                    }
                };
                continue;
            }
            match part {
                Part::Intro => push_text(&mut lesson.intro, line),
                Part::Learned => push_text(&mut lesson.learned, line),
                Part::Interview => push_text(&mut lesson.interview, line),
                Part::Start => {
                    if !line.trim().is_empty() {
                        lesson.start.push(line.trim().to_string());
                    }
                }
                Part::Step => {
                    let Some(step) = lesson.steps.last_mut() else { continue };
                    if let Some(g) = line.strip_prefix("goal:") {
                        step.goals.push(Goal::parse(g).map_err(|e| err(n, e.to_string()))?);
                    } else if let Some(h) = line.strip_prefix("hint:") {
                        step.hints.push(h.trim().to_string());
                    } else if let Some(d) = line.strip_prefix("do:") {
                        let d = d.trim();
                        crate::terminal::parse::line(d)
                            .map_err(|e| err(n, format!("the solution line does not parse: {e}")))?;
                        step.solution.push(d.to_string());
                    } else {
                        push_text(&mut step.about, line);
                    }
                }
            }
        }
        if title.is_none() {
            return Err(err(1, "the file is empty; a lesson starts with its title: # Title".into()));
        }
        lesson.title = title.unwrap_or_default();
        if let Some(step) = lesson.steps.last()
            && part == Part::Step
        {
            check_step(step, step_line)?;
        }
        if lesson.steps.is_empty() {
            return Err(err(text.lines().count().max(1), "a lesson needs at least one ## Step: OBJECTIVE".into()));
        }
        for t in [&mut lesson.intro, &mut lesson.learned, &mut lesson.interview] {
            *t = t.trim().to_string();
        }
        Ok(lesson)
    }
}

fn check_step(step: &Step, line: usize) -> Result<(), LessonError> {
    let missing = if step.goals.is_empty() {
        Some("goal: (what finishes it)")
    } else if step.hints.is_empty() {
        Some("hint: (a nudge, then the command)")
    } else if step.solution.is_empty() {
        Some("do: (the terminal lines that do it)")
    } else {
        None
    };
    match missing {
        Some(m) => Err(LessonError { line, message: format!("step '{}' needs a line {m}", step.objective) }),
        None => Ok(()),
    }
}

/// The world a lesson starts in: its start lines replayed into a fresh world.
pub fn start(lesson: &Lesson) -> Result<Session, String> {
    let mut session = Session::new(World::new());
    for l in &lesson.start {
        let o = session.run(l);
        if !o.ok {
            return Err(format!("start line '{l}' failed: {}", o.output));
        }
    }
    // The start is where the learner begins: undo stops here.
    Ok(Session::new(session.world().clone()))
}

/// Replays the solution: no step is done before its solution runs, and each
/// is done once it ran, in order — so the last one finishes the lesson.
pub fn check(lesson: &Lesson) -> Result<(), String> {
    let mut session = start(lesson)?;
    for (i, step) in lesson.steps.iter().enumerate() {
        if step.done(session.world()) {
            return Err(format!("step {} '{}' is already done before its solution runs", i + 1, step.objective));
        }
        for l in &step.solution {
            let o = session.run(l);
            if !o.ok {
                return Err(format!("step {} '{}': '{l}' failed: {}", i + 1, step.objective, o.output));
            }
        }
        if !step.done(session.world()) {
            return Err(format!("step {} '{}' is not done after its solution", i + 1, step.objective));
        }
    }
    // The checklist keeps a step once reached, so a later step may undo an
    // earlier one's state (stopping the server to restart it elsewhere).
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    const SMALL: &str = "# Feature development

Start a feature.

## Start
git checkout development

## Step: Start your feature branch from development
goal: checked-out feature/new-chatbot-intent
hint: Features start from development.
hint: git checkout -b feature/new-chatbot-intent development
do: git checkout -b feature/new-chatbot-intent development

## Learned
Branches are code versions.

## Interview
Why a branch per feature?
";

    #[test]
    fn the_checklist_keeps_a_step_once_reached() {
        let l = Lesson::parse(SMALL).unwrap();
        let mut s = start(&l).unwrap();
        let mut list = Checklist::default();
        assert!(!list.follow(&l, s.world()));
        assert_eq!(list.current(), Some(0));
        s.run("git checkout -b feature/new-chatbot-intent development");
        assert!(list.follow(&l, s.world()));
        s.run("git checkout development");
        assert!(list.follow(&l, s.world()), "undoing the step's state keeps it checked");
        assert!(list.is_done(0) && list.current().is_none());
    }

    #[test]
    fn a_lesson_parses_and_its_solution_checks() {
        let l = Lesson::parse(SMALL).unwrap();
        assert_eq!(l.title, "Feature development");
        assert_eq!(l.start, ["git checkout development"]);
        assert_eq!(l.steps[0].hints.len(), 2);
        assert_eq!(l.interview, "Why a branch per feature?");
        check(&l).unwrap();
        // A step its start already satisfies is refused.
        let done_already =
            SMALL.replace("goal: checked-out feature/new-chatbot-intent", "goal: checked-out development");
        assert!(check(&Lesson::parse(&done_already).unwrap()).unwrap_err().contains("already done"));
    }

    #[test]
    fn a_malformed_lesson_names_the_line_and_the_fix() {
        for (text, line, says) in [
            ("", 1, "a lesson starts with its title"),
            ("Title without a hash", 1, "# Title"),
            ("# T\n## Steps\n", 2, "unknown section '## Steps'"),
            ("# T\n## Step: x\ngoal: checked-out\n", 3, "'checked-out' takes one branch"),
            ("# T\n## Step: x\ngoal: checked-out a\ndo: git status\n## Learned\n", 2, "needs a line hint:"),
            ("# T\n## Step: x\ngoal: checked-out a\nhint: h\ndo: git 'status\n", 5, "does not parse"),
            ("# T\nintro\n", 2, "at least one ## Step"),
        ] {
            let e = Lesson::parse(text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}: {e}");
            assert!(e.to_string().contains(says), "{text:?}: {e}");
        }
    }

    proptest::proptest! {
        /// Any text — lesson-shaped lines with Unicode, parentheses, commas,
        /// quotes, `~`, `^`, `=` spliced inside their words — parses to a
        /// lesson or a line-numbered error, never a panic; a lesson that
        /// parses can be checked without a panic.
        #[test]
        fn any_lesson_text_parses_or_says_where(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("# T".to_string()),
                    proptest::strategy::Just("## Start".to_string()),
                    proptest::strategy::Just("## Step: x".to_string()),
                    "goal: [a-z-]{0,14} [a-z/(),~^=é'\"]{0,12}".prop_map(|s| s),
                    "hint: \\PC{0,12}".prop_map(|s| s),
                    "do: (git |echo |curl )?[a-z~^='\"&;> é-]{0,12}".prop_map(|s| s),
                    "\\PC{0,20}".prop_map(|s| s),
                ],
                0..12,
            ),
        ) {
            let text = lines.join("\n");
            match Lesson::parse(&text) {
                Ok(l) => {
                    let _ = check(&l);
                }
                Err(e) => proptest::prop_assert!(e.line >= 1 && e.line <= lines.len().max(1), "{e}"),
            }
        }
    }
}
