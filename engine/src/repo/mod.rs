//! One git repository: its commits, refs, HEAD, index and working tree.
//!
//! The learner's clone, `origin` (bare) and a teammate's clone are each a `Repo`;
//! they exchange commits only through fetch and push, as real repositories do.

mod ancestry;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A file tree: path → contents. Small by design (a handful of project files).
pub type Tree = BTreeMap<String, String>;

/// FNV-1a: a fast hash for commit ids (already uniform hex), for the maps the
/// graph and `git log` build over every commit on every command. Not for
/// anything a learner could choose to collide.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by commit ids.
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A set of commit ids.
pub type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// A full, 40-hex-digit commit id.
pub type CommitId = String;

/// How many hex digits git shows for an abbreviated id in a small repository.
pub const SHORT_ID_LEN: usize = 7;

/// Abbreviates an id the way `git log --oneline` does in a small repository.
/// Every path in any of the trees, in order. Built by insertion: collecting
/// into a set sorts first, and each sorted element type adds code to the wasm.
pub fn paths_of<'a>(trees: &[&'a Tree]) -> BTreeSet<&'a String> {
    let mut out = BTreeSet::new();
    for t in trees {
        out.extend(t.keys());
    }
    out
}

/// No files: the tree before the first commit.
pub static EMPTY_TREE: Tree = Tree::new();

/// A snapshot's tree, or the empty tree.
pub fn snapshot_tree(snapshot: &Option<Arc<Commit>>) -> &Tree {
    snapshot.as_ref().map_or(&EMPTY_TREE, |c| &c.tree)
}

/// A commit id's abbreviation, as git prints it.
pub fn short(id: &str) -> &str {
    id.get(..SHORT_ID_LEN).unwrap_or(id)
}

/// An immutable commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commit {
    /// Its id (a hash of everything below).
    pub id: CommitId,
    /// Its parents (two for a merge).
    pub parents: Vec<CommitId>,
    /// The whole message; its first line is the subject.
    pub message: String,
    /// `Name <email>`.
    pub author: String,
    /// Seconds on the world's virtual clock.
    pub time: u64,
    /// The files it records.
    pub tree: Tree,
}

impl Commit {
    /// The first line of its message.
    pub fn subject(&self) -> &str {
        self.message.lines().next().unwrap_or("")
    }

    /// Builds a commit whose id is a hash of everything it holds, so the same
    /// history always gets the same ids.
    pub fn new(parents: Vec<CommitId>, message: String, author: String, time: u64, tree: Tree) -> Self {
        let mut h = IdHasher::default();
        for p in &parents {
            h.write(p.as_bytes());
            h.write(b"\0");
        }
        h.write(message.as_bytes());
        h.write(b"\0");
        h.write(author.as_bytes());
        h.write(&time.to_le_bytes());
        for (path, body) in &tree {
            h.write(path.as_bytes());
            h.write(b"\0");
            h.write(body.as_bytes());
            h.write(b"\0");
        }
        Self { id: h.finish_hex(), parents, message, author, time, tree }
    }
}

/// Three interleaved FNV-1a lanes give 40 hex digits without a crypto crate;
/// ids only need to be deterministic and practically unique.
struct IdHasher([u64; 3]);

impl Default for IdHasher {
    fn default() -> Self {
        Self([0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142, 0x9e37_79b9_7f4a_7c15])
    }
}

impl IdHasher {
    /// Eight bytes per step: commits hash every file they hold, so this is
    /// on the path of every commit.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.mix(u64::from(b) | 0x100);
        }
    }

    fn mix(&mut self, word: u64) {
        for (i, lane) in self.0.iter_mut().enumerate() {
            *lane ^= word.rotate_left(i as u32 * 21);
            *lane = lane.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish_hex(&self) -> String {
        let [a, b, c] = self.0;
        // Final avalanche so similar inputs differ in the leading digits too.
        let mix = |mut x: u64| {
            x ^= x >> 33;
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            x ^ (x >> 33)
        };
        let s = format!("{:016x}{:016x}{:016x}", mix(a ^ c), mix(b ^ a), mix(c ^ b));
        s[..40].to_string()
    }
}

/// Where HEAD points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Head {
    /// On a branch, which may not exist yet (an unborn branch after `git init`).
    Branch(String),
    /// Detached at a commit.
    Detached(CommitId),
}

impl Default for Head {
    fn default() -> Self {
        Head::Branch("main".into())
    }
}

/// The branch a `BRANCH@{u}` revision names (`""` for a bare `@{u}`), or
/// `None` when the revision asks for no upstream.
pub fn upstream_of_rev(rev: &str) -> Option<&str> {
    ["@{u}", "@{upstream}", "@{U}", "@{UPSTREAM}"].iter().find_map(|s| rev.strip_suffix(s))
}

/// A branch's upstream, as `branch.<name>.remote` / `.merge` hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upstream {
    /// The remote's name (`origin`).
    pub remote: String,
    /// The branch there.
    pub branch: String,
}

impl Upstream {
    /// `origin/main`: the remote-tracking ref name.
    pub fn tracking_ref(&self) -> String {
        format!("{}/{}", self.remote, self.branch)
    }
}

/// Which operation stopped on conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Operation {
    /// `MERGE_HEAD` exists: the concluding commit gets a second parent.
    Merge,
    /// `REVERT_HEAD` exists: the concluding commit is a plain revert.
    Revert,
    /// `CHERRY_PICK_HEAD` exists: the concluding commit is the picked one's.
    CherryPick,
    /// A rebase stopped on one of its picks.
    Rebase,
    /// `git stash apply` left conflicts (no operation to continue).
    Stash,
    /// `git merge --squash` left conflicts: no `MERGE_HEAD`, the concluding
    /// commit has one parent and the squash message.
    Squash,
}

impl Operation {
    /// The command's name (`in_progress`, messages).
    pub fn name(self) -> &'static str {
        match self {
            Self::Merge => "merge",
            Self::Revert => "revert",
            Self::CherryPick => "cherry-pick",
            Self::Rebase => "rebase",
            Self::Stash => "stash",
            Self::Squash => "squash",
        }
    }

    /// Whether it stopped with only conflicts to show for it: nothing to
    /// continue or abort (`git stash apply`, `git merge --squash`).
    pub fn leaves_only_conflicts(self) -> bool {
        matches!(self, Self::Stash | Self::Squash)
    }
}

/// A cherry-pick of several commits, or a rebase, under way: what is left to
/// pick and how to go back (git's `.git/sequencer` and `.git/rebase-merge`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    /// Cherry-pick or rebase.
    pub op: Operation,
    /// Commits still to pick, in order.
    pub todo: Vec<CommitId>,
    /// A rebase's commits picked so far, the one it stopped on last
    /// (`git status` lists the last two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<CommitId>,
    /// Where HEAD was before it started (`--abort` goes back).
    pub orig_head: CommitId,
    /// The branch being rebased (updated at the end); `None` when detached.
    pub branch: Option<String>,
    /// The commit the rebase builds on (`onto`).
    pub onto: CommitId,
    /// What git's reflog calls a rebase: `rebase`, or `pull --rebase` with
    /// the pull's words (`None` is `rebase`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// `cherry-pick -x`: each message gets its `(cherry picked from commit …)` line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub record_origin: bool,
}

/// One `git stash` entry: the stashed commit (a merge of HEAD and the
/// index, as git records it) and its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StashEntry {
    /// The stash commit: tree = the working tree's tracked files, parents = HEAD, then the index commit.
    pub commit: CommitId,
    /// `WIP on main: abc1234 subject` or `On main: MESSAGE`.
    pub message: String,
}

/// A merge or revert stopped on conflicts (`MERGE_HEAD` and friends).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeState {
    /// Merge or revert.
    pub op: Operation,
    /// The commit being merged (or reverted).
    pub their: CommitId,
    /// The message the commit will get.
    pub message: String,
    /// Paths still carrying conflict markers in the index.
    pub conflicts: BTreeSet<String>,
    /// Paths the operation wrote, restored by `--abort`.
    pub touched: BTreeSet<String>,
}

/// An annotated tag's object (`git tag -a`): its own id, who tagged, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagNote {
    /// The tag object's id (what `git ls-remote` and `git tag -d` print).
    pub id: CommitId,
    /// `Name <email>`.
    pub tagger: String,
    /// Seconds on the world's virtual clock.
    pub time: u64,
    /// The tag's message.
    pub message: String,
}

impl TagNote {
    /// A tag object for `name` at `target`, its id a hash of what it holds.
    pub fn new(name: &str, target: &str, tagger: String, time: u64, message: String) -> Self {
        let id =
            Commit::new(vec![target.to_string()], format!("tag {name}\n{message}"), tagger.clone(), time, Tree::new())
                .id;
        Self { id, tagger, time, message }
    }
}

/// A repository: commits, refs, HEAD, index, remotes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repo {
    /// Every commit, by id.
    pub commits: BTreeMap<CommitId, Arc<Commit>>,
    /// Local branches.
    pub branches: BTreeMap<String, CommitId>,
    /// Tags.
    pub tags: BTreeMap<String, CommitId>,
    /// Remote-tracking refs keyed `origin/main`.
    pub remote_tracking: BTreeMap<String, CommitId>,
    /// Each branch's upstream.
    pub upstreams: BTreeMap<String, Upstream>,
    /// Remote name → URL.
    pub remotes: BTreeMap<String, String>,
    /// Where HEAD points.
    pub head: Head,
    /// The staged tree (git's index; conflicted paths are listed in `merge`).
    pub index: Tree,
    /// `origin` is bare: no working tree, no index.
    pub bare: bool,
    /// A merge or revert stopped by conflicts.
    pub merge: Option<MergeState>,
    /// Where HEAD was before the last checkout that moved it (`@{-1}`, `git switch -`).
    #[serde(default)]
    pub previous: Option<Head>,
    /// A cherry-pick of several commits, or a rebase, under way.
    #[serde(default)]
    pub sequence: Option<Sequence>,
    /// `git stash` entries, newest first (`stash@{0}`).
    #[serde(default)]
    pub stash: Vec<StashEntry>,
    /// The annotated tags' objects, by tag name (a tag without one is lightweight).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tag_notes: BTreeMap<String, TagNote>,
    /// The branch `origin/HEAD` names, in a clone (`git clone` sets it; a
    /// repository that added its remote has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_head: Option<String>,
    /// The repository's own settings (`.git/config`): the identity.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub config: BTreeMap<String, String>,
    /// `ORIG_HEAD`: where HEAD was before the last reset, merge, rebase or
    /// stash moved it (git's undo handle: `git reset --hard ORIG_HEAD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orig_head: Option<CommitId>,
    /// HEAD's reflog, oldest first: where HEAD went and what took it there
    /// (shared entries: the undo history copies repositories often).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflog: Vec<Arc<ReflogEntry>>,
}

/// One line of HEAD's reflog (`HEAD@{n}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflogEntry {
    /// Where HEAD pointed after it; `None` for the entry git writes but does
    /// not show (renaming the current branch writes two).
    pub id: Option<CommitId>,
    /// `commit: Subject`, `checkout: moving from main to feature`, …
    pub message: String,
}

impl Repo {
    /// An empty repository as `git init` makes it (HEAD on an unborn `main`).
    pub fn init(bare: bool) -> Self {
        Self { head: Head::Branch("main".into()), bare, ..Self::default() }
    }

    /// Where HEAD points.
    pub fn head(&self) -> &Head {
        &self.head
    }

    /// The annotated tag `rev` names (`v1.0`, `refs/tags/v1.0`) with its
    /// name, unless a branch of that name comes first (`git show v1.0`,
    /// `git rev-parse v1.0`).
    pub fn annotated_tag<'a>(&'a self, rev: &'a str) -> Option<(&'a str, &'a TagNote)> {
        let tag = rev.strip_prefix("refs/tags/").unwrap_or(rev);
        let named_as_tag = rev.starts_with("refs/tags/") || !self.branches.contains_key(rev);
        self.tag_notes.get(tag).filter(|_| named_as_tag).map(|note| (tag, note))
    }

    /// The branch HEAD is on, if any.
    pub fn current_branch(&self) -> Option<&str> {
        match self.head() {
            Head::Branch(b) => Some(b),
            Head::Detached(_) => None,
        }
    }

    /// The commit HEAD points at; `None` on an unborn branch.
    pub fn head_commit(&self) -> Option<&CommitId> {
        match self.head() {
            Head::Branch(b) => self.branches.get(b),
            Head::Detached(id) => Some(id),
        }
    }

    /// A commit by full id.
    pub fn commit(&self, id: &str) -> Option<&Arc<Commit>> {
        self.commits.get(id)
    }

    /// A commit shared, not copied: read its tree through [`snapshot_tree`].
    pub fn snapshot(&self, id: Option<&str>) -> Option<Arc<Commit>> {
        id.and_then(|id| self.commit(id)).cloned()
    }

    /// HEAD's commit, shared.
    pub fn head_snapshot(&self) -> Option<Arc<Commit>> {
        self.snapshot(self.head_commit().map(String::as_str))
    }

    /// HEAD's tree (empty before the first commit).
    pub fn head_tree(&self) -> Tree {
        self.head_commit().and_then(|id| self.commit(id)).map(|c| c.tree.clone()).unwrap_or_default()
    }

    /// Adds a commit; returns its id.
    pub fn insert(&mut self, commit: Commit) -> CommitId {
        let id = commit.id.clone();
        self.commits.entry(id.clone()).or_insert_with(|| Arc::new(commit));
        id
    }

    /// The remote-tracking refs in refname order, `origin/HEAD` among them
    /// in a clone (as `origin/HEAD -> origin/main`'s target): name and commit.
    pub fn remote_refs(&self) -> Vec<(&str, &CommitId)> {
        let mut refs: Vec<(&str, &CommitId)> = self.remote_tracking.iter().map(|(n, id)| (n.as_str(), id)).collect();
        if let Some(id) = self.remote_head.as_ref().and_then(|b| self.remote_tracking.get(&format!("origin/{b}"))) {
            refs.push(("origin/HEAD", id));
            crate::order::sort_by(&mut refs, |a, b| a.0.cmp(b.0));
        }
        refs
    }

    /// Remembers HEAD as `ORIG_HEAD`, as git does before a reset, a merge or
    /// a rebase moves it.
    pub fn save_orig_head(&mut self) {
        if let Some(id) = self.head_commit() {
            self.orig_head = Some(id.clone());
        }
    }

    /// Records in HEAD's reflog that HEAD is now where it is, and why.
    pub fn log_head(&mut self, message: impl Into<String>) {
        let id = self.head_commit().cloned();
        if id.is_some() {
            self.reflog.push(Arc::new(ReflogEntry { id, message: message.into() }));
        }
    }

    /// `HEAD@{n}`: where HEAD was `n` moves ago.
    pub fn reflog_entry(&self, n: usize) -> Option<&CommitId> {
        self.reflog.iter().rev().nth(n)?.id.as_ref()
    }

    /// Moves the current branch (or a detached HEAD) to `id`.
    pub fn advance_head(&mut self, id: CommitId) {
        match self.head().clone() {
            Head::Branch(b) => {
                self.branches.insert(b, id);
            }
            Head::Detached(_) => self.head = Head::Detached(id),
        }
    }

    /// Resolves a revision as git's `rev-parse` does for the forms learners type:
    /// `HEAD` and `@`, branch, tag, `origin/x`, `refs/...`, full or abbreviated
    /// ids, `@{u}`/`@{upstream}` (after a branch or alone), `@{-1}`, and any chain of
    /// `~`, `~N`, `^`, `^N` suffixes. Anything else (`HEAD~x`) names nothing.
    pub fn resolve(&self, rev: &str) -> Option<CommitId> {
        let split = rev.find(['~', '^']).unwrap_or(rev.len());
        let (base, mut suffix) = rev.split_at(split);
        let mut id = self.resolve_name(base)?;
        while let Some(op) = suffix.chars().next() {
            let rest = &suffix[op.len_utf8()..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let n: usize = if digits == 0 { 1 } else { rest[..digits].parse().ok()? };
            suffix = &rest[digits..];
            match op {
                '~' => {
                    for _ in 0..n {
                        id = self.commit(&id)?.parents.first()?.clone();
                    }
                }
                // `^0` is the commit itself.
                '^' if n == 0 => {}
                '^' => id = self.commit(&id)?.parents.get(n - 1)?.clone(),
                _ => return None,
            }
        }
        Some(id)
    }

    /// The remote-tracking ref a branch's `@{u}` names.
    pub fn upstream_of(&self, branch: &str) -> Option<String> {
        self.upstreams.get(branch).map(Upstream::tracking_ref)
    }

    /// The remote-tracking ref a revision names, if it names one by name
    /// (`origin/main`, `refs/remotes/origin/main`, `main@{u}`, `@{u}`).
    pub fn tracking_name(&self, rev: &str) -> Option<String> {
        let name = match upstream_of_rev(rev) {
            Some("") => self.upstream_of(self.current_branch()?)?,
            Some(branch) => self.upstream_of(branch)?,
            None => rev.strip_prefix("refs/remotes/").unwrap_or(rev).to_string(),
        };
        self.remote_tracking.contains_key(&name).then_some(name)
    }

    fn resolve_name(&self, name: &str) -> Option<CommitId> {
        if name == "HEAD" || name == "@" {
            return self.head_commit().cloned();
        }
        if name == "ORIG_HEAD" {
            return self.orig_head.clone();
        }
        if let Some(n) = name.strip_prefix("HEAD@{").and_then(|r| r.strip_suffix('}')) {
            return n.parse().ok().and_then(|n| self.reflog_entry(n)).cloned();
        }
        if name == "@{-1}" {
            // The position before the last checkout (the tutor keeps one).
            return match self.previous.as_ref()? {
                Head::Branch(b) => self.branches.get(b).cloned(),
                Head::Detached(id) => Some(id.clone()),
            };
        }
        if name.contains("@{") {
            return self.remote_tracking.get(&self.tracking_name(name)?).cloned();
        }
        if let Some(b) = &self.remote_head
            && matches!(name, "origin" | "origin/HEAD" | "refs/remotes/origin/HEAD")
        {
            return self.remote_tracking.get(&format!("origin/{b}")).cloned();
        }
        if let Some(b) = name.strip_prefix("refs/heads/") {
            return self.branches.get(b).cloned();
        }
        if let Some(t) = name.strip_prefix("refs/tags/") {
            return self.tags.get(t).cloned();
        }
        if let Some(r) = name.strip_prefix("refs/remotes/") {
            return self.remote_tracking.get(r).cloned();
        }
        // git's dwim order: tags, then branches, then remote-tracking refs.
        if let Some(id) = self.tags.get(name).or_else(|| self.branches.get(name)) {
            return Some(id.clone());
        }
        if let Some(id) = self.remote_tracking.get(name) {
            return Some(id.clone());
        }
        self.resolve_hex(name)
    }

    /// A full or abbreviated (at least 4 digits) id, if it names exactly one commit.
    pub fn resolve_hex(&self, prefix: &str) -> Option<CommitId> {
        if prefix.len() < 4 || prefix.len() > 40 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let prefix = prefix.to_ascii_lowercase();
        let mut hits = self.commits.range(prefix.clone()..).take_while(|(id, _)| id.starts_with(&prefix));
        let first = hits.next()?;
        if hits.next().is_some() {
            return None;
        }
        Some(first.0.clone())
    }

    /// Copies tag `name` from `other`: the ref, its tag object if annotated,
    /// and the commits it reaches.
    pub fn copy_tag_from(&mut self, other: &Repo, name: &str) {
        let Some(id) = other.tags.get(name) else { return };
        self.copy_commits_from(other, id);
        self.tags.insert(name.to_string(), id.clone());
        match other.tag_notes.get(name) {
            Some(note) => self.tag_notes.insert(name.to_string(), note.clone()),
            None => self.tag_notes.remove(name),
        };
    }

    /// Deletes tag `name` and its tag object; what it pointed at.
    pub fn remove_tag(&mut self, name: &str) -> Option<CommitId> {
        self.tag_notes.remove(name);
        self.tags.remove(name)
    }

    /// What a tag ref holds: its tag object's id when annotated, else the commit.
    pub fn tag_object(&self, name: &str) -> Option<&CommitId> {
        self.tag_notes.get(name).map(|n| &n.id).or_else(|| self.tags.get(name))
    }

    /// Copies `tip` and all its ancestors that `self` lacks from `other`.
    pub fn copy_commits_from(&mut self, other: &Repo, tip: &str) {
        let mut stack = vec![tip.to_string()];
        while let Some(id) = stack.pop() {
            if self.commits.contains_key(&id) {
                continue;
            }
            if let Some(c) = other.commits.get(&id) {
                stack.extend(c.parents.iter().cloned());
                self.commits.insert(id, Arc::clone(c));
            }
        }
    }
}
