//! Every lesson in `lessons/` parses and can be finished: its solution,
//! replayed from its start, does each step in order (`engine::lesson::check`,
//! the same check `b2p lessons check` prints).

use engine::lesson::{Lesson, check};

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
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} lessons found in {dir}");
}
