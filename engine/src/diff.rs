//! Line diffs between file versions: counts for `--stat` and commit summaries,
//! and the three-way line merge used by `git merge`.

/// Longest-common-subsequence table walk; the project's files are small, so
/// the quadratic table is cheap and keeps the code obvious.
fn lcs_pairs(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u32; (n + 1) * (m + 1)];
    let w = m + 1;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i] == b[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
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

/// (insertions, deletions) going from `old` to `new`.
pub fn line_counts(old: &str, new: &str) -> (usize, usize) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let common = lcs_pairs(&a, &b).len();
    (b.len() - common, a.len() - common)
}

/// A three-way merge of one file's lines. `Ok` is the clean result; `Err` is
/// the text with git's conflict markers.
pub fn merge3(
    base: &str,
    ours: &str,
    theirs: &str,
    our_label: &str,
    their_label: &str,
) -> Result<String, String> {
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
    let ma: std::collections::BTreeMap<usize, usize> = lcs_pairs(&o, &a).into_iter().collect();
    let mb: std::collections::BTreeMap<usize, usize> = lcs_pairs(&o, &b).into_iter().collect();
    let anchors: Vec<(usize, usize, usize)> = (0..o.len())
        .filter_map(|i| Some((i, *ma.get(&i)?, *mb.get(&i)?)))
        .chain(std::iter::once((o.len(), a.len(), b.len())))
        .collect();
    let (mut pi, mut pa, mut pb) = (0, 0, 0);
    let mut out: Vec<String> = Vec::new();
    let mut conflict = false;
    for (i, ia, ib) in anchors {
        let co = &o[pi..i];
        let ca = &a[pa..ia];
        let cb = &b[pb..ib];
        if ca == cb || cb == co {
            out.extend(ca.iter().map(|s| (*s).to_string()));
        } else if ca == co {
            out.extend(cb.iter().map(|s| (*s).to_string()));
        } else {
            conflict = true;
            out.push(format!("<<<<<<< {our_label}"));
            out.extend(ca.iter().map(|s| (*s).to_string()));
            out.push("=======".to_string());
            out.extend(cb.iter().map(|s| (*s).to_string()));
            out.push(format!(">>>>>>> {their_label}"));
        }
        if i < o.len() {
            out.push(o[i].to_string());
        }
        (pi, pa, pb) = (i + 1, ia + 1, ib + 1);
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
    fn counts() {
        assert_eq!(line_counts("a\nb\n", "a\nc\nb\n"), (1, 0));
        assert_eq!(line_counts("a\nb\n", "b\n"), (0, 1));
        assert_eq!(line_counts("", "x\n"), (1, 0));
    }

    #[test]
    fn merges_separate_edits_and_flags_overlaps() {
        let base = "a\nb\nc\n";
        assert_eq!(
            merge3(base, "A\nb\nc\n", "a\nb\nC\n", "HEAD", "x"),
            Ok("A\nb\nC\n".into())
        );
        let err = merge3(base, "a\nB1\nc\n", "a\nB2\nc\n", "HEAD", "feature").unwrap_err();
        assert_eq!(
            err,
            "a\n<<<<<<< HEAD\nB1\n=======\nB2\n>>>>>>> feature\nc\n"
        );
    }
}
