"""Reads a JSON list of .env texts on stdin and prints, for each, what
python-dotenv's load_dotenv would put in the environment: the values of
dotenv_values() that are not None (a bare `KEY` sets nothing)."""
import io
import json
import sys

from dotenv import dotenv_values

texts = json.load(sys.stdin)
out = []
for text in texts:
    values = dotenv_values(stream=io.StringIO(text), interpolate=False)
    out.append({k: v for k, v in values.items() if v is not None})
json.dump(out, sys.stdout)
