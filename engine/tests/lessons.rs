//! Every lesson in `lessons/` parses and can be finished: its solution,
//! replayed from its start, does each step in order (`engine::lesson::check`,
//! the same check `b2p lessons check` prints).

use engine::lesson::{Lesson, check, start};
use engine::share::{Record, Start, link};

/// The finished lesson, shared as a link and opened from it (its start
/// rebuilt, its lines replayed), is the same world, step for step.
fn shared_link_rebuilds_the_world(lesson: &Lesson, id: &str) {
    let mut session = start(lesson).expect("start");
    for line in lesson.steps.iter().flat_map(|s| &s.solution) {
        session.run(line);
    }
    let url = link::encode(&Record::of(Start::Lesson(id.into()), &session));
    let record = link::decode(&url).expect("decodes");
    assert_eq!(record.start, Start::Lesson(id.into()));
    let opened = record.replay(start(lesson).expect("start").world().clone());
    assert_eq!(opened.world(), session.world(), "{id}: {url}");
    assert_eq!(opened.lines(), session.lines());
}

#[test]
fn every_lesson_can_be_finished() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../lessons");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("lessons/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "lesson") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let lesson = Lesson::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check(&lesson).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        shared_link_rebuilds_the_world(&lesson, path.file_stem().and_then(|s| s.to_str()).expect("name"));
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} lessons found in {dir}");
}

use engine::view::forms::{Field, Form, Item, build, workflow};
use engine::view::{environments::environments, pulls::pulls, toolbar};
use engine::{Action, Session, World};

/// What a click must reproduce: the whole world (files, servers and their
/// logs, GitHub), as the typed line left it.
fn seen(world: &World) -> World {
    world.clone()
}

/// Every value a form's fields could be given to reproduce `line`: choices
/// as offered, free text from the line's own words (and a JSON body's message).
fn fills(form: &Form, line: &str) -> Vec<Vec<(String, String)>> {
    let mut words: Vec<String> = engine::grammar::parse(line)
        .map(|cmds| cmds.into_iter().flat_map(|(_, c)| c.argv).collect())
        .unwrap_or_default();
    let messages: Vec<String> = words
        .iter()
        .filter_map(|w| w.split("\"message\": \"").nth(1).and_then(|m| m.split('"').next()).map(String::from))
        .collect();
    words.extend(messages);
    words.push(String::new());
    let mut combos: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for field in &form.fields {
        let (name, values): (&str, Vec<String>) = match field {
            Field::Hidden { name, value } => (name, vec![value.clone()]),
            Field::Choice { name, options, .. } => (name, options.iter().map(|o| o.value.clone()).collect()),
            Field::Text { name, .. } => (name, words.clone()),
        };
        combos = combos
            .into_iter()
            .flat_map(|c| {
                values.iter().map(move |v| {
                    let mut c = c.clone();
                    c.push(((*name).to_string(), v.clone()));
                    c
                })
            })
            .collect();
    }
    combos
}

/// Every action a click can dispatch now, for `line` (forms filled from it;
/// the editor's text as the typed line left each file: typing in the editor).
fn clicks(session: &Session, line: &str, typed: &World) -> Vec<Action> {
    let world = session.world();
    // Undo and reset are not a way through a lesson.
    let mut out: Vec<Action> =
        toolbar(session).controls.into_iter().filter(|c| c.name == "commit-empty").map(|c| c.action).collect();
    let mut forms: Vec<Form> = Vec::new();
    for item in workflow(world) {
        match item {
            Item::Button(c) => out.push(c.action),
            Item::Form(f) => forms.push(f),
        }
    }
    let env = environments(world);
    out.push(env.switch.action);
    for card in env.cards {
        out.extend(card.control.map(|c| c.action));
        forms.extend(card.forms);
    }
    for pr in pulls(world) {
        out.extend(pr.merges.into_iter().map(|c| c.action));
        out.extend(pr.review.map(|c| c.action));
        forms.extend(pr.ask_changes);
    }
    for f in forms.iter().filter(|f| f.why.is_none()) {
        out.extend(fills(f, line).iter().filter_map(|v| build(f.name, v).ok()));
    }
    for (path, text) in typed.work() {
        if world.work().get(path) != Some(text) {
            let v = vec![("path".to_string(), path.clone()), ("text".to_string(), text.clone())];
            out.extend(build("save", &v).ok());
        }
    }
    out
}

#[test]
fn every_lesson_can_be_finished_by_clicking_only() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../lessons");
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).expect("lessons/").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "lesson"));
    paths.sort();
    let mut problems = Vec::new();
    for path in &paths {
        let lesson = Lesson::parse(&std::fs::read_to_string(path).expect("readable")).expect("parses");
        let mut session = engine::lesson::start(&lesson).expect("starts");
        'steps: for step in &lesson.steps {
            for line in &step.solution {
                let mut typed = session.clone();
                typed.run(line);
                if seen(typed.world()) == seen(session.world()) {
                    continue; // a line that only reads (servers, config check): nothing to click
                }
                let want = seen(typed.world());
                let click = clicks(&session, line, typed.world()).into_iter().find(|a| {
                    let mut s = session.clone();
                    s.apply(a);
                    seen(s.world()) == want
                });
                match click {
                    Some(a) => {
                        if std::env::var_os("LESSON_CLICKS").is_some() {
                            eprintln!("{line}  ⇒  {}", a.to_line());
                        }
                        session.apply(&a);
                    }
                    None => {
                        problems.push(format!("{}: no button or form does '{line}'", path.display()));
                        break 'steps;
                    }
                }
            }
        }
        if problems.is_empty() || !problems.last().is_some_and(|p| p.starts_with(&path.display().to_string())) {
            let undone: Vec<&str> =
                lesson.steps.iter().filter(|s| !s.done(session.world())).map(|s| s.objective.as_str()).collect();
            if lesson.steps.last().is_some_and(|s| !s.done(session.world())) {
                problems.push(format!("{}: clicking leaves undone: {undone:?}", path.display()));
            }
            // What the buttons echoed, replayed as typed lines (a saved or
            // shared world), is the world the clicks made.
            let record = Record { start: Start::Sandbox, lines: session.lines().to_vec() };
            let replayed = record.replay(engine::lesson::start(&lesson).expect("starts").world().clone());
            if replayed.world() != session.world() {
                problems.push(format!("{}: the clicks' echoes replay to another world", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
