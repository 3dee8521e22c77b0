//! The interview quiz as data (`quiz/questions.quiz`, fetched on first use
//! like lessons): questions of four kinds, each with its explanation and the
//! lesson that teaches it, and the grading — a "spot the problem" question is
//! graded by the engine's own `config check`, never by an answer key that
//! could disagree with it.
//!
//! The format (Markdown an author reads as it is):
//!
//! ```text
//! ## Q: branches-are-versions | Branches vs environments
//! lesson: big-picture
//! kind: choice                     ← choice, which, order or spot
//! ask: In the guide's words, what is a git branch?
//! - A server where the code runs   ← an option
//! * A version of the code          ← a right option (choice: one or more; which: exactly one)
//! 1. git checkout development      ← order: the steps, in the right order
//! env: production                  ← spot: the profile the file is for
//! > API_DEBUG=true                 ← spot: the file, a line each
//! why: Branches are code versions; environments are where code runs.
//! ```

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use crate::config::check::{Env, check};

/// A question's kind, with what answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Pick every right option.
    Choice {
        /// The options, in the file's order.
        options: Vec<String>,
        /// The right ones.
        right: BTreeSet<usize>,
    },
    /// Which environment or profile: one right option.
    Which {
        /// The options.
        options: Vec<String>,
        /// The right one.
        right: usize,
    },
    /// Put the steps in order (the page shuffles them).
    Order {
        /// The steps, in the right order.
        steps: Vec<String>,
    },
    /// Spot the problem in this `.env`: flag the keys `config check` flags.
    Spot {
        /// The profile the file is for.
        env: Env,
        /// The file's text.
        file: String,
    },
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Its id (stable: scores are kept by it).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The lesson that teaches it.
    pub lesson: String,
    /// The question.
    pub ask: String,
    /// Its kind and what answers it.
    pub kind: Kind,
    /// Why the answer is right.
    pub why: String,
}

/// A learner's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The options picked.
    Picked(BTreeSet<usize>),
    /// The steps, as indexes into the right order, in the order given.
    Ordered(Vec<usize>),
    /// The keys flagged.
    Flagged(BTreeSet<String>),
}

impl Question {
    /// The keys `config check` flags in a spot question's file (empty for
    /// other kinds).
    pub fn problems(&self) -> BTreeSet<String> {
        let Kind::Spot { env, file } = &self.kind else { return BTreeSet::new() };
        let resolved = crate::config::resolve(&env.file(), Some(file), &[], "");
        let mut keys = BTreeSet::new();
        keys.extend(check(*env, &resolved.config, *env != Env::Development).into_iter().map(|f| f.key.to_string()));
        keys
    }

    /// Whether `answer` is right.
    pub fn grade(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (Kind::Choice { right, .. }, Answer::Picked(p)) => p == right,
            (Kind::Which { right, .. }, Answer::Picked(p)) => p.len() == 1 && p.contains(right),
            (Kind::Order { steps }, Answer::Ordered(o)) => {
                o.len() == steps.len() && o.iter().enumerate().all(|(i, s)| i == *s)
            }
            (Kind::Spot { .. }, Answer::Flagged(keys)) => *keys == self.problems(),
            _ => false,
        }
    }
}

impl Question {
    /// The order an "order" question shows its steps in: shuffled the same
    /// way every time (a learner can come back to it), never already right.
    pub fn shown_order(&self) -> Vec<usize> {
        let Kind::Order { steps } = &self.kind else { return Vec::new() };
        let n = steps.len();
        let mut order: Vec<usize> = (0..n).collect();
        // FNV-1a of the id seeds a small LCG: deterministic, no RNG crate.
        let mut seed =
            self.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        for i in (1..n).rev() {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        if order.iter().enumerate().all(|(i, s)| i == *s) {
            order.rotate_left(1);
        }
        order
    }

    /// The keys a "spot" question's file sets, in the file's order: what
    /// the learner can flag.
    pub fn file_keys(&self) -> Vec<String> {
        self.file_lines().into_iter().filter_map(|(_, k)| k).collect()
    }

    /// A "spot" question's file, line by line, each with the key it sets
    /// (none for a comment or a blank line).
    pub fn file_lines(&self) -> Vec<(&str, Option<String>)> {
        let Kind::Spot { file, .. } = &self.kind else { return Vec::new() };
        file.lines()
            .map(|l| {
                let key = (!l.trim_start().starts_with('#'))
                    .then(|| l.split_once('='))
                    .flatten()
                    .map(|(k, _)| k.trim().trim_start_matches("export ").trim().to_string())
                    .filter(|k| !k.is_empty());
                (l, key)
            })
            .collect()
    }
}

/// The learner's results, kept in the browser: each question answered, and
/// whether the last answer was right. One `id right` or `id wrong` a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scores(pub BTreeMap<String, bool>);

impl Scores {
    /// Reads kept results.
    pub fn parse(text: &str) -> Result<Self, QuizError> {
        let mut out = BTreeMap::new();
        for (i, l) in text.lines().enumerate() {
            let err = |message: String| QuizError { line: i + 1, message };
            if l.trim().is_empty() {
                continue;
            }
            let (id, result) =
                l.trim().split_once(' ').ok_or_else(|| err("expected 'id right' or 'id wrong'".into()))?;
            if !crate::lesson::is_id(id) {
                return Err(err(format!("'{}' is not a question id", id.chars().take(40).collect::<String>())));
            }
            let right = match result {
                "right" => true,
                "wrong" => false,
                _ => return Err(err("a result is 'right' or 'wrong'".into())),
            };
            out.insert(id.to_string(), right);
        }
        Ok(Self(out))
    }

    /// As kept.
    pub fn write(&self) -> String {
        let mut out = String::new();
        for (id, r) in &self.0 {
            out.push_str(id);
            out.push_str(if *r { " right\n" } else { " wrong\n" });
        }
        out
    }

    /// Right answers among `questions`, and how many of them were answered.
    pub fn tally(&self, questions: &[Question]) -> (usize, usize) {
        let answered: Vec<bool> = questions.iter().filter_map(|q| self.0.get(&q.id).copied()).collect();
        (answered.iter().filter(|r| **r).count(), answered.len())
    }
}

/// A mistake in a quiz file, with its line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {message}")]
pub struct QuizError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A question being read.
#[derive(Default)]
struct Draft {
    line: usize,
    id: String,
    title: String,
    lesson: Option<String>,
    kind: Option<String>,
    ask: Option<String>,
    options: Vec<(String, bool)>,
    steps: Vec<String>,
    env: Option<Env>,
    file: Vec<String>,
    why: Option<String>,
}

impl Draft {
    fn finish(self) -> Result<Question, QuizError> {
        let line = self.line;
        let err = |message: String| QuizError { line, message };
        let need = |v: Option<String>, what: &str| {
            v.ok_or_else(|| err(format!("question '{}' needs a '{what}:' line", self.id)))
        };
        let lesson = need(self.lesson.clone(), "lesson")?;
        let ask = need(self.ask.clone(), "ask")?;
        let why = need(self.why.clone(), "why")?;
        let kind = need(self.kind.clone(), "kind")?;
        let options: Vec<String> = self.options.iter().map(|(o, _)| o.clone()).collect();
        // Built by insertion: collecting into a set would sort (see crate::order).
        let mut right = BTreeSet::new();
        right.extend(self.options.iter().enumerate().filter(|(_, (_, r))| *r).map(|(i, _)| i));
        let kind = match kind.as_str() {
            "choice" | "which" if options.len() < 2 => {
                return Err(err(format!("question '{}' needs two options or more", self.id)));
            }
            "choice" if right.is_empty() => {
                return Err(err(format!("question '{}' marks no option right ('* ')", self.id)));
            }
            "choice" => Kind::Choice { options, right },
            "which" => match right.iter().collect::<Vec<_>>().as_slice() {
                [r] => Kind::Which { right: **r, options },
                _ => return Err(err(format!("question '{}' must mark exactly one option right", self.id))),
            },
            "order" if self.steps.len() < 2 => {
                return Err(err(format!("question '{}' needs two steps or more", self.id)));
            }
            "order" => Kind::Order { steps: self.steps },
            "spot" => {
                let env = self.env.ok_or_else(|| err(format!("question '{}' needs an 'env:' line", self.id)))?;
                if self.file.is_empty() {
                    return Err(err(format!("question '{}' needs the file, a '> ' line each", self.id)));
                }
                Kind::Spot { env, file: self.file.join("\n") + "\n" }
            }
            other => return Err(err(format!("unknown kind '{other}' (choice, which, order or spot)"))),
        };
        Ok(Question { id: self.id, title: self.title, lesson, ask, kind, why })
    }
}

/// Reads a quiz file.
pub fn parse(text: &str) -> Result<Vec<Question>, QuizError> {
    let mut out = Vec::new();
    let mut draft: Option<Draft> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| QuizError { line, message };
        let l = raw.trim_end();
        if let Some(head) = l.strip_prefix("## Q:") {
            if let Some(d) = draft.take() {
                out.push(d.finish()?);
            }
            let (id, title) = head.split_once('|').ok_or_else(|| err("a question starts '## Q: id | Title'".into()))?;
            let id = id.trim();
            if !crate::lesson::is_id(id) {
                return Err(err(format!("'{id}' is not an id (a-z, 0-9, -)")));
            }
            if out.iter().any(|q: &Question| q.id == id) {
                return Err(err(format!("question id '{id}' is used twice")));
            }
            draft = Some(Draft { line, id: id.into(), title: title.trim().into(), ..Draft::default() });
            continue;
        }
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let Some(d) = draft.as_mut() else { return Err(err("text before the first '## Q:' question".into())) };
        let value = |prefix: &str| l.strip_prefix(prefix).map(|v| v.trim().to_string());
        if let Some(v) = value("lesson:") {
            d.lesson = Some(v);
        } else if let Some(v) = value("kind:") {
            d.kind = Some(v);
        } else if let Some(v) = value("ask:") {
            d.ask = Some(v);
        } else if let Some(v) = value("why:") {
            d.why = Some(v);
        } else if let Some(v) = value("env:") {
            d.env =
                Some(Env::parse(&v).ok_or_else(|| err(format!("'{v}' is not development, staging or production")))?);
        } else if let Some(v) = l.strip_prefix("- ") {
            d.options.push((v.trim().into(), false));
        } else if let Some(v) = l.strip_prefix("* ") {
            d.options.push((v.trim().into(), true));
        } else if let Some(v) = l.strip_prefix('>') {
            d.file.push(v.strip_prefix(' ').unwrap_or(v).to_string());
        } else if let Some((n, v)) =
            l.split_once(". ").filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        {
            if n.parse::<usize>().ok() != Some(d.steps.len() + 1) {
                return Err(err(format!("step {n} is out of order: steps are numbered 1, 2, 3…")));
            }
            d.steps.push(v.trim().into());
        } else {
            return Err(err(format!("not a quiz line: '{}'", l.chars().take(60).collect::<String>())));
        }
    }
    if let Some(d) = draft {
        out.push(d.finish()?);
    }
    Ok(out)
}

/// Checks what a file cannot say by its form: every spot question's file
/// has something `config check` flags, and every lesson named is one of
/// `lessons` (the curriculum's ids).
pub fn check_all(questions: &[Question], lessons: &[String]) -> Result<(), String> {
    for q in questions {
        if !lessons.contains(&q.lesson) {
            return Err(format!("question '{}': no lesson '{}'", q.id, q.lesson));
        }
        if matches!(q.kind, Kind::Spot { .. }) && q.problems().is_empty() {
            return Err(format!("question '{}': config check finds nothing to spot in its file", q.id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = "## Q: versions | Branches vs environments
lesson: big-picture
kind: choice
ask: What is a git branch?
- A server
* A version of the code
why: Branches are code versions.

## Q: order | The feature flow
lesson: feature-development
kind: order
ask: Order these.
1. git checkout development
2. git checkout -b feature/x
why: Features start from development.

## Q: who | Real users
lesson: environments
kind: which
ask: Which environment do real users reach?
- staging
* production
why: Production serves real users.

## Q: debug | Debug in production
lesson: configuration-check
kind: spot
env: production
ask: What is wrong?
> API_DEBUG=true
> CORS_ORIGINS=https://smart-chatbot-demo.netlify.app
> API_HOST=0.0.0.0
> BACKEND_API_URL=https://smart-chatbot.railway.app
why: Debug shows internals to users.
";

    #[test]
    fn a_quiz_reads_and_grades() {
        let q = parse(SAMPLE).unwrap();
        assert_eq!(q.len(), 4);
        assert!(q[0].grade(&Answer::Picked([1].into())));
        assert!(!q[0].grade(&Answer::Picked([0, 1].into())));
        assert!(q[1].grade(&Answer::Ordered(vec![0, 1])));
        assert!(!q[1].grade(&Answer::Ordered(vec![1, 0])));
        assert!(q[2].grade(&Answer::Picked([1].into())));
        assert_eq!(q[3].problems(), ["API_DEBUG".to_string()].into());
        assert!(q[3].grade(&Answer::Flagged(["API_DEBUG".to_string()].into())));
        assert!(!q[3].grade(&Answer::Flagged(["CORS_ORIGINS".to_string()].into())));
        assert!(!q[3].grade(&Answer::Picked([0].into())), "an answer of the wrong kind is wrong");
        let lessons: Vec<String> =
            ["big-picture", "feature-development", "environments", "configuration-check"].map(String::from).to_vec();
        assert_eq!(check_all(&q, &lessons), Ok(()));
        assert!(check_all(&q, &lessons[..1]).unwrap_err().contains("no lesson"));
    }

    #[test]
    fn mistakes_name_their_line() {
        let msg = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(msg("hello"), "line 1: text before the first '## Q:' question");
        assert!(msg("## Q: Bad Id | x").starts_with("line 1: 'Bad Id' is not an id"));
        assert!(
            msg(&SAMPLE.replace("* A version", "- A version"))
                .starts_with("line 1: question 'versions' marks no option right")
        );
        assert!(
            msg(&SAMPLE.replace("2. git checkout -b", "3. git checkout -b"))
                .starts_with("line 14: step 3 is out of order")
        );
        assert!(msg(&SAMPLE.replace("kind: which", "kind: quiz")).contains("unknown kind 'quiz'"));
        assert!(msg(&SAMPLE.replace("env: production", "env: moon")).contains("'moon' is not development"));
        assert!(msg(&format!("{SAMPLE}\n## Q: versions | again\n")).contains("used twice"));
        assert!(msg(&SAMPLE.replace("why: Production serves real users.\n", "")).contains("needs a 'why:' line"));
    }

    #[test]
    fn order_is_shown_shuffled_the_same_way_every_time() {
        let qs =
            parse(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../quiz/questions.quiz")).unwrap())
                .unwrap();
        for q in qs.iter().filter(|q| matches!(q.kind, Kind::Order { .. })) {
            let shown = q.shown_order();
            assert_eq!(shown, q.shown_order());
            assert!(!q.grade(&Answer::Ordered(shown.clone())), "{} is shown already in order", q.id);
            let mut sorted = shown.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..shown.len()).collect::<Vec<_>>());
        }
        for q in qs.iter().filter(|q| matches!(q.kind, Kind::Spot { .. })) {
            let keys = q.file_keys();
            assert!(q.problems().iter().all(|p| keys.contains(p)), "{}: {keys:?}", q.id);
        }
    }

    #[test]
    fn scores_are_kept_as_lines() {
        let s = Scores::parse("a right\nb wrong\n").unwrap();
        assert_eq!(s.write(), "a right\nb wrong\n");
        assert_eq!(Scores::parse("a maybe").unwrap_err().to_string(), "line 1: a result is 'right' or 'wrong'");
        assert_eq!(Scores::parse("\n<b> right").unwrap_err().to_string(), "line 2: '<b>' is not a question id");
    }

    proptest! {
        /// Any text — quiz lines with anything spliced in — reads or names a
        /// line inside the file, never panics.
        #[test]
        fn any_text_reads_or_names_its_line(lines in proptest::collection::vec(prop_oneof![
            "\\PC{0,30}",
            "(## Q:|lesson:|kind:|ask:|why:|env:|- |\\* |> |[0-9]{1,2}\\. )\\PC{0,12}",
        ], 0..20)) {
            let text = lines.join("\n");
            if let Err(e) = parse(&text) {
                prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1));
            }
        }
    }
}
