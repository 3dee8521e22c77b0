//! The dates `--format` prints (`%ad`, `%aD`, `%ai`, `%aI`, `%as`, `%at`,
//! `%ar`) against real git's, for commit times across years and for "now"
//! from seconds to years later (git reads "now" from `GIT_TEST_DATE_NOW`).

use std::process::Command;

use engine::clock;

const FORMAT: &str = "%ad|%aD|%ai|%aI|%as|%at";

fn git(dir: &std::path::Path, args: &[&str], date: u64, now: u64) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "You")
        .env("GIT_AUTHOR_EMAIL", "you@example.com")
        .env("GIT_COMMITTER_NAME", "You")
        .env("GIT_COMMITTER_EMAIL", "you@example.com")
        .env("GIT_AUTHOR_DATE", format!("{date} +0000"))
        .env("GIT_COMMITTER_DATE", format!("{date} +0000"))
        .env("GIT_TEST_DATE_NOW", now.to_string())
        .env("LC_ALL", "C")
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

#[test]
fn dates_print_as_gits() {
    assert!(super::real_git::available(), "needs `git` on PATH");
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    git(dir, &["init", "-q"], 0, 0);
    // A leap day, a new year's eve, the guide's Monday, a day in 2031.
    let times = [1_709_164_800 + 3_723, 1_735_689_599, clock::START, 1_924_992_000 + 45_296];
    // From a second to ten years: every boundary of git's relative wording.
    let mut ages = vec![0, 1, 59, 89, 90, 91, 149, 150, 5_369, 5_370, 5_399, 5_400];
    for hours in [1, 2, 35, 36, 37, 24 * 13 + 11, 24 * 13 + 12, 24 * 69, 24 * 70, 24 * 364, 24 * 365] {
        ages.extend([hours * 3600 - 1800, hours * 3600]);
    }
    for days in [400, 500, 730, 1000, 1824, 1825, 3650] {
        ages.push(days * 86_400);
    }
    let mut differences = Vec::new();
    for t in times {
        git(dir, &["commit", "-q", "--allow-empty", "-m", "at"], t, t);
        let ours = format!(
            "{}|{}|{}|{}|{}|{t}",
            clock::git_date(t),
            clock::rfc2822(t),
            clock::iso(t),
            clock::iso_strict(t),
            clock::short_date(t)
        );
        let theirs = git(dir, &["log", "-1", &format!("--format={FORMAT}")], t, t);
        if ours != theirs {
            differences.push(format!("{t}: engine {ours}\n   git    {theirs}"));
        }
        for age in &ages {
            let now = t + age;
            // git reads GIT_TEST_DATE_NOW into 32 bits: past 2038 it wraps.
            if now >= 1 << 31 {
                continue;
            }
            let theirs = git(dir, &["log", "-1", "--format=%ar"], t, now);
            let ours = clock::relative(t, now);
            if ours != theirs {
                differences.push(format!("{t} seen {age} s later: engine {ours:?}, git {theirs:?}"));
            }
        }
    }
    assert!(differences.is_empty(), "dates differ from git's:\n{}", differences.join("\n"));
}

/// Every `--date=` style the engine takes, as `%ad` prints it, against git's.
#[test]
fn date_styles_print_as_gits() {
    assert!(super::real_git::available(), "needs `git` on PATH");
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    git(dir, &["init", "-q"], 0, 0);
    let styles = [
        "default",
        "default-local",
        "local",
        "short",
        "short-local",
        "iso",
        "iso8601",
        "iso-local",
        "iso-strict",
        "iso8601-strict",
        "rfc",
        "rfc2822",
        "raw",
        "unix",
        "relative",
    ];
    let mut differences = Vec::new();
    for t in [1_709_164_800 + 3_723, clock::START] {
        git(dir, &["commit", "-q", "--allow-empty", "-m", "at"], t, t);
        let now = t + 5_000;
        for style in styles {
            let theirs = git(dir, &["log", "-1", "--format=%ad", &format!("--date={style}")], t, now);
            let ours = engine::git::DateStyle::parse(style).map(|s| s.show(t, now));
            if ours.as_deref() != Ok(theirs.as_str()) {
                differences.push(format!("--date={style} at {t}: engine {ours:?}, git {theirs:?}"));
            }
        }
    }
    assert!(differences.is_empty(), "--date styles differ from git's:\n{}", differences.join("\n"));
}
