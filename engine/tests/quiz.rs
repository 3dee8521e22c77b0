//! The interview quiz (`quiz/questions.quiz`) reads, names only lessons that
//! exist, has every kind, and explains what it grades: a "spot the problem"
//! question's explanation names every key `config check` flags in its file,
//! and its right answer is exactly those keys.

use engine::quiz::{Answer, Kind, check_all, parse};

#[test]
fn the_quiz_reads_grades_and_explains() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let text = std::fs::read_to_string(format!("{root}/quiz/questions.quiz")).expect("quiz/questions.quiz");
    let questions = parse(&text).expect("parses");
    let index = std::fs::read_to_string(format!("{root}/lessons/index.txt")).expect("index");
    let lessons: Vec<String> = engine::lesson::index(&index).into_iter().map(|(id, _)| id).collect();
    check_all(&questions, &lessons).expect("checks");
    assert!(questions.len() >= 30, "{} questions", questions.len());
    for kind in ["choice", "which", "order", "spot"] {
        assert!(
            questions.iter().any(|q| matches!(
                (&q.kind, kind),
                (Kind::Choice { .. }, "choice")
                    | (Kind::Which { .. }, "which")
                    | (Kind::Order { .. }, "order")
                    | (Kind::Spot { .. }, "spot")
            )),
            "no {kind} question"
        );
    }
    for q in &questions {
        match &q.kind {
            Kind::Spot { .. } => {
                let keys = q.problems();
                for k in &keys {
                    assert!(q.why.contains(k.as_str()), "{}: the explanation never names {k}", q.id);
                }
                assert!(q.grade(&Answer::Flagged(keys.clone())), "{}", q.id);
                let mut fewer = keys.clone();
                fewer.pop_first();
                assert!(!q.grade(&Answer::Flagged(fewer)), "{}: a partial answer is not right", q.id);
            }
            Kind::Order { steps } => {
                assert!(q.grade(&Answer::Ordered((0..steps.len()).collect())), "{}", q.id);
                assert!(!q.grade(&Answer::Ordered((0..steps.len()).rev().collect())), "{}", q.id);
            }
            Kind::Choice { right, .. } => assert!(q.grade(&Answer::Picked(right.clone())), "{}", q.id),
            Kind::Which { right, .. } => assert!(q.grade(&Answer::Picked([*right].into())), "{}", q.id),
        }
    }
}
