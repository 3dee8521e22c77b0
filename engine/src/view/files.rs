//! The working tree's files for the editor: each file's text and its
//! `git status --short` code, and the action that saves an edit.

use crate::action::Action;
use crate::git::status;
use crate::world::World;

/// One file of the working tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Its path.
    pub path: String,
    /// Its text.
    pub text: String,
    /// `git status --short`'s two letters (`" M"`, `"??"`), or empty when clean.
    pub status: String,
}

/// Every file, in path order (dotfiles included: the profiles are files too).
pub fn files(world: &World) -> Vec<File> {
    let entries = world.local().map(|r| status::entries(r, world.work())).unwrap_or_default();
    world
        .work()
        .iter()
        .map(|(path, text)| File {
            path: path.clone(),
            text: text.clone(),
            status: entries
                .iter()
                .find(|e| e.path == *path)
                .map(|e| format!("{}{}", e.staged, e.unstaged))
                .unwrap_or_default(),
        })
        .collect()
}

/// Saving `content` to `path`: `echo '…' > path`, which ends the file with a
/// newline as echo does.
pub fn save(path: &str, content: &str) -> Action {
    let text = content.strip_suffix('\n').unwrap_or(content).to_string();
    Action::WriteFile { path: path.to_string(), text, append: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_is_an_echo_and_shows_as_modified() {
        let mut w = World::new();
        let a = save("README.md", "# Smart Chatbot\n\nEdited.\n");
        assert!(a.to_line().starts_with("echo '# Smart Chatbot"));
        assert!(w.apply(&a).ok);
        let f = files(&w).into_iter().find(|f| f.path == "README.md").unwrap();
        assert_eq!(f.text, "# Smart Chatbot\n\nEdited.\n");
        assert_eq!(f.status, " M");
    }
}
