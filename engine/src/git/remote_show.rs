//! `git remote show NAME`: what the remote has and how the local branches
//! pull from it and push to it, as git's `builtin/remote.c` lays it out
//! (asking the remote, as git does without `-n`).

use super::GitError;
use super::remote::{remote_url, stale};
use crate::repo::{Head, Repo};

/// `* remote NAME`, its URLs, its HEAD branch, then three lists.
pub fn show(repo: &Repo, origin: &Repo, name: &str) -> Result<String, GitError> {
    let url = remote_url(repo, name)?;
    let mut out = vec![format!("* remote {name}"), format!("  Fetch URL: {url}"), format!("  Push  URL: {url}")];
    let head = match &origin.head {
        Head::Branch(b) if origin.branches.contains_key(b) => b.as_str(),
        _ => "(unknown)",
    };
    out.push(format!("  HEAD branch: {head}"));

    // What the remote has, and what the last fetch left behind.
    let mut branches: Vec<(String, String)> = origin
        .branches
        .keys()
        .map(|b| {
            let status = if repo.remote_tracking.contains_key(&format!("{name}/{b}")) {
                "tracked".to_string()
            } else {
                format!("new (next fetch will store in remotes/{name})")
            };
            (b.clone(), status)
        })
        .collect();
    branches.extend(
        stale(repo, origin, name)
            .into_iter()
            .map(|r| (format!("refs/remotes/{r}"), "stale (use 'git remote prune' to remove)".to_string())),
    );
    crate::order::sort(&mut branches);
    let heading = if branches.len() == 1 { "  Remote branch:" } else { "  Remote branches:" };
    section(&mut out, heading, &branches, |(b, status), w| format!("    {b:<w$} {status}"));

    let pulls: Vec<(&String, &String)> =
        repo.upstreams.iter().filter(|(_, u)| u.remote == name).map(|(b, u)| (b, &u.branch)).collect();
    let heading = if pulls.len() == 1 {
        "  Local branch configured for 'git pull':"
    } else {
        "  Local branches configured for 'git pull':"
    };
    section(&mut out, heading, &pulls, |(b, theirs), w| format!("    {b:<w$} merges with remote {theirs}"));

    // With no push refspec git matches branches by name.
    let pushes: Vec<(&String, &str)> = repo
        .branches
        .iter()
        .filter_map(|(b, ours)| {
            let theirs = origin.branches.get(b)?;
            let status = if ours == theirs {
                "up to date"
            } else if repo.commit(theirs).is_some() && repo.is_ancestor(theirs, ours) {
                "fast-forwardable"
            } else {
                "local out of date"
            };
            Some((b, status))
        })
        .collect();
    let heading = if pushes.len() == 1 {
        "  Local ref configured for 'git push':"
    } else {
        "  Local refs configured for 'git push':"
    };
    section(&mut out, heading, &pushes, |(b, status), w| format!("    {b:<w$} pushes to {b:<w$} ({status})"));
    Ok(out.join("\n"))
}

/// A heading and its rows, names padded to the longest (nothing when empty).
fn section<T, N: AsRef<str>>(
    out: &mut Vec<String>,
    heading: &str,
    rows: &[(N, T)],
    line: impl Fn(&(N, T), usize) -> String,
) {
    if rows.is_empty() {
        return;
    }
    let width = rows.iter().map(|(n, _)| n.as_ref().chars().count()).max().unwrap_or(0);
    out.push(heading.to_string());
    out.extend(rows.iter().map(|r| line(r, width)));
}
