//! A world as a JSON file to export and import:
//! `{"format": "branch-to-prod/world", "version": 1, "start": "sandbox",
//! "lines": ["git status", …]}`. Read with the engine's own JSON reader, so
//! a broken file says where, as Python would.

use super::{Record, ShareError, Start};
use crate::chatbot::json_read::{self, Value};

/// The `format` every file carries.
pub const FORMAT: &str = "branch-to-prod/world";
/// The version this app writes.
pub const VERSION: u32 = 1;
/// The largest file we read.
pub const MAX_FILE: usize = 4 * 1024 * 1024;

/// The file for `record`.
pub fn export(record: &Record) -> String {
    let lines: Vec<String> = record.lines.iter().map(|l| format!("    {}", json_read::quote(l))).collect();
    format!(
        "{{\n  \"format\": {},\n  \"version\": {VERSION},\n  \"start\": {},\n  \"lines\": [\n{}\n  ]\n}}\n",
        json_read::quote(FORMAT),
        json_read::quote(&record.start.name()),
        lines.join(",\n")
    )
}

/// Reads a file written by [`export`].
pub fn import(text: &str) -> Result<Record, ShareError> {
    if text.trim().is_empty() {
        return Err(ShareError::Empty);
    }
    if text.len() > MAX_FILE {
        return Err(ShareError::TooLong(text.len()));
    }
    let value = json_read::parse(text).map_err(|e| ShareError::Damaged(format!("it is not valid JSON ({e})")))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ShareError::Foreign);
    }
    match version(&value) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(ShareError::Newer(v)),
        _ => return Err(ShareError::Damaged("its version is not a number we know".into())),
    }
    let start = value
        .get("start")
        .and_then(Value::as_str)
        .and_then(Start::parse)
        .ok_or_else(|| ShareError::Damaged("its \"start\" is not the sandbox or a lesson".into()))?;
    let lines = strings(value.get("lines"))
        .ok_or_else(|| ShareError::Damaged("its \"lines\" are not a list of commands".into()))?;
    Record { start, lines }.checked()
}

/// A whole-number field's value.
pub(super) fn version(value: &Value) -> Option<u32> {
    match value.get("version") {
        Some(Value::Number(n)) => n.parse().ok(),
        _ => None,
    }
}

/// A list of strings, or nothing.
pub(super) fn strings(value: Option<&Value>) -> Option<Vec<String>> {
    match value {
        Some(Value::Array(items)) => items.iter().map(|v| v.as_str().map(String::from)).collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn files_round_trip_and_bad_ones_say_why() {
        let record = Record {
            start: Start::Lesson("integration".into()),
            lines: vec!["git status".into(), "echo '\"</script>\n' > x".into()],
        };
        let text = export(&record);
        assert!(text.contains("\"start\": \"lesson:integration\""), "{text}");
        assert_eq!(import(&text).unwrap(), record);
        let msg = |t: &str| import(t).unwrap_err().to_string();
        assert_eq!(msg(""), "is empty");
        assert!(msg("{").starts_with("is damaged: it is not valid JSON (Expecting property name"), "{}", msg("{"));
        assert_eq!(import("{\"format\": \"other\"}"), Err(ShareError::Foreign));
        assert_eq!(import(&text.replace("\"version\": 1", "\"version\": 7")), Err(ShareError::Newer(7)));
        assert!(msg(&text.replace("lesson:integration", "lesson:../etc")).contains("\"start\""));
        assert!(msg(&text.replace("\"git status\"", "3")).contains("\"lines\""));
    }

    proptest! {
        #[test]
        fn any_text_imports_or_fails_cleanly(text in "\\PC{0,80}") {
            let _ = import(&text);
            let _ = import(&format!("{{\"format\": \"{FORMAT}\", \"version\": 1, \"start\": \"sandbox\", \"lines\": [{text}]}}"));
        }
    }
}
