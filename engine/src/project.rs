//! The guide's chatbot project: the files of the default start's first commit.

use crate::repo::Tree;

pub const MAIN_PY: &str = r#"import json
import os

from dotenv import load_dotenv
from fastapi import FastAPI

# APP_ENV picks the profile: .env.development unless told otherwise.
APP_ENV = os.getenv("APP_ENV", "development")
load_dotenv(f".env.{APP_ENV}")

app = FastAPI(debug=os.getenv("API_DEBUG") == "true")
INTENTS = json.load(open("intents.json"))
THRESHOLD = float(os.getenv("CONFIDENCE_THRESHOLD", "0.5"))


@app.get("/")
def configuration_check():
    return {"environment": APP_ENV, "debug": app.debug}


@app.post("/chat")
def chat(message: str):
    intent, confidence = classify(message, INTENTS)
    if confidence < THRESHOLD:
        return {"reply": "Sorry, I didn't catch that. Could you rephrase?"}
    return {"intent": intent, "confidence": confidence, "reply": INTENTS[intent]["reply"]}
"#;

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

pub const README_MD: &str = "# Smart Chatbot\n\nA small chatbot API. Run it locally with `python main.py`.\n";

pub const ENV_DEVELOPMENT: &str = "# Loose security for debugging
API_DEBUG=true
CORS_ORIGINS=*
LOG_LEVEL=DEBUG
CONFIDENCE_THRESHOLD=0.3 # Lower threshold for testing
# Local connections
API_HOST=127.0.0.1
BACKEND_API_URL=http://127.0.0.1:8000
";

pub const ENV_STAGING: &str = "# Production-like but safer
API_DEBUG=true # Still debug for testing
CORS_ORIGINS=https://staging-app.netlify.app
LOG_LEVEL=INFO
CONFIDENCE_THRESHOLD=0.5 # Production-like threshold
# Staging URLs
API_HOST=0.0.0.0
BACKEND_API_URL=https://staging-chatbot.railway.app
";

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
    .map(|(p, b)| (p.to_string(), b.to_string()))
    .collect()
}
