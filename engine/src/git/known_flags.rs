//! The options git 2.47 lists for each command (`git <command> -h`), so an
//! option the tutor does not simulate is refused as such — never with "unknown
//! option" when git knows it, and never silently ignored. Generated from real
//! git; `engine/tests/differential/flags.rs` checks it against the git installed.

/// (command, its one-letter options, its long options separated by spaces).
const KNOWN: &[(&str, &str, &str)] = &[
    (
        "status",
        "Mbsuvz",
        "ahead-behind branch column find-renames ignore-submodules ignored long no-ahead-behind no-branch no-column no-ignore-submodules no-ignored no-long no-null no-porcelain no-renames no-short no-show-stash no-untracked-files no-verbose null porcelain renames short show-stash untracked-files verbose",
    ),
    (
        "log",
        "Lq",
        "clear-decorations decorate decorate-refs decorate-refs-exclude mailmap no-decorate no-decorate-refs no-decorate-refs-exclude no-mailmap no-quiet no-source no-use-mailmap quiet source use-mailmap",
    ),
    (
        "branch",
        "CDMacdfilmqrtuv",
        "abbrev all color column contains copy create-reflog delete edit-description force format ignore-case list merged move no-abbrev no-color no-column no-contains no-copy no-create-reflog no-delete no-edit-description no-force no-format no-ignore-case no-list no-merged no-move no-omit-empty no-points-at no-quiet no-recurse-submodules no-set-upstream-to no-show-current no-sort no-track no-unset-upstream no-verbose omit-empty points-at quiet recurse-submodules remotes set-upstream-to show-current sort track unset-upstream verbose",
    ),
    (
        "checkout",
        "23Bbdflmpqt",
        "conflict detach force guess ignore-other-worktrees ignore-skip-worktree-bits merge no-conflict no-detach no-force no-guess no-ignore-other-worktrees no-ignore-skip-worktree-bits no-merge no-orphan no-overlay no-overwrite-ignore no-patch no-pathspec-file-nul no-pathspec-from-file no-progress no-quiet no-recurse-submodules no-track orphan ours overlay overwrite-ignore patch pathspec-file-nul pathspec-from-file progress quiet recurse-submodules theirs track",
    ),
    (
        "switch",
        "Ccdfmqt",
        "conflict create detach discard-changes force force-create guess ignore-other-worktrees merge no-conflict no-create no-detach no-discard-changes no-force no-force-create no-guess no-ignore-other-worktrees no-merge no-orphan no-overwrite-ignore no-progress no-quiet no-recurse-submodules no-track orphan overwrite-ignore progress quiet recurse-submodules track",
    ),
    (
        "add",
        "ANefinpuv",
        "all chmod dry-run edit force ignore-errors ignore-missing ignore-removal intent-to-add interactive no-all no-chmod no-dry-run no-edit no-force no-ignore-errors no-ignore-missing no-ignore-removal no-intent-to-add no-interactive no-patch no-pathspec-file-nul no-pathspec-from-file no-refresh no-renormalize no-sparse no-update no-verbose patch pathspec-file-nul pathspec-from-file refresh renormalize sparse update verbose",
    ),
    (
        "commit",
        "CFSaceimnopqstuvz",
        "ahead-behind all amend author branch cleanup date dry-run edit file fixup gpg-sign include interactive long message no-ahead-behind no-all no-amend no-author no-branch no-cleanup no-date no-dry-run no-edit no-file no-fixup no-gpg-sign no-include no-interactive no-long no-message no-null no-only no-patch no-pathspec-file-nul no-pathspec-from-file no-porcelain no-post-rewrite no-quiet no-reedit-message no-reset-author no-reuse-message no-short no-signoff no-squash no-status no-template no-untracked-files no-verbose no-verify null only patch pathspec-file-nul pathspec-from-file porcelain post-rewrite quiet reedit-message reset-author reuse-message short signoff squash status template trailer untracked-files verbose verify",
    ),
    (
        "merge",
        "FSXemnqsv",
        "abort allow-unrelated-histories autostash cleanup commit continue edit ff ff-only file gpg-sign into-name log message no-abort no-allow-unrelated-histories no-autostash no-cleanup no-commit no-continue no-edit no-ff no-gpg-sign no-into-name no-log no-message no-overwrite-ignore no-progress no-quiet no-quit no-rerere-autoupdate no-signoff no-squash no-stat no-strategy no-strategy-option no-summary no-verbose no-verify no-verify-signatures overwrite-ignore progress quiet quit rerere-autoupdate signoff squash stat strategy strategy-option summary verbose verify verify-signatures",
    ),
    ("remote", "v", "no-verbose verbose"),
    (
        "fetch",
        "46Pafjkmnopqtuv",
        "all append atomic auto-gc auto-maintenance deepen depth dry-run filter force ipv4 ipv6 jobs keep multiple negotiate-only negotiation-tip no-all no-append no-atomic no-auto-gc no-auto-maintenance no-deepen no-depth no-dry-run no-filter no-force no-jobs no-keep no-multiple no-negotiate-only no-negotiation-tip no-porcelain no-prefetch no-progress no-prune no-prune-tags no-quiet no-recurse-submodules no-server-option no-set-upstream no-shallow-exclude no-shallow-since no-show-forced-updates no-stdin no-tags no-update-head-ok no-update-shallow no-upload-pack no-verbose no-write-commit-graph no-write-fetch-head porcelain prefetch progress prune prune-tags quiet recurse-submodules refetch refmap server-option set-upstream shallow-exclude shallow-since show-forced-updates stdin tags unshallow update-head-ok update-shallow upload-pack verbose write-commit-graph write-fetch-head",
    ),
    (
        "pull",
        "46SXafjknopqrstv",
        "all allow-unrelated-histories append autostash cleanup commit deepen depth dry-run edit ff ff-only force gpg-sign ipv4 ipv6 jobs keep log negotiation-tip no-all no-allow-unrelated-histories no-append no-autostash no-cleanup no-commit no-deepen no-depth no-dry-run no-edit no-ff no-force no-gpg-sign no-ipv4 no-ipv6 no-jobs no-keep no-log no-negotiation-tip no-progress no-prune no-quiet no-rebase no-recurse-submodules no-server-option no-set-upstream no-shallow-exclude no-shallow-since no-show-forced-updates no-signoff no-squash no-stat no-strategy no-strategy-option no-tags no-update-shallow no-upload-pack no-verbose no-verify no-verify-signatures progress prune quiet rebase recurse-submodules refmap server-option set-upstream shallow-exclude shallow-since show-forced-updates signoff squash stat strategy strategy-option tags unshallow update-shallow upload-pack verbose verify verify-signatures",
    ),
    (
        "push",
        "46dfnoquv",
        "all atomic branches delete dry-run exec follow-tags force force-if-includes force-with-lease ipv4 ipv6 mirror no-all no-atomic no-branches no-delete no-dry-run no-exec no-follow-tags no-force no-force-if-includes no-force-with-lease no-mirror no-porcelain no-progress no-prune no-push-option no-quiet no-receive-pack no-recurse-submodules no-repo no-set-upstream no-signed no-tags no-thin no-verbose no-verify porcelain progress prune push-option quiet receive-pack recurse-submodules repo set-upstream signed tags thin verbose verify",
    ),
    (
        "tag",
        "Fadefilmnsuv",
        "annotate cleanup color column contains create-reflog delete edit file force format ignore-case list local-user merged message no-annotate no-cleanup no-color no-column no-contains no-create-reflog no-edit no-file no-force no-format no-ignore-case no-local-user no-merged no-omit-empty no-points-at no-sign no-sort omit-empty points-at sign sort trailer verify",
    ),
    (
        "reset",
        "Npq",
        "hard intent-to-add keep merge mixed no-intent-to-add no-patch no-pathspec-file-nul no-pathspec-from-file no-quiet no-recurse-submodules no-refresh patch pathspec-file-nul pathspec-from-file quiet recurse-submodules refresh soft",
    ),
    (
        "revert",
        "SXemns",
        "abort cleanup commit continue edit gpg-sign mainline no-cleanup no-commit no-edit no-gpg-sign no-mainline no-reference no-rerere-autoupdate no-signoff no-strategy no-strategy-option quit reference rerere-autoupdate signoff skip strategy strategy-option",
    ),
    (
        "diff",
        "BCMORSalpuz",
        "abbrev find-copies-harder full-index name-only name-status numstat patch-with-raw patch-with-stat pickaxe-all stat text",
    ),
    (
        "restore",
        "23SWmpqs",
        "conflict ignore-skip-worktree-bits ignore-unmerged merge no-conflict no-ignore-skip-worktree-bits no-ignore-unmerged no-merge no-overlay no-patch no-pathspec-file-nul no-pathspec-from-file no-progress no-quiet no-recurse-submodules no-source no-staged no-worktree ours overlay patch pathspec-file-nul pathspec-from-file progress quiet recurse-submodules source staged theirs worktree",
    ),
    (
        "cherry-pick",
        "SXemnsx",
        "abort allow-empty allow-empty-message cleanup commit continue edit empty ff gpg-sign keep-redundant-commits mainline no-allow-empty no-allow-empty-message no-cleanup no-commit no-edit no-ff no-gpg-sign no-keep-redundant-commits no-mainline no-rerere-autoupdate no-signoff no-strategy no-strategy-option quit rerere-autoupdate signoff skip strategy strategy-option",
    ),
    (
        "rebase",
        "CSXfimnqrsvx",
        "abort apply autosquash autostash committer-date-is-author-date continue edit-todo empty exec ff force-rebase fork-point gpg-sign ignore-whitespace interactive keep-base merge no-autosquash no-autostash no-committer-date-is-author-date no-exec no-ff no-force-rebase no-fork-point no-gpg-sign no-ignore-whitespace no-keep-base no-onto no-quiet no-reapply-cherry-picks no-rebase-merges no-rerere-autoupdate no-reschedule-failed-exec no-reset-author-date no-root no-signoff no-stat no-strategy no-strategy-option no-update-refs no-verbose no-verify no-whitespace onto quiet quit reapply-cherry-picks rebase-merges rerere-autoupdate reschedule-failed-exec reset-author-date root show-current-patch signoff skip stat strategy strategy-option update-refs verbose verify whitespace",
    ),
    (
        "init",
        "bq",
        "bare initial-branch no-bare no-initial-branch no-object-format no-quiet no-ref-format no-separate-git-dir no-template object-format quiet ref-format separate-git-dir shared template",
    ),
    (
        "stash",
        "Sakmpqu",
        "all include-untracked keep-index message no-all no-include-untracked no-keep-index no-message no-patch no-pathspec-file-nul no-pathspec-from-file no-quiet no-staged patch pathspec-file-nul pathspec-from-file quiet staged",
    ),
    (
        "show",
        "Lq",
        "clear-decorations decorate decorate-refs decorate-refs-exclude mailmap no-decorate no-decorate-refs no-decorate-refs-exclude no-mailmap no-quiet no-source no-use-mailmap quiet source use-mailmap",
    ),
    (
        "rm",
        "fnqr",
        "cached dry-run force ignore-unmatch no-cached no-dry-run no-force no-ignore-unmatch no-pathspec-file-nul no-pathspec-from-file no-quiet no-sparse pathspec-file-nul pathspec-from-file quiet sparse",
    ),
    ("mv", "fknv", "dry-run force no-dry-run no-force no-sparse no-verbose sparse verbose"),
    ("clean", "Xdefinqx", "dry-run exclude force interactive no-dry-run no-force no-interactive no-quiet quiet"),
    (
        "ls-files",
        "Xcdfikmostuvxz",
        "abbrev cached debug deduplicate deleted directory empty-directory eol error-unmatch exclude exclude-from exclude-per-directory exclude-standard format full-name ignored killed modified no-abbrev no-cached no-debug no-deduplicate no-deleted no-directory no-empty-directory no-eol no-error-unmatch no-exclude-per-directory no-ignored no-killed no-modified no-others no-recurse-submodules no-resolve-undo no-sparse no-stage no-unmerged no-with-tree others recurse-submodules resolve-undo sparse stage unmerged with-tree",
    ),
    (
        "describe",
        "",
        "abbrev all always broken candidates contains debug dirty exact-match exclude first-parent long match no-abbrev no-all no-always no-broken no-candidates no-contains no-debug no-dirty no-exact-match no-exclude no-first-parent no-long no-match no-tags tags",
    ),
    (
        "ls-remote",
        "boqt",
        "branches exit-code get-url no-branches no-exit-code no-get-url no-quiet no-refs no-server-option no-sort no-symref no-tags no-upload-pack quiet refs server-option sort symref tags upload-pack",
    ),
    (
        "grep",
        "ABCEFGHILNOPWacefhilmnopqrvwz",
        "after-context all-match and basic-regexp before-context break cached color column context count exclude-standard ext-grep extended-regexp files-with-matches files-without-match fixed-strings full-name function-context heading ignore-case index invert-match line-number max-count max-depth name-only no-after-context no-all-match no-basic-regexp no-before-context no-break no-cached no-color no-column no-context no-count no-exclude-standard no-ext-grep no-extended-regexp no-files-with-matches no-files-without-match no-fixed-strings no-full-name no-function-context no-heading no-ignore-case no-index no-invert-match no-line-number no-max-count no-name-only no-null no-only-matching no-open-files-in-pager no-perl-regexp no-quiet no-recurse-submodules no-recursive no-show-function no-text no-textconv no-threads no-untracked no-word-regexp not null only-matching open-files-in-pager or perl-regexp quiet recurse-submodules recursive show-function text textconv threads untracked word-regexp",
    ),
    (
        "shortlog",
        "censw",
        "committer email group no-committer no-email no-group no-numbered no-summary numbered summary",
    ),
    ("symbolic-ref", "dmq", "delete no-delete no-quiet no-recurse no-short quiet recurse short"),
    ("merge-base", "a", "all fork-point independent is-ancestor no-all octopus"),
    (
        "blame",
        "CLMSbceflnpstw",
        "abbrev color-by-age color-lines contents ignore-rev ignore-revs-file incremental line-porcelain minimal no-abbrev no-color-by-age no-color-lines no-contents no-ignore-rev no-ignore-revs-file no-incremental no-line-porcelain no-minimal no-porcelain no-progress no-root no-score-debug no-show-email no-show-name no-show-number no-show-stats porcelain progress root score-debug show-email show-name show-number show-stats",
    ),
];

/// Options git parses for `log`, `show` and `diff` without listing them in
/// `-h`: revision walking and diff output (git 2.47's manual pages, git-log(1),
/// git-show(1), git-diff(1)). `engine/tests/differential/flags.rs` checks that
/// the git installed accepts each one.
const UNLISTED: &[(&str, &str, &str)] = &[
    (
        "log",
        "BCDEFGIMOPRSUWXabgilnpstuwz",
        "abbrev abbrev-commit after all all-match alternate-refs ancestry-path anchored author author-date-order basic-regexp before binary bisect boundary branches break-rewrites check cherry cherry-mark cherry-pick children color color-moved color-moved-ws color-words combined-all-paths committer compact-summary cumulative date date-order dense diff-algorithm diff-filter diff-merges dirstat dirstat-by-file do-walk dst-prefix encoding exclude exclude-first-parent-only exclude-hidden expand-tabs ext-diff extended-regexp find-copies find-copies-harder find-object find-renames first-parent fixed-strings follow format full-diff full-history full-index function-context glob graph grep grep-reflog histogram ignore-all-space ignore-blank-lines ignore-cr-at-eol ignore-matching-lines ignore-missing ignore-space-at-eol ignore-space-change ignore-submodules indent-heuristic inter-hunk-context invert-grep irreversible-delete ita-invisible-in-index left-only left-right line-prefix log-size max-count max-parents merge merges min-parents minimal name-only name-status no-abbrev-commit no-color no-color-moved no-color-moved-ws no-diff-merges no-expand-tabs no-ext-diff no-indent-heuristic no-max-parents no-merges no-min-parents no-notes no-patch no-prefix no-relative no-rename-empty no-renames no-standard-notes no-textconv no-walk not notes numstat oneline output output-indicator-context output-indicator-new output-indicator-old parents patch patch-with-raw patch-with-stat patience perl-regexp pickaxe-all pickaxe-regex pretty raw reflog regexp-ignore-case relative relative-date remotes remove-empty rename-empty reverse right-only rotate-to shortstat show-linear-break show-notes show-pulls show-signature simplify-by-decoration simplify-merges since since-as-filter single-worktree skip skip-to sparse src-prefix standard-notes stat stdin submodule summary tags text textconv topo-order unified until walk-reflogs word-diff word-diff-regex ws-error-highlight",
    ),
    (
        "show",
        "BCDGIMORSUWXablpstuwz",
        "abbrev abbrev-commit anchored binary break-rewrites check color color-moved color-moved-ws color-words combined-all-paths compact-summary cumulative diff-algorithm diff-filter diff-merges dirstat dirstat-by-file dst-prefix encoding expand-tabs ext-diff find-copies find-copies-harder find-object find-renames format full-index function-context histogram ignore-all-space ignore-blank-lines ignore-cr-at-eol ignore-matching-lines ignore-space-at-eol ignore-space-change ignore-submodules indent-heuristic inter-hunk-context irreversible-delete ita-invisible-in-index line-prefix minimal name-only name-status no-abbrev-commit no-color no-color-moved no-color-moved-ws no-diff-merges no-expand-tabs no-ext-diff no-indent-heuristic no-notes no-patch no-prefix no-relative no-rename-empty no-renames no-standard-notes no-textconv notes numstat oneline output output-indicator-context output-indicator-new output-indicator-old patch patch-with-raw patch-with-stat patience pickaxe-all pickaxe-regex pretty raw relative rename-empty rotate-to shortstat show-notes show-signature skip-to src-prefix standard-notes stat submodule summary text textconv unified word-diff word-diff-regex ws-error-highlight",
    ),
    (
        "diff",
        "0123DGIUWXbsw",
        "anchored binary break-rewrites cc check color color-moved color-moved-ws color-words compact-summary cumulative diff-algorithm diff-filter dirstat dirstat-by-file dst-prefix exit-code ext-diff find-copies find-object find-renames function-context histogram ignore-all-space ignore-blank-lines ignore-cr-at-eol ignore-matching-lines ignore-space-at-eol ignore-space-change ignore-submodules indent-heuristic inter-hunk-context irreversible-delete ita-invisible-in-index line-prefix merge-base minimal no-color no-color-moved no-color-moved-ws no-ext-diff no-indent-heuristic no-patch no-prefix no-relative no-rename-empty no-renames no-textconv output output-indicator-context output-indicator-new output-indicator-old patch patience pickaxe-regex quiet raw relative rename-empty rotate-to shortstat skip-to src-prefix submodule summary textconv unified word-diff word-diff-regex ws-error-highlight",
    ),
];

/// Whether git's `command` has the long option `--name`.
pub fn knows_long(command: &str, name: &str) -> bool {
    KNOWN.iter().chain(UNLISTED).any(|(c, _, longs)| *c == command && longs.split(' ').any(|l| l == name))
}

/// Whether git's `command` has the option `-c`.
pub fn knows_short(command: &str, c: char) -> bool {
    KNOWN.iter().chain(UNLISTED).any(|(cmd, shorts, _)| *cmd == command && shorts.contains(c))
}

/// Every command in the table, with its one-letter and long options.
pub fn table() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    KNOWN.iter().copied()
}

/// [`UNLISTED`]: per command, the options git parses without listing them.
pub fn unlisted() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    UNLISTED.iter().copied()
}
