//! Branch and tag name rules, exactly as `git check-ref-format --branch` applies them.

/// Is `name` acceptable as a branch name? Mirrors git's `check_refname_format`
/// on `refs/heads/<name>` plus the extra refusals of `strbuf_check_branch_ref`
/// (a leading `-`, and `HEAD`).
pub fn is_valid_branch_name(name: &str) -> bool {
    if name.starts_with('-') || name == "HEAD" {
        return false;
    }
    is_valid_ref_suffix(name)
}

/// The `check_refname_format` rules for the part after `refs/heads/` or `refs/tags/`.
/// (`@` alone is valid there: the lone-`@` rule applies only to whole refnames.)
pub fn is_valid_ref_suffix(name: &str) -> bool {
    if name.is_empty() || name.ends_with('.') || name.contains("..") || name.contains("@{") {
        return false;
    }
    let bad_byte = |b: u8| b < 0x20 || b == 0x7f || b" ~^:?*[\\".contains(&b);
    if name.bytes().any(bad_byte) {
        return false;
    }
    // Components: none empty (no leading/trailing/double slash), none starting
    // with a dot, none ending with `.lock` (byte-exact in git, so case matters).
    #[allow(clippy::case_sensitive_file_extension_comparisons)]
    name.split('/').all(|c| !c.is_empty() && !c.starts_with('.') && !c.ends_with(".lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_workflow_names() {
        for n in [
            "main",
            "development",
            "feature/new-chatbot-intent",
            "feature/chinese-voice-support",
            "@",
            "a@b",
            "v1.0",
            "x.y/z",
        ] {
            assert!(is_valid_branch_name(n), "{n}");
        }
    }

    #[test]
    fn rejects_every_rule() {
        for n in [
            "",
            "a..b",
            "-x",
            "HEAD",
            "a.lock",
            "a/.b",
            ".a",
            "a/",
            "/a",
            "a//b",
            "a.",
            "a@{b",
            "a b",
            "a~b",
            "a^b",
            "a:b",
            "a?b",
            "a*b",
            "a[b",
            "a\\b",
            "a\u{7f}",
            "a\tb",
            "x/y.lock/z",
        ] {
            assert!(!is_valid_branch_name(n), "{n:?}");
        }
    }
}
