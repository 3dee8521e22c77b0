//! Line diffs between file versions: counts for `--stat` and commit summaries,
//! and the three-way line merge used by `git merge`.

use crate::repo::Tree;

/// Matching line pairs of a longest common subsequence. Common leading and
/// trailing lines are matched directly (most edits touch a few lines of a
/// file), and only the middle goes through the quadratic table.
pub(crate) fn lcs_pairs(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    out.extend(lcs_table(am, bm).into_iter().map(|(i, j)| (i + prefix, j + prefix)));
    out.extend((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)));
    out
}

/// The classic table walk, for the part of two files that differs.
fn lcs_table(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u32; (n + 1) * (m + 1)];
    let w = m + 1;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] =
                if a[i] == b[j] { t[(i + 1) * w + j + 1] + 1 } else { t[(i + 1) * w + j].max(t[i * w + j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Drops the whole lines two texts share at their start and end, without
/// splitting them into lines first (files mostly change in one place).
fn trim_common_lines<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let same = ab.iter().zip(bb).take_while(|(x, y)| x == y).count();
    // Back off to just after the last newline both share.
    let start = ab[..same].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
    let (a, b) = (&a[start..], &b[start..]);
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let same = ab.iter().rev().zip(bb.iter().rev()).take_while(|(x, y)| x == y).count();
    // Keep a shared tail only from a line start in both texts.
    let tail = ab[ab.len() - same..].iter().position(|&c| c == b'\n').map_or(0, |i| same - i - 1);
    let tail = if tail == same { tail } else { tail.min(same) };
    (&a[..a.len() - tail], &b[..b.len() - tail])
}

/// (insertions, deletions) going from `old` to `new`.
pub fn line_counts(old: &str, new: &str) -> (usize, usize) {
    if old == new {
        return (0, 0);
    }
    let (old, new) = trim_common_lines(old, new);
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let common = lcs_pairs(&a, &b).len();
    (b.len() - common, a.len() - common)
}

/// The hunks of a unified diff (`@@ -a,b +c,d @@` and lines), with three
/// lines of context as git shows by default.
pub fn unified(old: &str, new: &str) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Op {
        Keep(usize, usize),
        Del(usize),
        Ins(usize),
    }
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in lcs_pairs(&a, &b).into_iter().chain(std::iter::once((a.len(), b.len()))) {
        while i < pi {
            ops.push(Op::Del(i));
            i += 1;
        }
        while j < pj {
            ops.push(Op::Ins(j));
            j += 1;
        }
        if pi < a.len() && pj < b.len() {
            ops.push(Op::Keep(pi, pj));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    let changed: Vec<usize> =
        ops.iter().enumerate().filter(|(_, o)| !matches!(o, Op::Keep(..))).map(|(k, _)| k).collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(3);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 6 {
            end = changed[k];
            k += 1;
        }
        let end = (end + 3).min(ops.len() - 1);
        let hunk = &ops[start..=end];
        let old_start = hunk.iter().find_map(|o| match o {
            Op::Keep(x, _) | Op::Del(x) => Some(*x),
            Op::Ins(_) => None,
        });
        let new_start = hunk.iter().find_map(|o| match o {
            Op::Keep(_, y) | Op::Ins(y) => Some(*y),
            Op::Del(_) => None,
        });
        let old_len = hunk.iter().filter(|o| !matches!(o, Op::Ins(_))).count();
        let new_len = hunk.iter().filter(|o| !matches!(o, Op::Del(_))).count();
        let range = |s: Option<usize>, len: usize| {
            let s = if len == 0 { s.unwrap_or(0) } else { s.map_or(0, |s| s + 1) };
            if len == 1 { format!("{s}") } else { format!("{s},{len}") }
        };
        let func = old_start.and_then(|s| function_line(&a[..s]));
        let func = func.map_or(String::new(), |f| format!(" {f}"));
        out.push_str(&format!("@@ -{} +{} @@{func}\n", range(old_start, old_len), range(new_start, new_len)));
        for o in hunk {
            match *o {
                Op::Keep(x, _) => out.push_str(&format!(" {}\n", a[x])),
                Op::Del(x) => out.push_str(&format!("-{}\n", a[x])),
                Op::Ins(y) => out.push_str(&format!("+{}\n", b[y])),
            }
        }
    }
    out
}

/// One line of the result in a combined diff (git's `struct sline`):
/// `flag` bit p says the line is new to parent p, [`MARK`] that it is
/// shown, [`NO_PRE_DELETE`] that it is leading context whose lost lines are
/// not; `lost` holds the parents' lines gone just before it, each with the
/// parents it was lost from; `p_lno` where each parent's numbering stands.
struct SLine<'a> {
    flag: u8,
    lost: Vec<(&'a str, u8)>,
    p_lno: [usize; 2],
}

const ALL: u8 = 0b11;
const MARK: u8 = 0b100;
const NO_PRE_DELETE: u8 = 0b1000;
const CONTEXT: usize = 3;

/// `git diff`'s combined diff of a conflicted file (`diff --cc`), after
/// git's `combine-diff.c`: the result against both parents, dense (a hunk
/// is shown only when the result differs from each of them), `@@@` headers
/// and a column of `+`/`-` per parent.
pub fn combined(parents: [&str; 2], result: &str) -> String {
    let r: Vec<&str> = result.lines().collect();
    let cnt = r.len();
    // Two more than the lines: what is lost at the end hangs on the first;
    // the second only keeps the parents' numbering past the end.
    let mut sl: Vec<SLine> = (0..cnt + 2).map(|_| SLine { flag: 0, lost: Vec::new(), p_lno: [0; 2] }).collect();
    for (n, parent) in parents.iter().enumerate() {
        let nmask = 1u8 << n;
        let p: Vec<&str> = parent.lines().collect();
        let mut lost: Vec<Vec<&str>> = vec![Vec::new(); cnt + 1];
        let (mut i, mut j) = (0, 0);
        for (pi, pj) in lcs_pairs(&p, &r).into_iter().chain(std::iter::once((p.len(), cnt))) {
            // A change's lost lines hang on the first result line at it.
            lost[j].extend(&p[i..pi]);
            for line in &mut sl[j..pj] {
                line.flag |= nmask;
            }
            (i, j) = (pi + 1, pj + 1);
        }
        let mut p_lno = 1;
        for (k, (line, new)) in sl.iter_mut().zip(lost).enumerate() {
            line.p_lno[n] = p_lno;
            coalesce(&mut line.lost, &new, nmask);
            p_lno += line.lost.iter().filter(|(_, m)| m & nmask != 0).count();
            p_lno += usize::from(k < cnt && line.flag & nmask == 0);
        }
        sl[cnt + 1].p_lno[n] = p_lno;
    }
    make_hunks(&mut sl, cnt);
    give_context(&mut sl, cnt);
    dump(&sl, &r, cnt)
}

/// Adds parent `mask`'s lost lines to those already hanging on a line, one
/// entry for a line both lost (git's `coalesce_lines`).
fn coalesce<'a>(base: &mut Vec<(&'a str, u8)>, new: &[&'a str], mask: u8) {
    if new.is_empty() {
        return;
    }
    let old: Vec<&str> = base.iter().map(|(l, _)| *l).collect();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (bi, nj) in lcs_pairs(&old, new).into_iter().chain(std::iter::once((old.len(), new.len()))) {
        out.extend_from_slice(&base[i..bi]);
        out.extend(new[j..nj].iter().map(|l| (*l, mask)));
        if bi < old.len() {
            out.push((base[bi].0, base[bi].1 | mask));
        }
        (i, j) = (bi + 1, nj + 1);
    }
    *base = out;
}

fn interesting(l: &SLine) -> bool {
    l.flag & ALL != 0 || !l.lost.is_empty()
}

/// The next line from `i` that is (or, `uninteresting`, is not) marked.
fn find_next(sl: &[SLine], i: usize, cnt: usize, uninteresting: bool) -> usize {
    (i..=cnt).find(|&k| (sl[k].flag & MARK == 0) == uninteresting).unwrap_or(cnt + 1)
}

/// A hunk ending in a line marked only for its lost lines ends before it:
/// that line prints as context anyway.
fn adjust_hunk_tail(sl: &[SLine], begin: usize, i: usize) -> usize {
    if begin < i && sl[i - 1].flag & ALL == 0 { i - 1 } else { i }
}

/// Marks the interesting lines, then unmarks each hunk that differs from
/// one parent only, or the same way from both (`--cc`).
fn make_hunks(sl: &mut [SLine], cnt: usize) {
    for line in sl.iter_mut() {
        if interesting(line) {
            line.flag |= MARK;
        } else {
            line.flag &= !MARK;
        }
    }
    let mut i = 0;
    while i <= cnt {
        while i <= cnt && sl[i].flag & MARK == 0 {
            i += 1;
        }
        if i > cnt {
            break;
        }
        let begin = i;
        let mut j = i + 1;
        while j <= cnt {
            if sl[j].flag & MARK == 0 {
                let la = (adjust_hunk_tail(sl, begin, j) + CONTEXT).min(cnt + 1);
                match (j..la).rev().find(|&k| sl[k].flag & MARK != 0) {
                    Some(k) => j = k,
                    None => break,
                }
            }
            j += 1;
        }
        let end = j;
        let mut same = 0u8;
        let mut two_sides = false;
        'hunk: for line in &sl[begin..end] {
            let masks = std::iter::once(line.flag & ALL).chain(line.lost.iter().map(|(_, m)| *m));
            for m in masks.filter(|&m| m != 0) {
                if same == 0 {
                    same = m;
                } else if same != m {
                    two_sides = true;
                    break 'hunk;
                }
            }
        }
        if !two_sides && same != ALL {
            for line in &mut sl[begin..end] {
                line.flag &= !MARK;
            }
        }
        i = end;
    }
}

/// Paints three lines of context around the marked lines, joining hunks
/// that nearly touch (git's `give_context`).
fn give_context(sl: &mut [SLine], cnt: usize) {
    let mut i = find_next(sl, 0, cnt, false);
    while i <= cnt {
        for line in &mut sl[i.saturating_sub(CONTEXT)..i] {
            if line.flag & MARK == 0 {
                line.flag |= NO_PRE_DELETE;
            }
            line.flag |= MARK;
        }
        loop {
            let j = find_next(sl, i, cnt, true);
            if j > cnt {
                return;
            }
            let k = find_next(sl, j, cnt, false);
            let j = adjust_hunk_tail(sl, i, j);
            if k < j + CONTEXT {
                for line in &mut sl[j..k] {
                    line.flag |= MARK;
                }
                i = k;
                continue;
            }
            for line in &mut sl[j..(j + CONTEXT).min(cnt + 1)] {
                line.flag |= MARK;
            }
            i = k;
            break;
        }
    }
}

/// The marked lines as hunks, each under its `@@@` header (git's `dump_sline`).
fn dump(sl: &[SLine], r: &[&str], cnt: usize) -> String {
    let mut out = String::new();
    let mut lno = 0;
    loop {
        let mut comment: Option<&str> = None;
        while lno <= cnt && sl[lno].flag & MARK == 0 {
            if r.get(lno).is_some_and(|l| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')) {
                comment = Some(r[lno]);
            }
            lno += 1;
        }
        if lno > cnt {
            break;
        }
        let end = (lno + 1..=cnt).find(|&k| sl[k].flag & MARK == 0).unwrap_or(cnt + 1);
        let rlines = end - lno - usize::from(end > cnt);
        out.push_str("@@@");
        for n in 0..2 {
            let (from, to) = (sl[lno].p_lno[n], sl[end].p_lno[n]);
            out.push_str(&format!(" -{from},{}", to - from));
        }
        out.push_str(&format!(" +{},{rlines} @@@", lno + 1));
        if let Some(c) = comment {
            // git prints up to, not including, the last non-blank of the
            // first 40 bytes.
            // (A cut inside a character backs off to its start.)
            let bytes = &c.as_bytes()[..c.len().min(40)];
            if let Some(mut last) = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).filter(|&e| e > 0) {
                while !c.is_char_boundary(last) {
                    last -= 1;
                }
                out.push(' ');
                out.push_str(&c[..last]);
            }
        }
        out.push('\n');
        for k in lno..end {
            let line = &sl[k];
            if line.flag & NO_PRE_DELETE == 0 {
                for (text, mask) in &line.lost {
                    for n in 0..2 {
                        out.push(if mask & (1 << n) != 0 { '-' } else { ' ' });
                    }
                    out.push_str(text);
                    out.push('\n');
                }
            }
            if k == cnt {
                break;
            }
            for n in 0..2 {
                out.push(if line.flag & (1 << n) != 0 { '+' } else { ' ' });
            }
            out.push_str(r[k]);
            out.push('\n');
        }
        lno = end;
    }
    out
}

/// The text git puts after a hunk's `@@ … @@`: the nearest line above the
/// hunk that starts with a letter, `_` or `$` (xdiff's default `def_ff`),
/// at most 80 bytes, trailing blanks trimmed.
fn function_line<'a>(above: &[&'a str]) -> Option<&'a str> {
    let line = above.iter().rev().find(|l| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$'))?;
    let mut end = line.len().min(80);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    Some(line[..end].trim_end_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']))
}

/// A merged file as pieces: lines all three share, clean changes, conflicts.
enum Piece<'a> {
    Same(&'a str),
    Clean(&'a [&'a str]),
    Conflict(Vec<&'a str>, Vec<&'a str>),
}

/// A three-way merge of one file's lines. `Ok` is the clean result; `Err` is
/// the text with git's conflict markers.
pub fn merge3(base: &str, ours: &str, theirs: &str, our_label: &str, their_label: &str) -> Result<String, String> {
    if ours == theirs || theirs == base {
        return Ok(ours.to_string());
    }
    if ours == base {
        return Ok(theirs.to_string());
    }
    let o: Vec<&str> = base.lines().collect();
    let a: Vec<&str> = ours.lines().collect();
    let b: Vec<&str> = theirs.lines().collect();
    // Map base lines to their matches in each side; base lines matched in both
    // sides are stable anchors, and the chunks between anchors are merged.
    let matches = |side: &[&str]| {
        let mut m = vec![None; o.len()];
        for (i, j) in lcs_pairs(&o, side) {
            m[i] = Some(j);
        }
        m
    };
    let (ma, mb) = (matches(&a), matches(&b));
    let anchors: Vec<(usize, usize, usize)> = (0..o.len())
        .filter_map(|i| Some((i, ma[i]?, mb[i]?)))
        .chain(std::iter::once((o.len(), a.len(), b.len())))
        .collect();
    let (mut pi, mut pa, mut pb) = (0, 0, 0);
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, ia, ib) in anchors {
        let co = &o[pi..i];
        let ca = &a[pa..ia];
        let cb = &b[pb..ib];
        if ca.is_empty() && cb.is_empty() && co.is_empty() {
            // Two shared lines in a row.
        } else if ca == cb || cb == co {
            pieces.push(Piece::Clean(ca));
        } else if ca == co {
            pieces.push(Piece::Clean(cb));
        } else {
            // git's xdiff joins two conflicts at most three shared lines
            // apart into one (`xdl_simplify_non_conflicts`).
            let gap = pieces.iter().rev().take_while(|p| matches!(p, Piece::Same(_))).count();
            let joins = gap <= 3 && matches!(pieces.iter().rev().nth(gap), Some(Piece::Conflict(..)));
            if joins {
                let shared: Vec<&str> = pieces
                    .drain(pieces.len() - gap..)
                    .filter_map(|p| match p {
                        Piece::Same(l) => Some(l),
                        _ => None,
                    })
                    .collect();
                if let Some(Piece::Conflict(x, y)) = pieces.last_mut() {
                    x.extend(&shared);
                    x.extend(ca);
                    y.extend(&shared);
                    y.extend(cb);
                }
            } else {
                pieces.push(Piece::Conflict(ca.to_vec(), cb.to_vec()));
            }
        }
        if i < o.len() {
            pieces.push(Piece::Same(o[i]));
        }
        (pi, pa, pb) = (i + 1, ia + 1, ib + 1);
    }
    let mut out: Vec<&str> = Vec::new();
    let (ours_marker, theirs_marker) = (format!("<<<<<<< {our_label}"), format!(">>>>>>> {their_label}"));
    let mut conflict = false;
    for piece in &pieces {
        match piece {
            Piece::Same(line) => out.push(line),
            Piece::Clean(lines) => out.extend(lines.iter()),
            Piece::Conflict(x, y) => {
                conflict = true;
                out.push(&ours_marker);
                out.extend(x);
                out.push("=======");
                out.extend(y);
                out.push(&theirs_marker);
            }
        }
    }
    let mut text = out.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    if conflict { Err(text) } else { Ok(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_untrimmed_table() {
        let cases = [
            ("a\nb\nc\n", "a\nb\nc\nd\n"),
            ("a\nb\nc\n", "a\nc\n"),
            ("x\n", "x"),
            ("ab\ncd\n", "ab\nxd\n"),
            ("same\nend\n", "same\nnew\nend\n"),
            ("p\nq", "p\nq\nr"),
            ("", ""),
            ("one\ntwo\n", ""),
        ];
        for (a, b) in cases {
            let la: Vec<&str> = a.lines().collect();
            let lb: Vec<&str> = b.lines().collect();
            let common = lcs_table(&la, &lb).len();
            assert_eq!(line_counts(a, b), (lb.len() - common, la.len() - common), "{a:?} -> {b:?}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(line_counts("a\nb\n", "a\nc\nb\n"), (1, 0));
        assert_eq!(line_counts("a\nb\n", "b\n"), (0, 1));
        assert_eq!(line_counts("", "x\n"), (1, 0));
    }

    #[test]
    fn unified_hunks() {
        assert_eq!(unified("a\nb\nc\n", "a\nb\nc\nnew\n"), "@@ -1,3 +1,4 @@\n a\n b\n c\n+new\n");
        assert_eq!(unified("", "x\n"), "@@ -0,0 +1 @@\n+x\n");
        assert_eq!(
            unified("API_DEBUG=true\n", "API_DEBUG=false\n"),
            "@@ -1 +1 @@\n-API_DEBUG=true\n+API_DEBUG=false\n"
        );
    }

    #[test]
    fn a_hunk_is_headed_by_the_nearest_line_that_names_something() {
        let old = "import os\n\ndef reply(text):\n    a = 1\n    b = 2\n    c = 3\n    d = 4\n    return a\n";
        let new = old.replace("return a", "return b");
        assert!(unified(old, &new).starts_with("@@ -5,4 +5,4 @@ def reply(text):\n"), "{}", unified(old, &new));
        // Indented lines, `#` comments and blank lines never name a hunk.
        let old = "x = 1\n  # note\n\n    a\n    b\n    c\n    d\n";
        assert!(unified(old, &old.replace("    d", "    e")).starts_with("@@ -4,4 +4,4 @@ x = 1\n"));
        // A hunk from the first line has nothing above it.
        assert!(unified("a\nb\n", "a\nc\n").starts_with("@@ -1,2 +1,2 @@\n"));
        let long = format!("{}  \n1\n2\n3\n4\n", "y".repeat(90));
        assert!(unified(&long, &long.replace('4', "5")).starts_with(&format!("@@ -2,4 +2,4 @@ {}\n", "y".repeat(80))));
    }

    #[test]
    fn joins_conflicts_at_most_three_shared_lines_apart() {
        let base = "a\n1\n2\n3\nb\n4\n5\n6\n7\nc\n";
        let ours = base.replace('a', "A1").replace('b', "B1").replace('c', "C1");
        let theirs = base.replace('a', "A2").replace('b', "B2").replace('c', "C2");
        let err = merge3(base, &ours, &theirs, "HEAD", "x").unwrap_err();
        // a and b (three lines apart) share one conflict; c, four further on, has its own.
        assert_eq!(
            err,
            "<<<<<<< HEAD\nA1\n1\n2\n3\nB1\n=======\nA2\n1\n2\n3\nB2\n>>>>>>> x\n4\n5\n6\n7\n<<<<<<< HEAD\nC1\n=======\nC2\n>>>>>>> x\n"
        );
    }

    #[test]
    fn merges_separate_edits_and_flags_overlaps() {
        let base = "a\nb\nc\n";
        assert_eq!(merge3(base, "A\nb\nc\n", "a\nb\nC\n", "HEAD", "x"), Ok("A\nb\nC\n".into()));
        let err = merge3(base, "a\nB1\nc\n", "a\nB2\nc\n", "HEAD", "feature").unwrap_err();
        assert_eq!(err, "a\n<<<<<<< HEAD\nB1\n=======\nB2\n>>>>>>> feature\nc\n");
    }
}

/// One file's change between two trees, after git's rename detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<'a> {
    /// Added, modified or deleted at this path.
    Edit(&'a str),
    /// Moved unchanged: from, to.
    Rename(&'a str, &'a str),
}

/// Every change from `old` to `new` in git's diff order (by path; a rename
/// where its new path sorts). Renames are exact ones only: a deleted file
/// whose contents reappear, unchanged, under a new path. git also pairs files
/// that are merely similar; the tutor's files are few and learners rename
/// with `git mv`, which moves contents unchanged.
pub fn changes<'a>(old: &'a Tree, new: &'a Tree) -> Vec<Change<'a>> {
    let paths = crate::repo::paths_of(&[old, new]);
    let added: Vec<&String> = paths.iter().copied().filter(|p| !old.contains_key(*p) && new.contains_key(*p)).collect();
    let mut from_of: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    let mut moved: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for p in paths.iter().filter(|p| old.contains_key(**p) && !new.contains_key(**p)) {
        let body = &old[*p];
        if let Some(to) = added.iter().find(|a| !from_of.contains_key(a.as_str()) && new.get(**a) == Some(body)) {
            from_of.insert(to.as_str(), p.as_str());
            moved.insert(p.as_str());
        }
    }
    paths
        .into_iter()
        .filter(|p| old.get(*p) != new.get(*p) && !moved.contains(p.as_str()))
        .map(|p| match from_of.get(p.as_str()) {
            Some(from) => Change::Rename(from, p),
            None => Change::Edit(p),
        })
        .collect()
}

/// `a => b` as git's diffstat and summary name a rename, the common leading
/// folders and trailing part written once: `src/{a.rs => b.rs}`.
pub fn rename_label(from: &str, to: &str) -> String {
    let (a, b) = (from.as_bytes(), to.as_bytes());
    // Common prefix up to and including a '/'.
    let mut pfx = 0;
    for i in 0..a.len().min(b.len()) {
        if a[i] != b[i] {
            break;
        }
        if a[i] == b'/' {
            pfx = i + 1;
        }
    }
    // Common suffix from a '/', not overlapping the prefix.
    let mut sfx = 0;
    let (mut i, mut j) = (a.len(), b.len());
    while i > pfx && j > pfx && a[i - 1] == b[j - 1] {
        i -= 1;
        j -= 1;
        if a[i] == b'/' {
            sfx = a.len() - i;
        }
    }
    if pfx == 0 && sfx == 0 {
        return format!("{from} => {to}");
    }
    let mid_a = &from[pfx..from.len() - sfx];
    let mid_b = &to[pfx..to.len() - sfx];
    format!("{}{{{mid_a} => {mid_b}}}{}", &from[..pfx], &from[from.len() - sfx..])
}
