//! The engine's modules form no cycle: each top-level module (`git`,
//! `github`, `servers`, `world`, `terminal`, …) may use the ones below it, and
//! none of those reaches back. Read from the source, so a new `crate::…`
//! path that closes a loop fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn modules() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().to_string_lossy().to_string();
            let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
            if top == "lib" || top == "bin" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Tests may reach anywhere.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let entry = deps.entry(top.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                let name: String =
                    code[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && name != top {
                    entry.insert(name);
                }
            }
        }
    }
    deps
}

fn reaches(deps: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(m) = stack.pop() {
        if m == to {
            return true;
        }
        if seen.insert(m.clone()) {
            stack.extend(deps.get(&m).into_iter().flatten().cloned());
        }
    }
    false
}

#[test]
fn no_module_reaches_back_to_one_that_uses_it() {
    let deps = modules();
    assert!(deps.contains_key("world") && deps.contains_key("git"), "{deps:?}");
    let mut cycles = Vec::new();
    for (a, uses) in &deps {
        for b in uses {
            if reaches(&deps, b, a) {
                cycles.push(format!("{a} → {b} → … → {a}"));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
    // The rules of git know nothing of GitHub, the terminal nothing of the world.
    assert!(!reaches(&deps, "git", "github"));
    assert!(!reaches(&deps, "terminal", "world"));
}
