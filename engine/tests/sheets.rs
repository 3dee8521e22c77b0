//! The sheets the site serves (`reference/`, `quiz/`) read, and every
//! command the reference offers to "try" is one the terminal knows: typed
//! into a fresh sandbox it runs or fails as git would, never "command not
//! found" or "unknown option".

use engine::sheet::{Block, parse};
use engine::{Session, World};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_reference_reads_and_its_commands_are_known() {
    let sheet = parse(&read("reference/reference.sheet")).unwrap();
    let commands: Vec<&str> = sheet.commands().collect();
    assert!(commands.len() >= 20, "{commands:?}");
    for line in commands {
        let out = Session::new(World::new()).run(line).output;
        for refusal in ["command not found", "unknown option", "usage:"] {
            assert!(!out.contains(refusal), "'{line}': {out}");
        }
    }
    // The guide's table, whole: six aspects over three environments.
    let table = sheet.blocks.iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap();
    assert_eq!(table.len(), 7);
    assert_eq!(table[0], ["Aspect", "Development", "Staging", "Production"]);
    for embed in ["profiles", "workflow"] {
        assert!(sheet.blocks.contains(&Block::Embed(embed.into())), "{embed}");
    }
}

#[test]
fn the_interview_sheet_has_the_guides_answer_and_follow_ups() {
    let sheet = parse(&read("quiz/interview.sheet")).unwrap();
    let gold = sheet.section("The guide's answer");
    assert!(matches!(gold, [Block::Quote(q)] if q.starts_with("I follow professional Git workflow")), "{gold:?}");
    let follow = sheet.section("Follow-up questions");
    let asks = follow.iter().filter(|b| matches!(b, Block::Ask(_))).count();
    assert!(asks >= 5, "{asks}");
    // Every question is followed by what a strong answer covers.
    for pair in follow.windows(2) {
        if let [Block::Ask(a), next] = pair {
            assert!(matches!(next, Block::List(items) if items.len() >= 2), "'{a}' has no list after it");
        }
    }
}
