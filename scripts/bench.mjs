// `make bench`: first-load size (gzip) of every asset and navigation → ready
// time in headless Chromium, each printed beside its budget. Figures, not asserts.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServer } from "../tests/e2e/serve.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const dist = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

const html = readFileSync(join(dist, "index.html"), "utf8");
const loaded = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*['"]\/([^'"]+\.(?:js|wasm|css))['"]/g)) loaded.add(m[1]);
let total = 0;
console.log("asset                                              raw        gzip");
for (const f of readdirSync(dist).sort()) {
  if (f.startsWith("_")) continue;
  const bytes = readFileSync(join(dist, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const first = loaded.has(f);
  if (first) total += gz;
  console.log(`${(f + (first ? "" : " (not on first load)")).padEnd(48)} ${kb(bytes.length)} ${kb(gz)}`);
}
console.log(`first load, all assets gzip: ${kb(total).trim()} (budget ≤ 250 KB)`);

const server = await startServer(dist);
const url = `http://127.0.0.1:${server.address().port}/sandbox`;
const browser = await launch();
const times = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext(); // cold: empty cache every load
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="1"]');
  // From navigation start to the moment the terminal accepts input.
  times.push(await page.evaluate(() => {
    const mark = performance.getEntriesByName("b2p-ready")[0];
    return mark ? mark.startTime : performance.now();
  }));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`navigation → terminal ready: median ${times[3].toFixed(0)} ms of 7 cold loads (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)}; budget ≤ 300 ms)`);
await browser.close();
server.close();
