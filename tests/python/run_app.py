"""Runs the tree's real main.py and sends it requests.

Reads {"dir", "env", "requests": [{"method", "path", "headers", "body"}]} on
stdin; imports main.py from "dir" with exactly "env" as the environment (plus
PATH), sends each request through FastAPI's TestClient, and prints for each
{"status", "headers" (the ones compared), "body"} as JSON."""
import json
import os
import sys

spec = json.load(sys.stdin)
path = os.environ.get("PATH", "")
os.environ.clear()
os.environ["PATH"] = path
os.environ.update(spec["env"])
os.chdir(spec["dir"])
sys.path.insert(0, spec["dir"])

import main  # noqa: E402  (the app under test: it reads its .env on import)
from fastapi.testclient import TestClient  # noqa: E402

COMPARED = ["access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
            "access-control-max-age", "access-control-allow-credentials", "vary", "allow", "content-type"]

client = TestClient(main.app, raise_server_exceptions=False)
out = []
for r in spec["requests"]:
    body = r.get("body")
    resp = client.request(r["method"], r["path"], headers=r.get("headers", {}),
                          content=body.encode() if body is not None else None)
    out.append({"status": resp.status_code,
                "headers": {k: resp.headers[k] for k in COMPARED if k in resp.headers},
                "body": resp.text})
json.dump(out, sys.stdout)
