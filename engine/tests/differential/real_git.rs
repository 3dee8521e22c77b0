//! Real git in temporary directories, set up like the engine's world.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Raw;

pub fn available() -> bool {
    Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success())
}

pub struct RealGit {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// Seconds added to every commit date, one step per line, so commits with
    /// equal content still get distinct ids, as in the engine.
    step: u64,
}

const GITCONFIG: &str = "[user]\n\tname = You\n\temail = you@example.com\n[init]\n\tdefaultBranch = main\n[pull]\n\trebase = false\n[log]\n\tdecorate = short\n[core]\n\tautocrlf = false\n";

impl RealGit {
    pub fn new(empty: bool) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        std::fs::write(root.join(".gitconfig"), GITCONFIG).expect("write .gitconfig");
        let mut g = Self { _dir: dir, root, step: 0 };
        g.sh(&g.root.clone(), "git init -q --bare origin.git");
        let work = g.root.join("chatbot");
        std::fs::create_dir(&work).expect("mkdir chatbot");
        if !empty {
            for (path, body) in engine::project::initial_tree() {
                std::fs::write(work.join(&path), body).expect("write project file");
            }
            g.sh(&work, "git init -q && git add . && git commit -q -m 'Initial commit' && git branch development && git remote add origin ../origin.git && git push -q -u origin main development 2>/dev/null");
        }
        g
    }

    /// The temporary directory holding origin, the clone and the teammate.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn command(&mut self, dir: &Path, script: &str) -> Command {
        self.step += 1;
        let date = format!("{} +0000", 1_767_603_600 + self.step * 60);
        let mut c = Command::new("bash");
        c.arg("-c").arg(script).current_dir(dir);
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .env("GIT_EDITOR", "true")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C");
        c
    }

    fn sh(&mut self, dir: &Path, script: &str) -> (bool, String) {
        let (ok, mut text, err) = self.sh_streams(dir, script);
        text.push_str(&err);
        (ok, text)
    }

    /// Runs `script`: success, stdout, stderr.
    fn sh_streams(&mut self, dir: &Path, script: &str) -> (bool, String, String) {
        let out = self.command(dir, script).output().expect("run bash");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.success(), text(&out.stdout), text(&out.stderr))
    }

    /// Runs a terminal line as the engine would: `@teammate …` in the
    /// teammate's clone. Success, stdout and stderr.
    pub fn run_streams(&mut self, line: &str) -> (bool, String, String) {
        if line.starts_with("@teammate ") {
            // The clone is made on first use, as `run` makes it.
            let mate = self.root.join("teammate");
            if !mate.exists() {
                self.run("@teammate true");
            }
            return self.sh_streams(&mate, line.trim_start_matches("@teammate "));
        }
        let work = self.root.join("chatbot");
        self.sh_streams(&work, line)
    }

    /// Runs a terminal line as the engine would: `@teammate …` in the teammate's clone.
    pub fn run(&mut self, line: &str) -> (bool, String) {
        if let Some(rest) = line.strip_prefix("@teammate ") {
            let mate = self.root.join("teammate");
            if !mate.exists() {
                let root = self.root.clone();
                let cloned = self.sh(&root, "git clone -q origin.git teammate 2>&1");
                assert!(cloned.0, "clone for teammate failed: {}", cloned.1);
                self.sh(&mate, "git config user.name 'Sam Teammate' && git config user.email sam@example.com");
            }
            return self.sh(&mate, rest);
        }
        let work = self.root.join("chatbot");
        self.sh(&work, line)
    }

    fn git_lines(&mut self, dir: &Path, args: &str) -> Vec<String> {
        let (ok, out) = self.sh(dir, &format!("git {args} 2>/dev/null"));
        if ok { out.lines().map(str::to_string).collect() } else { Vec::new() }
    }

    fn refs(&mut self, dir: &Path, prefix: &str) -> BTreeMap<String, String> {
        // %(*objectname) peels annotated tags to their commit.
        self.git_lines(dir, &format!("for-each-ref --format='%(refname) %(objectname) %(*objectname)' {prefix}"))
            .into_iter()
            .filter_map(|l| {
                let mut parts = l.split(' ');
                let name = parts.next()?.strip_prefix(prefix)?.to_string();
                let id = parts.next()?.to_string();
                let peeled = parts.next().filter(|p| !p.is_empty()).map(str::to_string);
                (name != "origin/HEAD").then_some((name, peeled.unwrap_or(id)))
            })
            .collect()
    }

    fn head(&mut self, dir: &Path) -> Option<String> {
        if let Some(b) = self.git_lines(dir, "symbolic-ref -q HEAD").first() {
            return Some(format!("branch:{}", b.strip_prefix("refs/heads/").unwrap_or(b)));
        }
        self.git_lines(dir, "rev-parse HEAD").first().map(|id| format!("detached:{id}"))
    }

    /// The commits `revs` reach (`--all` and HEAD, which may be detached at
    /// a commit no ref names), their parents and subjects put `into`.
    fn commits(
        &mut self,
        dir: &Path,
        revs: &[&str],
        into: &mut HashMap<String, (Vec<String>, String)>,
    ) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for revs in revs {
            for l in self.git_lines(dir, &format!("log {revs} --format='%H%x09%P%x09%s'")) {
                let mut parts = l.splitn(3, '\t');
                let (Some(id), Some(parents), Some(subject)) = (parts.next(), parts.next(), parts.next()) else {
                    continue;
                };
                ids.insert(id.to_string());
                into.insert(
                    id.to_string(),
                    (parents.split_whitespace().map(str::to_string).collect(), subject.to_string()),
                );
            }
        }
        ids
    }

    pub fn raw(&mut self, ok: bool) -> Raw {
        let work = self.root.join("chatbot");
        let origin = self.root.join("origin.git");
        let mate = self.root.join("teammate");
        let mut raw = Raw { ok, ..Raw::default() };
        let is_repo = work.join(".git").exists();
        if is_repo {
            raw.head = self.head(&work);
            raw.branches = self.refs(&work, "refs/heads/");
            raw.tags = self.refs(&work, "refs/tags/");
            raw.remote_tracking = self.refs(&work, "refs/remotes/");
            raw.upstreams = self
                .git_lines(&work, "for-each-ref --format='%(refname) %(upstream)' refs/heads/")
                .into_iter()
                .filter_map(|l| {
                    let (b, u) = l.split_once(' ')?;
                    let u = u.strip_prefix("refs/remotes/")?;
                    Some((b.strip_prefix("refs/heads/")?.to_string(), u.to_string()))
                })
                .collect();
            let mut commits = HashMap::new();
            raw.graph = self.commits(&work, &["--all", "HEAD"], &mut commits);
            raw.orig_head = self.git_lines(&work, "rev-parse -q --verify ORIG_HEAD").first().cloned();
            if raw.orig_head.is_some() {
                // Its commits, for its shape; the graph compared stays what refs reach.
                self.commits(&work, &["ORIG_HEAD"], &mut commits);
            }
            raw.commits = commits;
            raw.files_at_head = self.git_lines(&work, "ls-tree -r --name-only HEAD");
            raw.status = self.git_lines(&work, "status --short --untracked-files=all");
            raw.in_progress = if work.join(".git/rebase-merge").exists() || work.join(".git/rebase-apply").exists() {
                Some("rebase".into())
            } else if work.join(".git/CHERRY_PICK_HEAD").exists() {
                Some("cherry-pick".into())
            } else if work.join(".git/MERGE_HEAD").exists() {
                Some("merge".into())
            } else if work.join(".git/REVERT_HEAD").exists() {
                Some("revert".into())
            } else {
                None
            };
        }
        raw.origin_branches = self.refs(&origin, "refs/heads/");
        raw.origin_tags = self.refs(&origin, "refs/tags/");
        let mut commits = std::mem::take(&mut raw.commits);
        let origin_ids = self.commits(&origin, &["--all", "HEAD"], &mut commits);
        raw.graph.extend(origin_ids);
        if mate.exists() {
            raw.teammate_head = self.head(&mate);
            raw.teammate_branches = self.refs(&mate, "refs/heads/");
            self.commits(&mate, &["--all", "HEAD"], &mut commits);
        }
        raw.commits = commits;
        raw
    }
}
