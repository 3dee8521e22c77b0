//! gh's flag parsing (cobra/pflag): `--name value`, `--name=value`, `-x value`,
//! `-xvalue`; an unknown flag is refused in gh's words, never ignored.

/// A flag's long name, short letter, and whether it takes a value.
pub type Spec = (&'static str, Option<char>, bool);

/// Flags (with their values) and positionals of one gh command line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Flags {
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
    /// Arguments that are not flags, in order.
    pub positional: Vec<String>,
}

/// A flag gh does not know, or one missing its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FlagError {
    /// `--name` is not one of the command's flags.
    #[error("unknown flag: --{name}\n\nUsage:  {usage} [flags]")]
    Unknown {
        /// The flag as given, without dashes.
        name: String,
        /// The command's usage line.
        usage: String,
    },
    /// `-x` is not one of the command's shorthands.
    #[error("unknown shorthand flag: '{letter}' in {arg}\n\nUsage:  {usage} [flags]")]
    UnknownShorthand {
        /// The letter.
        letter: char,
        /// The word it was in.
        arg: String,
        /// The command's usage line.
        usage: String,
    },
    /// A flag that takes a value came last.
    #[error("flag needs an argument: --{name}\n\nUsage:  {usage} [flags]")]
    NeedsArgument {
        /// The flag's long name.
        name: &'static str,
        /// The command's usage line.
        usage: String,
    },
}

impl Flags {
    /// Parses `args` against `spec`; `usage` is the command's usage line.
    pub fn parse(args: &[String], spec: &[Spec], usage: &str) -> Result<Self, FlagError> {
        let mut f = Self::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "--" {
                // pflag: everything after `--` is an argument, even `-x`.
                f.positional.extend(it.cloned());
                break;
            }
            let (found, inline) = if let Some(long) = a.strip_prefix("--") {
                let (name, inline) = long.split_once('=').map_or((long, None), |(n, v)| (n, Some(v.to_string())));
                let found = spec
                    .iter()
                    .find(|s| s.0 == name)
                    .ok_or_else(|| FlagError::Unknown { name: name.to_string(), usage: usage.to_string() })?;
                (found, inline)
            } else if a.len() > 1 && a.starts_with('-') {
                let mut chars = a[1..].chars();
                let c = chars.next().unwrap_or('-');
                let rest: String = chars.collect();
                let s = spec.iter().find(|s| s.1 == Some(c)).ok_or_else(|| FlagError::UnknownShorthand {
                    letter: c,
                    arg: a.clone(),
                    usage: usage.to_string(),
                })?;
                (s, (!rest.is_empty()).then_some(rest))
            } else {
                f.positional.push(a.clone());
                continue;
            };
            if found.2 {
                let v = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| FlagError::NeedsArgument { name: found.0, usage: usage.to_string() })?,
                };
                f.values.push((found.0, v));
            } else {
                f.switches.push(found.0);
            }
        }
        Ok(f)
    }

    /// The last value given for a flag.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Whether a switch was given.
    pub fn has(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    /// The values of the given switches that were passed (gh wants exactly one).
    pub fn chosen<T: Copy>(&self, options: &[(&str, T)]) -> Vec<T> {
        options.iter().filter(|(name, _)| self.has(name)).map(|(_, v)| *v).collect()
    }
}
