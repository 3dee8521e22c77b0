//! Walks through history: ancestors, merge bases, how far apart two commits
//! are. git's own algorithms (`paint_down_to_common`), on commit dates.

use std::collections::{BTreeSet, BinaryHeap, HashMap, VecDeque};

use std::sync::Arc;

use super::{Commit, CommitId, Repo};

impl Repo {
    /// Every commit reachable from `from`, in breadth-first order.
    pub fn ancestors(&self, from: &str) -> BTreeSet<CommitId> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([from.to_string()]);
        while let Some(id) = queue.pop_front() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(c) = self.commit(&id) {
                queue.extend(c.parents.iter().cloned());
            }
        }
        seen
    }

    /// Is `ancestor` reachable from `descendant` (or equal to it)?
    pub fn is_ancestor(&self, ancestor: &str, descendant: &str) -> bool {
        if ancestor == descendant {
            return true;
        }
        let Some(a) = self.commit(ancestor) else {
            return false;
        };
        // Walk back from the descendant, pruning commits older than the ancestor.
        let mut seen = BTreeSet::new();
        let mut stack = vec![descendant.to_string()];
        while let Some(id) = stack.pop() {
            if id == ancestor {
                return true;
            }
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(c) = self.commit(&id)
                && c.time >= a.time
            {
                stack.extend(c.parents.iter().cloned());
            }
        }
        false
    }

    /// Walks from two tips newest first, painting each commit with the tips
    /// that reach it (1 = ours, 2 = theirs, 3 = both), as git's
    /// `paint_down_to_common` does; stops once only shared history remains.
    /// Calls `visit` with each commit and its final paint, in date order.
    fn paint(&self, ours: &str, theirs: &str, until_common: bool, mut visit: impl FnMut(&str, u8) -> bool) {
        // Keyed by the commit's address: hashing a pointer is far cheaper than
        // hashing a 40-digit id, and this walk is on every `git status`.
        let key = |c: &Arc<Commit>| Arc::as_ptr(c) as usize;
        let mut paint: HashMap<usize, u8, BuildPtrHasher> = HashMap::default();
        let mut heap: BinaryHeap<(u64, usize)> = BinaryHeap::new();
        let mut by_key: HashMap<usize, &Arc<Commit>, BuildPtrHasher> = HashMap::default();
        let mut queued_unshared = 0usize;
        for (id, bit) in [(ours, 1u8), (theirs, 2u8)] {
            let Some(c) = self.commits.get(id) else {
                continue;
            };
            let e = paint.entry(key(c)).or_insert(0);
            if *e == 0 {
                heap.push((c.time, key(c)));
                by_key.insert(key(c), c);
                queued_unshared += 1;
            }
            if *e != 3 && (*e | bit) == 3 {
                queued_unshared -= 1;
            }
            *e |= bit;
        }
        while let Some((_, k)) = heap.pop() {
            let p = paint[&k];
            let c = by_key[&k];
            if p != 3 {
                queued_unshared -= 1;
            }
            if !visit(&c.id, p) {
                return;
            }
            for parent in &c.parents {
                let Some(pc) = self.commits.get(parent) else {
                    continue;
                };
                let e = paint.entry(key(pc)).or_insert(0);
                let before = *e;
                if before == 0 {
                    heap.push((pc.time, key(pc)));
                    by_key.insert(key(pc), pc);
                }
                *e |= p;
                // Track how many queued commits are not yet shared by both tips.
                match (before, *e) {
                    (0, 3) => {}
                    (0, _) => queued_unshared += 1,
                    (b, 3) if b != 3 => queued_unshared -= 1,
                    _ => {}
                }
            }
            // Everything still queued is reachable from both: nothing more
            // differs (a merge-base search goes on to visit the first of them).
            if queued_unshared == 0 && !until_common {
                return;
            }
        }
    }

    /// (ahead, behind): commits only in `ours`, and only in `theirs`.
    pub fn ahead_behind(&self, ours: &str, theirs: &str) -> (usize, usize) {
        let (mut ahead, mut behind) = (0, 0);
        self.paint(ours, theirs, false, |_, p| {
            match p {
                1 => ahead += 1,
                2 => behind += 1,
                _ => {}
            }
            true
        });
        (ahead, behind)
    }

    /// The newest common ancestor of two commits: git's merge base for the
    /// histories learners make.
    pub fn merge_base(&self, a: &str, b: &str) -> Option<CommitId> {
        let mut base = None;
        self.paint(a, b, true, |id, p| {
            if p == 3 {
                base = Some(id.to_string());
                false
            } else {
                true
            }
        });
        base
    }

    /// Commits reachable from `to` but not from `from` (`from..to`).
    pub fn count_range(&self, from: &str, to: &str) -> usize {
        self.ahead_behind(to, from).0
    }
}

/// A pass-through hasher for pointer keys.
#[derive(Default, Clone, Copy)]
struct PtrHasher(u64);

impl std::hash::Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_usize(&mut self, n: usize) {
        // Pointers are 8/16-aligned: mix so buckets spread.
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type BuildPtrHasher = std::hash::BuildHasherDefault<PtrHasher>;
