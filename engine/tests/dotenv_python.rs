//! The `.env` parser against python-dotenv — the library the real `main.py`
//! loads its profile with — over the edge cases a learner's file can have.
//! What the app would see (`load_dotenv`, no interpolation: the tree's files
//! use none) must be what the tutor reads. `make test` provides the pinned
//! python-dotenv (`make python-tools`, tests/python/requirements.txt) and
//! points `B2P_PYTHON` at it.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

const CASES: &[&str] = &[
    "A=1",
    "A=1\nB=2",
    "A=",
    "A=   # comment",
    "A=\t# comment",
    "A= # comment\nB=2",
    "A=#not-a-comment",
    "A=x#y",
    "A=x #y",
    "A=x\t#y",
    "A=x # y # z",
    "A = spaced",
    "A  =  spaced  ",
    "  A=indented",
    "\tA=tab-indented",
    "export A=1",
    "export\tA=1",
    "export  A=1",
    "export A = 1",
    "exportA=1",
    "A='single'",
    "A=\"double\"",
    "A='with # hash'",
    "A=\"with # hash\"",
    "A='x' # after",
    "A=\"x\" # after",
    "A=\"a\\nb\"",
    "A='a\\nb'",
    "A=\"a\\\"b\"",
    "A=\"tab\\there\"",
    "A=\"back\\\\slash\"",
    "A=\"multi\nline\"",
    "A='multi\nline'",
    "A=\"\"",
    "A=''",
    "A=\"unterminated",
    "A='unterminated",
    "A=\"x\" junk",
    "A=unquoted with spaces",
    "A=trailing spaces   ",
    "A=1\nA=2",
    "# only a comment",
    "#A=1",
    "  # indented comment\nA=1",
    "",
    "\n\n\nA=1\n\n",
    "A=1\r\nB=2\r\n",
    "\u{feff}A=1",
    "A",
    "A\nB=2",
    "=value",
    "1A=digit-first",
    "A-B=dash",
    "A.B=dot",
    "_A=underscore",
    "a=lower",
    "A=é unicode 中文",
    "A=\"é\"",
    "A=http://localhost:8000",
    "CORS_ORIGINS=https://a.example,https://b.example",
    "A==double-equals",
    "A=x=y",
    "API_DEBUG=true # Debug mode ON",
    "LOG_LEVEL=DEBUG  # Verbose logging",
    "CONFIDENCE_THRESHOLD=0.3 # Lower threshold for testing",
    "A=1 \nB=2\t",
    "A=\"  padded  \"",
    "A='  padded  '",
    "A=  leading",
    "A=\"x\"\"y\"",
    "A=\\#escaped",
    "A=\"line1\\r\\nline2\"",
    "export",
    "export A",
    "A=$HOME",
    "'A'=quoted-key",
    "A B=space-in-key",
    "A#B=hash-in-key",
    "export\tA=1\nexport\t\tB=2",
];

fn python_values(texts: &[&str]) -> Vec<BTreeMap<String, String>> {
    let python = std::env::var("B2P_PYTHON").unwrap_or_else(|_| {
        panic!("this test runs python-dotenv: run it through `make test` (which builds .venv), or set B2P_PYTHON to a Python with python-dotenv 1.2.4")
    });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/python/dotenv_values.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run python");
    let input = serde_json::to_string(texts).expect("json");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("python ran");
    assert!(out.status.success(), "python-dotenv failed");
    serde_json::from_slice(&out.stdout).expect("python's JSON")
}

#[test]
fn reads_every_case_as_python_dotenv_does() {
    let theirs = python_values(CASES);
    let mut differ = Vec::new();
    for (text, want) in CASES.iter().zip(&theirs) {
        let parsed = engine::config::dotenv::parse(".env", text);
        let mut ours = BTreeMap::new();
        for e in parsed.entries {
            ours.insert(e.key, e.value);
        }
        if &ours != want {
            differ.push(format!("{text:?}\n    ours:   {ours:?}\n    python: {want:?}"));
        }
    }
    println!("dotenv: {} files compared with python-dotenv", CASES.len());
    assert!(differ.is_empty(), "{} of {} differ:\n{}", differ.len(), CASES.len(), differ.join("\n"));
}
