//! The terminal's shell grammar: words with POSIX quoting, `VAR=value` prefixes,
//! `>`/`>>` redirection, `#` comments and `&&`/`;` lists. Enough of sh for the
//! guide's lines, with errors in bash's words instead of panics.

use thiserror::Error;

/// One simple command: `APP_ENV=staging python main.py > out`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleCommand {
    /// Leading `NAME=value` words.
    pub assigns: Vec<(String, String)>,
    /// The command and its arguments.
    pub argv: Vec<String>,
    /// `> FILE` or `>> FILE`.
    pub redirect: Option<Redirect>,
}

/// Where a command's output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// `>>` rather than `>`.
    pub append: bool,
    /// The file.
    pub path: String,
}

/// How a command joins the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// `;` or the start of the line: always run.
    Always,
    /// `&&`: run only if the previous command succeeded.
    IfOk,
}

/// A line the shell cannot read, in bash's words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ShellError {
    /// A quote never closed.
    #[error("bash: unexpected EOF while looking for matching `{0}'")]
    UnclosedQuote(char),
    /// `&&` or `;` where a command should be.
    #[error("bash: syntax error near unexpected token `{0}'")]
    UnexpectedToken(String),
    /// `>` with no file.
    #[error("bash: syntax error near unexpected token `newline'")]
    MissingRedirectTarget,
    /// `2>`, `2>&1`, `&>`: the terminal shows output and errors as one stream.
    #[error(
        "this terminal shows a command's output and its errors together: `2>`, `2>&1` and `&>` are not supported; run the command without them (`> /dev/null` hides the output of a command that succeeds)"
    )]
    StreamRedirect,
    /// Pipes and background jobs.
    #[error("this terminal runs one command at a time: pipes (`|`) and background jobs (`&`) are not supported")]
    Unsupported,
}

#[derive(Debug, PartialEq)]
enum Token {
    /// `quoted_from`: where (in bytes of `text`) the first quoted or escaped
    /// part begins; an assignment's name must come before it (`K='a b'`).
    Word {
        text: String,
        quoted_from: Option<usize>,
    },
    Redirect {
        append: bool,
    },
    And,
    Semi,
}

fn lex(line: &str) -> Result<Vec<Token>, ShellError> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    let mut word = String::new();
    let mut in_word = false;
    let mut quoted: Option<usize> = None;
    let flush = |tokens: &mut Vec<Token>, word: &mut String, in_word: &mut bool, quoted: &mut Option<usize>| {
        if *in_word {
            tokens.push(Token::Word { text: std::mem::take(word), quoted_from: *quoted });
        }
        *in_word = false;
        *quoted = None;
    };
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\r' | '\n' => flush(&mut tokens, &mut word, &mut in_word, &mut quoted),
            '#' if !in_word => break,
            '\'' => {
                in_word = true;
                quoted.get_or_insert(word.len());
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => word.push(ch),
                        None => return Err(ShellError::UnclosedQuote('\'')),
                    }
                }
            }
            '"' => {
                in_word = true;
                quoted.get_or_insert(word.len());
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            // Inside double quotes a backslash escapes only these.
                            Some(e @ ('"' | '\\' | '$' | '`')) => word.push(e),
                            Some('\n') => {}
                            Some(other) => {
                                word.push('\\');
                                word.push(other);
                            }
                            None => return Err(ShellError::UnclosedQuote('"')),
                        },
                        Some(ch) => word.push(ch),
                        None => return Err(ShellError::UnclosedQuote('"')),
                    }
                }
            }
            '\\' => {
                in_word = true;
                quoted.get_or_insert(word.len());
                if let Some(e) = chars.next()
                    && e != '\n'
                {
                    word.push(e);
                }
            }
            '>' => {
                // `2>` (a descriptor before `>`) and `>&1` name streams.
                let descriptor = in_word && quoted.is_none() && word.bytes().all(|b| b.is_ascii_digit());
                if descriptor || chars.peek() == Some(&'&') {
                    return Err(ShellError::StreamRedirect);
                }
                flush(&mut tokens, &mut word, &mut in_word, &mut quoted);
                let append = chars.peek() == Some(&'>');
                if append {
                    chars.next();
                }
                tokens.push(Token::Redirect { append });
            }
            '&' => {
                flush(&mut tokens, &mut word, &mut in_word, &mut quoted);
                if chars.peek() == Some(&'&') {
                    chars.next();
                    tokens.push(Token::And);
                } else if chars.peek() == Some(&'>') {
                    return Err(ShellError::StreamRedirect);
                } else {
                    return Err(ShellError::Unsupported);
                }
            }
            '|' => return Err(ShellError::Unsupported),
            ';' => {
                flush(&mut tokens, &mut word, &mut in_word, &mut quoted);
                tokens.push(Token::Semi);
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    flush(&mut tokens, &mut word, &mut in_word, &mut quoted);
    Ok(tokens)
}

fn is_assignment(word: &str) -> Option<(String, String)> {
    let (name, value) = word.split_once('=')?;
    let mut bytes = name.bytes();
    let first = bytes.next()?;
    let ok = (first.is_ascii_alphabetic() || first == b'_') && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    ok.then(|| (name.to_string(), value.to_string()))
}

/// Parses a terminal line into commands, each with how it joins the previous one.
/// An empty or comment-only line gives an empty list.
pub fn parse(line: &str) -> Result<Vec<(Joiner, SimpleCommand)>, ShellError> {
    let mut out = Vec::new();
    let mut current = SimpleCommand::default();
    let mut joiner = Joiner::Always;
    let mut tokens = lex(line)?.into_iter().peekable();
    let mut finish = |cmd: &mut SimpleCommand, joiner: Joiner, token: &str| -> Result<(), ShellError> {
        if cmd.argv.is_empty() && cmd.assigns.is_empty() {
            return Err(ShellError::UnexpectedToken(token.to_string()));
        }
        out.push((joiner, std::mem::take(cmd)));
        Ok(())
    };
    while let Some(tok) = tokens.next() {
        match tok {
            Token::Word { text, quoted_from } => {
                if current.argv.is_empty()
                    && let Some(pair) = is_assignment(&text)
                    && quoted_from.is_none_or(|q| pair.0.len() < q)
                {
                    current.assigns.push(pair);
                    continue;
                }
                current.argv.push(text);
            }
            Token::Redirect { append } => match tokens.next() {
                Some(Token::Word { text, .. }) => current.redirect = Some(Redirect { append, path: text }),
                Some(Token::And) => return Err(ShellError::UnexpectedToken("&&".into())),
                Some(Token::Semi) => return Err(ShellError::UnexpectedToken(";".into())),
                Some(Token::Redirect { append }) => {
                    return Err(ShellError::UnexpectedToken(if append { ">>" } else { ">" }.into()));
                }
                None => return Err(ShellError::MissingRedirectTarget),
            },
            Token::And => {
                finish(&mut current, joiner, "&&")?;
                joiner = Joiner::IfOk;
            }
            Token::Semi => {
                finish(&mut current, joiner, ";")?;
                joiner = Joiner::Always;
            }
        }
    }
    if !current.argv.is_empty() || !current.assigns.is_empty() || current.redirect.is_some() {
        out.push((joiner, current));
    } else if joiner == Joiner::IfOk {
        return Err(ShellError::MissingRedirectTarget);
    }
    Ok(out)
}

/// Words as one command line, each quoted so that [`parse`] reads them back.
pub fn line<S: AsRef<str>>(words: &[S]) -> String {
    words.iter().map(|w| quote(w.as_ref())).collect::<Vec<_>>().join(" ")
}

/// Quotes a word so that [`parse`] reads it back unchanged (for echoing actions as lines).
pub fn quote(word: &str) -> String {
    let plain = !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:@,+%".contains(&b));
    if plain {
        word.to_string()
    } else if !word.contains('\'') {
        format!("'{word}'")
    } else {
        let escaped: String = word
            .chars()
            .flat_map(|c| match c {
                '"' | '\\' | '$' | '`' => vec!['\\', c],
                _ => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<Vec<String>> {
        parse(line).unwrap().into_iter().map(|(_, c)| c.argv).collect()
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(
            argv(r#"git commit -m "Add product inquiry intent""#),
            [["git", "commit", "-m", "Add product inquiry intent"]]
        );
        assert_eq!(argv(r"echo 'a b' c\ d"), [["echo", "a b", "c d"]]);
        assert_eq!(argv(r#"echo "say \"hi\" \n""#), [["echo", "say \"hi\" \\n"]]);
        assert_eq!(argv(r#"echo a"b"'c'"#), [["echo", "abc"]]);
    }

    #[test]
    fn comments_lists_and_assignments() {
        assert_eq!(argv("python main.py # Test on localhost"), [["python", "main.py"]]);
        let cmds = parse("git checkout development && git merge feature/x; ls").unwrap();
        assert_eq!(cmds.len(), 3);
        assert_eq!(cmds[1].0, Joiner::IfOk);
        assert_eq!(cmds[2].0, Joiner::Always);
        let cmds = parse("APP_ENV=staging python main.py").unwrap();
        assert_eq!(cmds[0].1.assigns, [("APP_ENV".to_string(), "staging".to_string())]);
        assert_eq!(cmds[0].1.argv, ["python", "main.py"]);
        assert!(parse("   # only a comment").unwrap().is_empty());
        // A quoted value is still an assignment; a quoted name is not.
        let cmds = parse("MSG='a b' python main.py").unwrap();
        assert_eq!(cmds[0].1.assigns, [("MSG".to_string(), "a b".to_string())]);
        assert_eq!(argv("'A=b' python"), [["A=b", "python"]]);
    }

    #[test]
    fn stream_redirects_are_refused_not_misread() {
        for line in [
            "git log 2>/dev/null",
            "git log 2> /dev/null",
            "git log 2>&1",
            "git log >&2",
            "git log &> out",
            "git log 1>out",
        ] {
            assert_eq!(parse(line), Err(ShellError::StreamRedirect), "{line}");
        }
        // A quoted or non-numeric word before `>` is an argument.
        assert_eq!(parse("echo '2'>f").unwrap()[0].1.argv, ["echo", "2"]);
        assert_eq!(parse("echo a2>f").unwrap()[0].1.argv, ["echo", "a2"]);
    }

    #[test]
    fn redirects() {
        let cmds = parse("echo \"API_DEBUG=false\" >> .env.development").unwrap();
        assert_eq!(cmds[0].1.redirect, Some(Redirect { append: true, path: ".env.development".into() }));
        assert_eq!(parse("echo x >"), Err(ShellError::MissingRedirectTarget));
    }

    #[test]
    fn errors_are_bash_like() {
        assert_eq!(parse("echo 'oops").unwrap_err().to_string(), "bash: unexpected EOF while looking for matching `''");
        assert_eq!(parse("&& ls"), Err(ShellError::UnexpectedToken("&&".into())));
        assert_eq!(parse("ls | wc"), Err(ShellError::Unsupported));
    }

    #[test]
    fn quote_round_trips() {
        for w in ["plain", "two words", "it's", "a\"b$c", "", "feature/x"] {
            let line = format!("echo {}", quote(w));
            assert_eq!(argv(&line), [vec!["echo".to_string(), w.to_string()]], "{line}");
        }
    }
}
