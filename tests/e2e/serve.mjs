// A static server that behaves as Netlify does for dist/, from the very
// files Netlify reads: the redirects of netlify.toml (rules in order, first
// match wins, never shadowing a file that exists; an unmatched missing path
// is a 404 with dist/404.html) and the header rules of dist/_headers (and of
// netlify.toml's [[headers]], if it ever has any). A header declared by two
// matching rules is an error here, because Netlify's merge of the two is not
// what anyone means.
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { parse as parseToml } from "smol-toml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSED = new Set([".html", ".js", ".wasm", ".css", ".svg", ".json", ".md", ".txt", ".lesson"]);
const brotliCache = new Map();
function brotli(key, bytes) {
  if (!brotliCache.has(key)) {
    brotliCache.set(key, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return brotliCache.get(key);
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

/** netlify.toml's redirects and header rules. */
export function readNetlifyToml(path = join(ROOT, "netlify.toml")) {
  const toml = parseToml(readFileSync(path, "utf8"));
  const redirects = (toml.redirects ?? []).map((r) => ({ from: r.from, to: r.to, status: r.status ?? 301, force: r.force ?? false }));
  const headers = (toml.headers ?? []).map((h) => ({ pattern: h.for, headers: h.values ?? {} }));
  return { toml, redirects, headers };
}

/** Netlify's path patterns: `*` matches the rest, `:name` one segment. */
function matches(pattern, path) {
  const re = new RegExp(
    "^" +
      pattern
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/:[a-z]+/g, "[^/]+") +
      "$",
  );
  return re.test(path);
}

export function startServer(dist, port = 0, { overrides = new Map(), requests = null } = {}) {
  const { redirects, headers: tomlHeaders } = readNetlifyToml();
  const headerRules = [...tomlHeaders, ...parseHeaders(readFileSync(join(dist, "_headers"), "utf8"))];
  const fileAt = (path) => {
    const file = normalize(join(dist, path));
    if (!file.startsWith(normalize(dist))) return null;
    if (existsSync(file) && statSync(file).isFile()) return file;
    if (existsSync(join(file, "index.html"))) return join(file, "index.html");
    return null;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests?.push(path);
    let status = 200;
    let file = overrides.has(path) ? path : fileAt(path);
    if (!file) {
      // Netlify ignores a trailing slash when matching redirects.
      const bare = path.length > 1 ? path.replace(/\/+$/, "") : path;
      const rule = redirects.find((r) => matches(r.from, bare));
      if (rule && rule.status === 200) {
        file = fileAt(rule.to);
      } else if (rule) {
        res.writeHead(rule.status, { Location: rule.to }).end();
        return;
      }
    }
    if (!file) {
      status = 404;
      file = fileAt("/404.html");
      if (!file) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("Not Found");
        return;
      }
    }
    const headers = { "Content-Type": TYPES[extname(file)] ?? "text/plain; charset=utf-8" };
    const declared = new Map();
    for (const rule of headerRules) {
      if (!matches(rule.pattern, path)) continue;
      for (const [name, value] of Object.entries(rule.headers)) {
        const key = name.toLowerCase();
        if (declared.has(key)) {
          res.writeHead(500).end(`header ${name} declared twice for ${path}: ${declared.get(key)} and ${rule.pattern}`);
          return;
        }
        declared.set(key, rule.pattern);
        headers[name] = value;
      }
    }
    let body = overrides.has(path) ? Buffer.from(overrides.get(path)) : readFileSync(file);
    // As Netlify does: text and wasm travel brotli-compressed to browsers that accept it.
    const ext = overrides.has(path) ? extname(path) : extname(file);
    if (COMPRESSED.has(ext) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = overrides.has(path) ? brotliCompressSync(body) : brotli(file, body);
      headers["Content-Encoding"] = "br";
      headers["Vary"] = "Accept-Encoding";
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer(process.argv[2] ?? "dist", Number(process.argv[3] ?? 8080));
  console.log(`serving on http://127.0.0.1:${server.address().port}`);
}
