//! The share link: a [`Record`] in a URL fragment (`/sandbox#w=…`), so no
//! server ever sees it. `w=` then URL-safe base64 of one format byte and the
//! record, LZ-compressed against a dictionary of the guide's own commands —
//! the guide's whole flow fits in a chat message.
//!
//! Format 1, before compression: the start's name, the number of lines, then
//! each line; every string is its byte length (LEB128) then UTF-8. A new
//! format gets a new number; this decoder refuses later ones by name.

use super::lz::{self, varint};
use super::{Record, ShareError, Start, base64};

/// The format this version writes.
pub const FORMAT: u8 = 1;
/// The longest fragment value we accept, in characters.
pub const MAX_LINK: usize = 96 * 1024;
/// The most a link unpacks to.
const MAX_BODY: usize = 1024 * 1024;
/// The fragment key.
pub const KEY: &str = "w=";

/// Words the guide's learners type most: a copy from here costs two bytes.
/// Part of format 1: changing it needs a new format number.
const DICTIONARY: &[u8] = b"sandbox lesson:feature-development \
APP_ENV=staging python main.py curl https://smart-chatbot.railway.app/ \
curl -X POST localhost:8000/chat -H 'Content-Type: application/json' -d '{\"message\": \"\"}' \
gh pr create --base development --title '' --body '' @teammate gh pr review 1 --approve gh pr merge 1 --merge \
edit product-inquiry git commit -m 'Add product inquiry intent' \
git checkout -b feature/new-chatbot-intent development git push -u origin feature/new-chatbot-intent \
git merge development git checkout main git push origin main deploy production git add .";

/// The fragment value (`w=…`) for `record`.
pub fn encode(record: &Record) -> String {
    pack(&record.start.name(), &record.lines)
}

fn pack(start: &str, lines: &[String]) -> String {
    let mut body = Vec::new();
    put(&mut body, start.as_bytes());
    varint(&mut body, lines.len());
    for line in lines {
        put(&mut body, line.as_bytes());
    }
    let mut bytes = vec![FORMAT];
    bytes.extend(lz::compress(DICTIONARY, &body));
    format!("{KEY}{}", base64::encode(&bytes))
}

/// Reads a fragment value (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<Record, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK {
        return Err(ShareError::TooLong(fragment.len()));
    }
    let coded = fragment.strip_prefix(KEY).ok_or(ShareError::Foreign)?.trim_end();
    let bytes = base64::decode(coded).map_err(|e| ShareError::Damaged(e.to_string()))?;
    let (&format, packed) = bytes.split_first().ok_or(ShareError::Empty)?;
    if format > FORMAT {
        return Err(ShareError::Newer(format.into()));
    }
    if format != FORMAT {
        return Err(ShareError::Foreign);
    }
    let body = lz::decompress(DICTIONARY, packed, MAX_BODY).map_err(|e| ShareError::Damaged(e.to_string()))?;
    let mut r = Reader { bytes: &body, pos: 0 };
    let start = r.string()?;
    let start = Start::parse(&start)
        .ok_or_else(|| ShareError::Damaged(format!("it starts at “{start}”, which is no place here")))?;
    let count = r.varint()?;
    if count > super::MAX_LINES {
        return Err(ShareError::TooManyLines(count));
    }
    let lines = (0..count).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
    if r.pos != body.len() {
        return Err(ShareError::Damaged("it has bytes after its last command".into()));
    }
    Record { start, lines }.checked()
}

fn put(out: &mut Vec<u8>, s: &[u8]) {
    varint(out, s.len());
    out.extend_from_slice(s);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn cut() -> ShareError {
        ShareError::Damaged("it ends in the middle (was it cut off when it was copied?)".into())
    }

    fn varint(&mut self) -> Result<usize, ShareError> {
        let mut n = 0usize;
        for shift in (0..28).step_by(7) {
            let b = *self.bytes.get(self.pos).ok_or_else(Self::cut)?;
            self.pos += 1;
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(ShareError::Damaged("a length is impossibly large".into()))
    }

    fn string(&mut self) -> Result<String, ShareError> {
        let len = self.varint()?;
        let end = self.pos.checked_add(len).filter(|e| *e <= self.bytes.len()).ok_or_else(Self::cut)?;
        let s = std::str::from_utf8(&self.bytes[self.pos..end])
            .map_err(|_| ShareError::Damaged("a command is not text".into()))?;
        self.pos = end;
        Ok(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn guide_flow() -> Record {
        let lines = [
            "git checkout -b feature/new-chatbot-intent development",
            "edit product-inquiry",
            "git add .",
            "git commit -m 'Add product inquiry intent'",
            "python main.py",
            "curl -X POST localhost:8000/chat -H 'Content-Type: application/json' -d '{\"message\": \"which product features do you have?\"}'",
            "stop",
            "git push -u origin feature/new-chatbot-intent",
            "gh pr create --base development --title 'Add product inquiry intent' --body ''",
            "@teammate gh pr review 1 --approve",
            "gh pr merge 1 --merge",
            "git checkout development",
            "git pull",
            "curl https://dev-chatbot.railway.app/",
            "git checkout main",
            "git merge development",
            "git push",
            "curl -X POST https://staging-chatbot.railway.app/chat -H 'Content-Type: application/json' -d '{\"message\": \"which product features do you have?\"}'",
            "deploy production",
            "curl https://smart-chatbot.railway.app/",
        ];
        Record { start: Start::Sandbox, lines: lines.map(String::from).to_vec() }
    }

    #[test]
    fn the_guides_flow_fits_in_a_chat_message() {
        let record = guide_flow();
        let link = encode(&record);
        let raw: usize = record.lines.iter().map(|l| l.len() + 1).sum();
        eprintln!("guide flow: {} characters for {raw} bytes of commands", link.len());
        assert!(link.len() < 400, "{} characters for {raw} bytes of commands: {link}", link.len());
        assert_eq!(decode(&link).unwrap(), record);
        assert_eq!(decode(&format!("#{link}")).unwrap(), record);
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let link = encode(&guide_flow());
        let msg = |l: &str| decode(l).unwrap_err().to_string();
        assert_eq!(decode(""), Err(ShareError::Foreign));
        assert_eq!(decode("w="), Err(ShareError::Empty));
        assert_eq!(decode("#main"), Err(ShareError::Foreign));
        assert!(msg(&link[..link.len() / 2]).contains("cut off"), "{}", msg(&link[..link.len() / 2]));
        assert!(msg(&format!("{link}<script>")).contains("never has"));
        assert_eq!(decode("w=Ag"), Err(ShareError::Newer(2)));
        assert_eq!(decode("w=AA"), Err(ShareError::Foreign));
        assert_eq!(decode(&format!("w={}", "A".repeat(MAX_LINK))), Err(ShareError::TooLong(MAX_LINK + 2)));
        // A start that could climb out of /lesson/ is no place.
        assert!(msg(&pack("lesson:../admin", &[])).contains("no place"));
        assert!(msg(&pack("<img src=x onerror=alert(1)>", &[])).contains("no place"));
    }

    proptest! {
        #[test]
        fn any_record_round_trips(id in "[a-z0-9-]{1,20}", lines in proptest::collection::vec("\\PC{0,60}", 0..30)) {
            let record = Record { start: Start::Lesson(id), lines };
            prop_assert_eq!(decode(&encode(&record)).unwrap(), record);
        }
    }
}
