// A static server that behaves like Netlify for dist/: it applies the rules of
// dist/_headers (so the production CSP is enforced in tests) and the SPA
// fallback of dist/_redirects without shadowing real files.
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
};

const COMPRESSED = new Set([".html", ".js", ".wasm", ".css", ".svg", ".json", ".md"]);
const brotliCache = new Map();
function brotli(file, bytes) {
  if (!brotliCache.has(file)) {
    brotliCache.set(file, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return brotliCache.get(file);
}

/** Parses Netlify's `_headers`: a path pattern line, then indented `Name: value` lines. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
    } else if (rules.length) {
      const i = line.indexOf(":");
      rules.at(-1).headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

function matches(pattern, path) {
  const re = new RegExp("^" + pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$");
  return re.test(path);
}

export function startServer(dist, port = 0) {
  const headerRules = parseHeaders(readFileSync(join(dist, "_headers"), "utf8"));
  const spa = existsSync(join(dist, "_redirects")) && /\/\*\s+\/index\.html\s+200/.test(readFileSync(join(dist, "_redirects"), "utf8"));
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(normalize(dist))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      if (!spa) {
        res.writeHead(404).end("not found");
        return;
      }
      file = join(dist, "index.html");
    }
    const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
    for (const rule of headerRules) if (matches(rule.pattern, path)) Object.assign(headers, rule.headers);
    let body = readFileSync(file);
    // As Netlify does: text and wasm travel brotli-compressed to browsers that accept it.
    if (COMPRESSED.has(extname(file)) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = brotli(file, body);
      headers["Content-Encoding"] = "br";
      headers["Vary"] = "Accept-Encoding";
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer(process.argv[2] ?? "dist", Number(process.argv[3] ?? 8080));
  console.log(`serving on http://127.0.0.1:${server.address().port}`);
}
