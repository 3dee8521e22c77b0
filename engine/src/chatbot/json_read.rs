//! JSON as Python's `json` module reads it, with its error messages
//! (`Expecting ',' delimiter: line 5 column 3 (char 70)`), because those are
//! what a learner sees when `intents.json` or a request body is broken.
//! Objects keep their keys in order, later duplicates winning, like `dict`.
//! Written here rather than using `serde_json` in the app: it is a fraction
//! of the size in the WebAssembly, and its errors are Python's.

/// A parsed value. Numbers keep their text: nothing here does arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true`/`false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in order (duplicates kept; the last wins on lookup).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object's value for `key` (the last one, as Python's dict keeps).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Python's type name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "NoneType",
            Self::Bool(_) => "bool",
            Self::Number(n) if n.contains(['.', 'e', 'E']) => "float",
            Self::Number(_) => "int",
            Self::Str(_) => "str",
            Self::Array(_) => "list",
            Self::Object(_) => "dict",
        }
    }
}

/// `json.decoder.JSONDecodeError`'s message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Python's message (`Expecting value`).
    pub msg: &'static str,
    /// The line (1-based).
    pub line: usize,
    /// The column (1-based).
    pub column: usize,
    /// Offset in characters, as Python counts.
    pub char: usize,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}: line {} column {} (char {})", self.msg, self.line, self.column, self.char)
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

/// Deep enough for any real file, shallow enough that recursion is safe.
const MAX_DEPTH: usize = 128;

/// Reads JSON as Python's `json.loads` does, or fails with its message.
pub fn parse(src: &str) -> Result<Value, DecodeError> {
    let mut p = Parser { src, pos: 0, depth: 0 };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.pos < src.len() {
        return Err(p.error("Extra data", p.pos));
    }
    Ok(v)
}

impl Parser<'_> {
    fn error(&self, msg: &'static str, at: usize) -> DecodeError {
        let before = &self.src[..at.min(self.src.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        DecodeError { msg, line, column, char: before.chars().count() }
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Value, DecodeError> {
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("null") => Ok(Value::Null),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            _ if self.eat("NaN") || self.eat("Infinity") => Ok(Value::Number(self.src[start..self.pos].to_string())),
            _ => Err(self.error("Expecting value", start)),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, DecodeError>) -> Result<Value, DecodeError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("maximum nesting depth exceeded", self.pos));
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn number(&mut self) -> Result<Value, DecodeError> {
        let start = self.pos;
        if self.eat("-Infinity") {
            return Ok(Value::Number("-Infinity".into()));
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > s
        };
        self.eat("-");
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("Expecting value", start));
        }
        // A fraction or exponent without digits ends the number before it, as Python's scanner does.
        let mark = self.pos;
        if self.eat(".") && !digits(self) {
            self.pos = mark;
        }
        let mark = self.pos;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                self.pos = mark;
            }
        }
        Ok(Value::Number(self.src[start..self.pos].to_string()))
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.src[self.pos..].chars().next() else {
                return Err(self.error("Unterminated string starting at", start));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    let esc_at = self.pos;
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.error("Unterminated string starting at", start));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4().ok_or_else(|| self.error("Invalid \\uXXXX escape", esc_at + 1))?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.src[self.pos..].starts_with("\\u") {
                                let save = self.pos;
                                self.pos += 2;
                                match self.hex4() {
                                    Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                    }
                                    _ => {
                                        self.pos = save;
                                        hi
                                    }
                                }
                            } else {
                                hi
                            };
                            // A lone surrogate has no UTF-8 form; Python keeps it, we show U+FFFD.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.error("Invalid \\escape", esc_at)),
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.error("Invalid control character at", self.pos)),
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.src.get(self.pos..self.pos + 4)?;
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        u32::from_str_radix(h, 16).ok()
    }

    fn array(&mut self) -> Result<Value, DecodeError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("Expecting ',' delimiter", self.pos));
            }
        }
    }

    fn object(&mut self) -> Result<Value, DecodeError> {
        self.pos += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.ws();
        if self.eat("}") {
            return Ok(Value::Object(fields));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("Expecting property name enclosed in double quotes", self.pos));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(":") {
                return Err(self.error("Expecting ':' delimiter", self.pos));
            }
            self.ws();
            let v = self.value()?;
            match fields.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = v,
                None => fields.push((key, v)),
            }
            self.ws();
            if self.eat("}") {
                return Ok(Value::Object(fields));
            }
            if !self.eat(",") {
                return Err(self.error("Expecting ',' delimiter", self.pos));
            }
            self.ws();
        }
    }
}

/// A JSON string literal as Starlette writes responses (`ensure_ascii=False`).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        parse(src).unwrap_err().to_string()
    }

    /// Each message checked against `json.loads` in `CPython` 3.11.
    #[test]
    fn errors_read_like_pythons() {
        assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(err("{\"a\": 1,}"), "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)");
        assert_eq!(err("{\n  \"a\": [1 2]\n}"), "Expecting ',' delimiter: line 2 column 11 (char 12)");
        assert_eq!(err("{\"a\" 1}"), "Expecting ':' delimiter: line 1 column 6 (char 5)");
        assert_eq!(err("[1] x"), "Extra data: line 1 column 5 (char 4)");
        assert_eq!(err("\"abc"), "Unterminated string starting at: line 1 column 1 (char 0)");
        assert_eq!(err("\"a\\x\""), "Invalid \\escape: line 1 column 3 (char 2)");
        assert_eq!(err("\"a\nb\""), "Invalid control character at: line 1 column 3 (char 2)");
        assert_eq!(err("hello"), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(err("[1.]"), "Expecting ',' delimiter: line 1 column 3 (char 2)");
        assert_eq!(err("[1.5e]"), "Expecting ',' delimiter: line 1 column 5 (char 4)");
        assert_eq!(err("[01]"), "Expecting ',' delimiter: line 1 column 3 (char 2)");
        assert_eq!(err("-"), "Expecting value: line 1 column 1 (char 0)");
    }

    #[test]
    fn reads_values_in_order_with_later_duplicates_winning() {
        let v = parse(r#"{"b": [1, -2.5e3, true, null], "a": "x\u00e9\ud83d\ude00\n", "b": "again"}"#).unwrap();
        let Value::Object(fields) = &v else { panic!("{v:?}") };
        assert_eq!(fields.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(v.get("a").and_then(Value::as_str), Some("xé😀\n"));
        assert_eq!(v.get("b").and_then(Value::as_str), Some("again"));
    }

    #[test]
    fn quotes_like_starlette() {
        assert_eq!(quote("a\"b\\\n你"), "\"a\\\"b\\\\\\n你\"");
        assert_eq!(quote("\u{1}"), "\"\\u0001\"");
    }
}
