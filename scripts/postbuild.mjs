// After `trunk build`: the first load made smaller, then what Netlify and
// the browser need beside Trunk's output, derived from it (so nothing is
// copied by hand, and every build gets fresh values):
// - the stylesheets joined into one file (one request; brotli compresses
//   them together ≈ 1.5 KB better) and wasm-bindgen's JS glue minified
//   (terser, from npm), their integrity attributes recomputed;
// - dist/_headers: the Content-Security-Policy, which allows Trunk's inline
//   module loader by its sha256 hash (no 'unsafe-inline', no 'unsafe-eval';
//   the loader names hashed files, so its hash changes with every build),
//   the security headers, and long-lived caching for hashed files only;
// - dist/sw.js: the service worker (src/sw.js) with this build's version and
//   file list;
// - dist/404.html: the app itself, which Netlify serves with status 404 for
//   any path that is neither a file nor one of the app's routes
//   (netlify.toml), so a stale hashed asset fails loudly.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";

const dist = process.argv[2] ?? "dist";
const root = new URL("..", import.meta.url).pathname;
// terser comes with the test tools (tests/e2e/package.json; `make tools`).
const { minify } = createRequire(join(root, "tests/e2e/package.json"))("terser");
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** A tag's attributes, quoted or not (Trunk minifies the HTML). */
function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([a-z-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) out[m[1]] = (m[2] ?? "").replace(/^["']|["']$/g, "");
  return out;
}

/** Joins the page's stylesheets and minifies its JS glue, in `dir`; returns the page. */
async function finish(dir, page) {
  let html = readFileSync(join(dir, page), "utf8");
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => ({ tag: m[0], ...attrs(m[0].slice(5)) }));
  // One stylesheet, in the order the page lists them.
  const sheets = links.filter((l) => l.rel === "stylesheet" && l.href.endsWith(".css"));
  if (sheets.length > 1) {
    const css = sheets.map((l) => readFileSync(join(dir, l.href.slice(1)), "utf8")).join("\n");
    const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
    writeFileSync(join(dir, name), css);
    for (const l of sheets) unlinkSync(join(dir, l.href.slice(1)));
    html = html.replace(sheets[0].tag, `<link rel="stylesheet" href="/${name}" integrity="${sri(css)}">`);
    for (const l of sheets.slice(1)) html = html.replace(l.tag, "");
  }
  // The JS glue, minified in place (the name keeps Trunk's hash of the source).
  for (const l of links.filter((l) => l.rel === "modulepreload")) {
    const out = await minify(readFileSync(join(dir, l.href.slice(1)), "utf8"), { module: true, compress: true, mangle: true });
    writeFileSync(join(dir, l.href.slice(1)), out.code);
    html = html.replace(l.tag, `<link rel="modulepreload" href="${l.href}" crossorigin="anonymous" integrity="${sri(out.code)}">`);
  }
  writeFileSync(join(dir, page), html);
  return html;
}

const html = await finish(dist, "index.html");
const pages = [html];
const inline = pages.flatMap((p) => [...p.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]));
if (inline.length < pages.length) {
  console.error(`postbuild: a page without its inline loader in ${dist}; is this a Trunk build?`);
  process.exit(1);
}
const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);

export const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Generated here, never precached or cached long.
const GENERATED = new Set(["_headers", "_redirects", "sw.js", "404.html"]);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(dist)
  .map((p) => "/" + relative(dist, p).split("\\").join("/"))
  .filter((p) => !GENERATED.has(p.slice(1)))
  .sort();

// Long-lived caching only for files whose names carry Trunk's content hash.
const hashed = files.filter((f) => /^\/[^/]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
const unhashedAssets = files.filter((f) => /\.(js|wasm|css)$/.test(f) && !hashed.includes(f));
if (unhashedAssets.length) {
  console.error(`postbuild: assets without a content hash: ${unhashedAssets.join(", ")}`);
  process.exit(1);
}
const lines = [
  "# Written by scripts/postbuild.mjs for this build; do not edit.",
  "/*",
  `  Content-Security-Policy: ${csp}`,
  "  X-Content-Type-Options: nosniff",
  "  Referrer-Policy: strict-origin-when-cross-origin",
  "  X-Frame-Options: DENY",
  "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "  Cross-Origin-Opener-Policy: same-origin",
  "",
  // The browser must always ask for a new service worker.
  "/sw.js",
  "  Cache-Control: no-cache",
  "",
];
for (const f of hashed) {
  lines.push(f);
  if (f.endsWith(".wasm")) lines.push("  Content-Type: application/wasm");
  lines.push("  Cache-Control: public, max-age=31536000, immutable", "");
}
writeFileSync(join(dist, "_headers"), lines.join("\n"));

// The pages' rewrites, for the service worker to answer them offline.
const { parse: parseToml } = createRequire(join(root, "tests/e2e/package.json"))("smol-toml");
const rewrites = (parseToml(readFileSync(join(root, "netlify.toml"), "utf8")).redirects ?? [])
  .filter((r) => r.status === 200)
  .map((r) => [r.from, r.to]);
const precache = ["/index.html", ...files.filter((f) => f !== "/index.html")];
const version = createHash("sha256");
for (const f of precache) version.update(f).update(readFileSync(join(dist, f.slice(1))));
const sw = readFileSync(join(root, "src/sw.js"), "utf8")
  .replace('"__VERSION__"', JSON.stringify(version.digest("hex").slice(0, 16)))
  .replace("__FILES__", JSON.stringify(precache, null, 2))
  .replace("__HASHED__", JSON.stringify(hashed))
  .replace("__PAGES__", JSON.stringify(rewrites));
writeFileSync(join(dist, "sw.js"), sw);
writeFileSync(join(dist, "404.html"), html);

console.log(
  `postbuild: ${dist}/_headers (${hashes.length} script hash, ${hashed.length} immutable files), ` +
    `sw.js (${precache.length} files), 404.html`,
);
