//! The classifier of the guide's `main.py`: `intents.json` read as Python
//! reads it, and each intent's share of the message's words.

use super::json_read::{self, Value};

/// The reply below the confidence threshold (the seed's `main.py`).
pub const FALLBACK: &str = "Sorry, I didn't catch that. Could you rephrase?";

/// Filler words that say nothing about intent; they do not count towards
/// the length a keyword has to cover.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "can", "could", "do", "does", "for", "i", "in", "is", "it", "me", "my", "of", "on", "or",
    "our", "please", "that", "the", "there", "this", "to", "we", "what", "whats", "with", "you", "your",
];

/// One intent of intents.json.
#[derive(Debug, Clone, PartialEq)]
pub struct Intent {
    /// Its key (`greeting`).
    pub name: String,
    keywords: Vec<Vec<String>>,
    /// `None` when the intent has no `"reply"`: `main.py` raises `KeyError`
    /// when such an intent wins (the lessons' buggy commit).
    reply: Option<String>,
}

impl Intent {
    /// Its reply; `None` when intents.json gives it none.
    pub fn reply(&self) -> Option<&str> {
        self.reply.as_deref()
    }

    /// The first keyword, as words: what a test would send to check the intent.
    pub fn first_keyword(&self) -> Option<String> {
        self.keywords.first().map(|k| k.join(" "))
    }
}

/// `main.py`'s `[\u3400-\u9fff]`: each of these is a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}')
}

/// Python's `\w` in a `str` pattern: `str.isalnum()`, or `_`.
fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `main.py`'s `words`: the text lower-cased, ASCII apostrophes removed
/// (`what's` → `whats`; a curly `’` separates words), then each CJK
/// character and each run of other word characters, without filler.
pub fn tokens(text: &str) -> Vec<String> {
    let mut lower = String::with_capacity(text.len());
    for c in text.chars().filter(|c| *c != '\'') {
        super::case::push_lower(c, &mut lower);
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() && !STOP_WORDS.contains(&word.as_str()) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    for c in lower.chars() {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            if !STOP_WORDS.contains(&c.to_string().as_str()) {
                out.push(c.to_string());
            }
        } else if is_word(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Parses intents.json as `json.load` then `main.py` would use it.
pub fn load_intents(text: &str) -> Result<Vec<Intent>, String> {
    let doc = json_read::parse(text).map_err(|e| format!("json.decoder.JSONDecodeError: {e}"))?;
    let Value::Object(fields) = doc else {
        return Err(format!(
            "AttributeError: '{}' object has no attribute 'items' (intents.json must be an object of intents)",
            doc.type_name()
        ));
    };
    let mut intents = Vec::new();
    for (name, body) in fields {
        let shape = |what: &str| format!("TypeError: intents.json: intent '{name}': {what}");
        let Some(Value::Array(words)) = body.get("keywords") else {
            return Err(match body.get("keywords") {
                None => format!("KeyError: 'keywords' (intent '{name}' has no keywords)"),
                Some(v) => shape(&format!("keywords must be a list, not {}", v.type_name())),
            });
        };
        let mut keywords = Vec::new();
        for w in words {
            let Some(w) = w.as_str() else {
                return Err(shape(&format!("a keyword must be a str, not {}", w.type_name())));
            };
            let t = tokens(w);
            if !t.is_empty() {
                keywords.push(t);
            }
        }
        let reply = match body.get("reply") {
            None => None,
            Some(Value::Str(r)) => Some(r.clone()),
            Some(v) => return Err(shape(&format!("reply must be a str, not {}", v.type_name()))),
        };
        intents.push(Intent { name, keywords, reply });
    }
    Ok(intents)
}

/// Each intent's confidence: the share of the message's words its keywords
/// cover, rounded to two places. Deterministic, and easy to reason about in a
/// lesson: "is the pro plan worth it" is 1 of 3 words → 0.33.
pub fn scores(message: &str, intents: &[Intent]) -> Vec<(String, Score)> {
    let words = tokens(message);
    intents
        .iter()
        .map(|intent| {
            let mut covered = vec![false; words.len()];
            for kw in &intent.keywords {
                for start in 0..words.len().saturating_sub(kw.len() - 1) {
                    if words[start..start + kw.len()] == kw[..] {
                        covered[start..start + kw.len()].iter_mut().for_each(|c| *c = true);
                    }
                }
            }
            let hit = covered.iter().filter(|c| **c).count();
            let score = if words.is_empty() { Score(0) } else { Score::of(hit, words.len()) };
            (intent.name.clone(), score)
        })
        .collect()
}

/// A confidence as Python's `round(hit / total, 2)` gives it, kept as whole
/// hundredths so no float formatting is needed to print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(pub u32);

impl Score {
    /// `round(hit / total, 2)`: the division's exact binary value rounded to
    /// hundredths, ties to even (`round(1/8, 2)` is 0.12, `round(3/40, 2)` 0.07).
    pub fn of(hit: usize, total: usize) -> Self {
        let x = hit as f64 / total as f64;
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = u128::from(bits & ((1 << 52) - 1));
        if exp == 0 {
            return Self(0); // zero (or subnormal): rounds to 0.0
        }
        // x = m · 2^-shift exactly.
        let m = frac | (1 << 52);
        let shift = 1075 - exp;
        if shift <= 0 {
            return Self(100); // x ≥ 2^52: cannot happen for a share, but stay total
        }
        if shift >= 120 {
            return Self(0);
        }
        let n = 100 * m;
        let k = n >> shift;
        let rem = n & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let k = if rem > half || (rem == half && k % 2 == 1) { k + 1 } else { k };
        Self(u32::try_from(k).unwrap_or(u32::MAX))
    }

    /// The score as a float (for comparing with the threshold).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

/// Python's `repr` of the rounded float: `0.0`, `0.3`, `0.33`, `1.0`.
impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => write!(f, "{whole}.0"),
            h if h % 10 == 0 => write!(f, "{whole}.{}", h / 10),
            h => write!(f, "{whole}.{h:02}"),
        }
    }
}

/// Which of [`scores`]'s intents wins: the highest score above zero, ties to
/// the one listed first in intents.json (as `main.py`'s loop does).
pub fn winner(ranked: &[(String, Score)]) -> Option<usize> {
    let mut best: Option<(usize, Score)> = None;
    for (i, (_, score)) in ranked.iter().enumerate() {
        if score.0 > 0 && best.is_none_or(|(_, b)| *score > b) {
            best = Some((i, *score));
        }
    }
    best.map(|(i, _)| i)
}
