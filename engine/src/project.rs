//! The guide's chatbot project: the files of the default start's first commit.

use crate::repo::Tree;

/// The guide's `main.py`.
pub const MAIN_PY: &str = r#"import json
import logging
import os
import re

import uvicorn
from dotenv import load_dotenv
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

# APP_ENV picks the profile; a variable already set in the environment wins.
APP_ENV = os.getenv("APP_ENV", "development")
load_dotenv(f".env.{APP_ENV}")
DEBUG = os.getenv("API_DEBUG", "false") == "true"
THRESHOLD = float(os.getenv("CONFIDENCE_THRESHOLD", "0.5"))
logging.basicConfig(level=os.getenv("LOG_LEVEL", "INFO"))

app = FastAPI(debug=DEBUG)
origins = os.getenv("CORS_ORIGINS", "").split(",")
app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["*"], allow_headers=["*"])
INTENTS = json.load(open("intents.json"))
FALLBACK = "Sorry, I didn't catch that. Could you rephrase?"
# Where the data lives: the platform sets DATABASE_URL for each environment;
# on your machine nothing does, so the app uses a file of fake test data.
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///fake-test-data.db")
# Which APIs it integrates with follows BACKEND_API_URL (mock, test or live).
BACKEND_API_URL = os.getenv("BACKEND_API_URL", "http://127.0.0.1:8000")


class ChatRequest(BaseModel):
    message: str


STOP_WORDS = {"a", "an", "and", "are", "can", "could", "do", "does", "for", "i", "in", "is", "it", "me",
              "my", "of", "on", "or", "our", "please", "that", "the", "there", "this", "to", "we", "what",
              "whats", "with", "you", "your"}


def words(text):
    """Lower-case words without filler; each Chinese character is a word."""
    found = re.findall(r"[\u3400-\u9fff]|[^\W\u3400-\u9fff]+", text.lower().replace("'", ""))
    return [w for w in found if w not in STOP_WORDS]


def classify(message):
    """Each intent's confidence: the share of the message's words its keywords cover."""
    msg = words(message)
    best, best_score = None, 0.0
    for name, intent in INTENTS.items():
        covered = set()
        for keyword in map(words, intent["keywords"]):
            for i in range(len(msg) - len(keyword) + 1):
                if keyword and msg[i:i + len(keyword)] == keyword:
                    covered.update(range(i, i + len(keyword)))
        score = round(len(covered) / len(msg), 2) if msg else 0.0
        if score > best_score:
            best, best_score = name, score
    return best, best_score


@app.get("/")
def configuration_check():
    info = {"environment": APP_ENV, "debug": DEBUG,
            "version": os.getenv("RAILWAY_GIT_COMMIT_SHA", "dev")[:7],
            "branch": os.getenv("RAILWAY_GIT_BRANCH", "local")}
    if DEBUG:  # debug info tells anyone who asks where the data and APIs are
        info["database"] = DATABASE_URL
        info["backend"] = BACKEND_API_URL
    return info


@app.post("/chat")
def chat(body: ChatRequest):
    intent, confidence = classify(body.message)
    if confidence < THRESHOLD:
        return {"intent": None, "confidence": confidence, "reply": FALLBACK}
    reply = INTENTS[intent]["reply"]
    return {"intent": intent, "confidence": confidence, "reply": reply}


if __name__ == "__main__":
    uvicorn.run(app, host=os.getenv("API_HOST", "127.0.0.1"), port=8000)
"#;

/// The guide's `intents.json`.
pub const INTENTS_JSON: &str = r#"{
  "greeting": {
    "keywords": ["hello", "hi", "hey", "good morning"],
    "reply": "Hi! How can I help you today?"
  },
  "pricing": {
    "keywords": ["price", "pricing", "cost", "how much", "plan"],
    "reply": "Our plans start at $9 a month."
  },
  "human_handoff": {
    "keywords": ["human", "agent", "person", "support"],
    "reply": "Connecting you with a member of our team."
  }
}
"#;

/// The project's README.
pub const README_MD: &str = "# Smart Chatbot\n\nA small chatbot API. Run it locally with `python main.py`.\n";

/// The guide's `.env.development`.
pub const ENV_DEVELOPMENT: &str = "# Loose security for debugging
API_DEBUG=true
CORS_ORIGINS=*
LOG_LEVEL=DEBUG
CONFIDENCE_THRESHOLD=0.3 # Lower threshold for testing
# Local connections
API_HOST=127.0.0.1
BACKEND_API_URL=http://127.0.0.1:8000
";

/// The guide's `.env.staging`.
pub const ENV_STAGING: &str = "# Production-like but safer
API_DEBUG=true # Still debug for testing
CORS_ORIGINS=https://staging-app.netlify.app
LOG_LEVEL=INFO
CONFIDENCE_THRESHOLD=0.5 # Production-like threshold
# Staging URLs
API_HOST=0.0.0.0
BACKEND_API_URL=https://staging-chatbot.railway.app
";

/// The guide's `.env.production`.
pub const ENV_PRODUCTION: &str = "# Tight security and performance
API_DEBUG=false
CORS_ORIGINS=https://smart-chatbot-demo.netlify.app
LOG_LEVEL=ERROR # Only log errors
CONFIDENCE_THRESHOLD=0.5 # Optimized threshold
# Production URLs
API_HOST=0.0.0.0
BACKEND_API_URL=https://smart-chatbot.railway.app
";

/// The tree of the default start's "Initial commit".
pub fn initial_tree() -> Tree {
    [
        (".env.development", ENV_DEVELOPMENT),
        (".env.production", ENV_PRODUCTION),
        (".env.staging", ENV_STAGING),
        ("README.md", README_MD),
        ("intents.json", INTENTS_JSON),
        ("main.py", MAIN_PY),
    ]
    .into_iter()
    .fold(Tree::new(), |mut t, (p, b)| {
        t.insert(p.to_string(), b.to_string());
        t
    })
}

/// A prepared change to the working tree (`edit NAME`): the guide's features,
/// and the lessons' buggy commit and its fix. Edits work on the text, so they
/// compose and their diffs stay small.
pub struct Edit {
    /// `edit NAME`'s NAME.
    pub name: &'static str,
    /// What it changes, in a line.
    pub about: &'static str,
    /// The file it changes.
    pub file: &'static str,
    /// The change (or why it cannot be made).
    pub apply: fn(&mut String) -> Result<(), String>,
}

const PRODUCT_INQUIRY: &str = r#"  "product_inquiry": {
    "keywords": ["product", "features", "what does it do", "demo", "integrations"],
    "reply": "Smart Chatbot answers your customers around the clock. Want a demo?"
  },
"#;

const HANDOFF_REPLY: &str = r#""reply": "Connecting you with a member of our team.""#;
const HANDOFF_BROKEN: &str = r#""replies": ["Connecting you with a member of our team."]"#;

fn replace_once(text: &mut String, from: &str, to: &str, already: &str) -> Result<(), String> {
    if text.contains(to) {
        return Err(already.into());
    }
    if !text.contains(from) {
        return Err(
            "intents.json no longer has the lines this edit changes; edit it by hand (echo … > intents.json)".into()
        );
    }
    *text = text.replacen(from, to, 1);
    Ok(())
}

/// Every prepared edit.
pub const EDITS: &[Edit] = &[
    Edit {
        name: "product-inquiry",
        about: "add a product inquiry intent (the guide's feature/new-chatbot-intent)",
        file: "intents.json",
        apply: |t| {
            let to = format!("{PRODUCT_INQUIRY}  \"pricing\": {{");
            replace_once(t, "  \"pricing\": {", &to, "intents.json already has product_inquiry")
        },
    },
    Edit {
        name: "chinese-keywords",
        about: "add Chinese keywords (the guide's feature/chinese-voice-support)",
        file: "intents.json",
        apply: |t| {
            replace_once(
                t,
                "\"good morning\"]",
                "\"good morning\", \"你好\", \"您好\"]",
                "the Chinese keywords are already there",
            )?;
            replace_once(t, "\"plan\"]", "\"plan\", \"价格\", \"多少钱\"]", "the Chinese keywords are already there")?;
            replace_once(
                t,
                "\"support\"]",
                "\"support\", \"人工\", \"客服\"]",
                "the Chinese keywords are already there",
            )
        },
    },
    Edit {
        name: "handoff-bug",
        about: "a refactor with a bug: human_handoff's \"reply\" becomes \"replies\" (main.py still reads \"reply\")",
        file: "intents.json",
        apply: |t| replace_once(t, HANDOFF_REPLY, HANDOFF_BROKEN, "the handoff bug is already in intents.json"),
    },
    Edit {
        name: "handoff-fix",
        about: "fix the handoff bug: human_handoff gets its \"reply\" back",
        file: "intents.json",
        apply: |t| replace_once(t, HANDOFF_BROKEN, HANDOFF_REPLY, "human_handoff already has its reply"),
    },
];

/// Why `edit` did nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// `edit` with no name, or more than one.
    #[error("usage: edit NAME\n{0}")]
    Usage(String),
    /// No prepared edit has this name.
    #[error("edit: no prepared edit named '{0}'; these exist:\n{1}")]
    Unknown(String, String),
    /// The file the edit changes is gone.
    #[error("edit: {0} does not exist in the working tree")]
    NoFile(&'static str),
    /// The file no longer has what the edit changes, or has it already.
    #[error("edit: {0}")]
    NotApplicable(String),
}

/// `edit NAME`: makes one of the guide's prepared changes in the working
/// tree, standing in for an editor.
pub fn edit(work: &mut Tree, name: Option<&str>) -> Result<String, EditError> {
    let list = || EDITS.iter().map(|e| format!("  {:<18} {}", e.name, e.about)).collect::<Vec<_>>().join("\n");
    let Some(name) = name else { return Err(EditError::Usage(list())) };
    let Some(edit) = EDITS.iter().find(|e| e.name == name) else {
        return Err(EditError::Unknown(name.to_string(), list()));
    };
    let Some(file) = work.get_mut(edit.file) else { return Err(EditError::NoFile(edit.file)) };
    (edit.apply)(file).map_err(EditError::NotApplicable)?;
    Ok(format!("edited {}: {}", edit.file, edit.about))
}
