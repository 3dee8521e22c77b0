//! A JSON object writer that keeps keys in the order written, as Python's
//! `dict` (and so `FastAPI`'s responses) does; `serde_json::Map` would sort them.
//! Strings are quoted as Starlette writes them ([`quote`]).

use super::json_read::quote;

/// A JSON object written key by key, in order, as Starlette's `JSONResponse` writes it.
#[derive(Debug, Default)]
#[must_use]
pub struct Obj(String);

impl Obj {
    /// `{}`.
    pub fn new() -> Self {
        Self::default()
    }

    fn key(mut self, k: &str) -> Self {
        self.0.push(if self.0.is_empty() { '{' } else { ',' });
        self.0.push_str(&quote(k));
        self.0.push(':');
        self
    }

    /// Adds a string.
    pub fn str(self, k: &str, v: &str) -> Self {
        let mut o = self.key(k);
        o.0.push_str(&quote(v));
        o
    }

    /// Adds a boolean.
    pub fn bool(self, k: &str, v: bool) -> Self {
        self.raw(k, if v { "true" } else { "false" })
    }

    /// Adds `null`.
    pub fn null(self, k: &str) -> Self {
        self.raw(k, "null")
    }

    /// A value already written as JSON.
    pub fn raw(self, k: &str, json: &str) -> Self {
        let mut o = self.key(k);
        o.0.push_str(json);
        o
    }

    /// The finished text.
    pub fn finish(mut self) -> String {
        if self.0.is_empty() {
            self.0.push('{');
        }
        self.0.push('}');
        self.0
    }
}

/// A parsed value written back as Python's `json.dumps` (and so `FastAPI`)
/// writes the object it read: a key given twice keeps its first place and
/// its last value, as a `dict` does.
pub fn value(v: &super::json_read::Value) -> String {
    use super::json_read::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.clone(),
        Value::Str(s) => quote(s),
        Value::Array(items) => format!("[{}]", items.iter().map(value).collect::<Vec<_>>().join(",")),
        Value::Object(fields) => {
            let mut keys: Vec<&String> = Vec::new();
            for (k, _) in fields {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            keys.into_iter().fold(Obj::new(), |o, k| o.raw(k, &v.get(k).map_or_else(|| "null".into(), value))).finish()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_escapes() {
        let o = Obj::new().str("z", "a\"b").bool("a", true).raw("n", "1.0").null("x").finish();
        assert_eq!(o, r#"{"z":"a\"b","a":true,"n":1.0,"x":null}"#);
        assert_eq!(Obj::new().finish(), "{}");
    }
}
