// Writes dist/_headers: Netlify's headers for the built site, including a
// Content-Security-Policy that allows Trunk's inline module loader by its
// sha256 hash (no 'unsafe-inline', no 'unsafe-eval'). Run after every build:
// the loader names hashed files, so its hash changes with each build.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const html = readFileSync(join(dist, "index.html"), "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error(`write-headers: no inline script in ${dist}/index.html; is this a Trunk build?`);
  process.exit(1);
}
const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);

export const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Long-lived caching only for files whose names carry Trunk's content hash.
const hashed = readdirSync(dist).filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
const lines = [
  "/*",
  `  Content-Security-Policy: ${csp}`,
  "  X-Content-Type-Options: nosniff",
  "  Referrer-Policy: strict-origin-when-cross-origin",
  "  X-Frame-Options: DENY",
  "",
];
for (const f of hashed) {
  lines.push(`/${f}`);
  if (f.endsWith(".wasm")) lines.push("  Content-Type: application/wasm");
  lines.push("  Cache-Control: public, max-age=31536000, immutable", "");
}
writeFileSync(join(dist, "_headers"), lines.join("\n"));
console.log(`write-headers: ${dist}/_headers with ${hashes.length} script hash(es), ${hashed.length} immutable file(s)`);
