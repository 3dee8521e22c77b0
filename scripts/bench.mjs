// `make bench`: first-load size (gzip) of every asset, navigation → ready time
// and command → graph updated at 1,000 commits in headless Chromium, each
// printed beside its budget. Figures, not asserts.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServer } from "../tests/e2e/serve.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const dist = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

const html = readFileSync(join(dist, "index.html"), "utf8");
const loaded = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*['"]\/([^'"]+\.(?:js|wasm|css))['"]/g)) loaded.add(m[1]);
let total = 0;
let totalBr = 0;
console.log("asset                                              raw        gzip");
for (const f of readdirSync(dist).sort()) {
  // Folders (lessons/) hold content fetched on first use, never on first load.
  if (f.startsWith("_") || statSync(join(dist, f)).isDirectory()) continue;
  const bytes = readFileSync(join(dist, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const first = loaded.has(f);
  if (first) {
    total += gz;
    totalBr += brotliCompressSync(bytes).length;
  }
  console.log(`${(f + (first ? "" : " (not on first load)")).padEnd(48)} ${kb(bytes.length)} ${kb(gz)}`);
}
console.log(`first load, all assets gzip: ${kb(total).trim()} (budget ≤ 250 KB; brotli, which Netlify serves to browsers that accept it: ${kb(totalBr).trim()})`);

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

// A typed command → graph updated, with 1,000 commits drawn (motion reduced).
{
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="1"]');
  // Build the history in the page: type each commit as a learner would.
  await page.evaluate(async (n) => {
    const input = document.querySelector('[data-testid="terminal-input"]');
    for (let i = 0; i < n; i++) {
      input.value = `git commit --allow-empty -m "Commit ${i}"`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 0));
    }
  }, 999);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const samples = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="terminal-input"]');
    const svg = document.querySelector('[data-testid="commit-graph"]');
    const dom = [];
    const frame = [];
    // The graph draws only the rows in view, so "updated" is HEAD's node changing.
    const headId = () => svg.querySelector(".b2p-graph__commit--head")?.getAttribute("data-commit");
    for (let i = 0; i < 21; i++) {
      const before = headId();
      input.value = `git commit --allow-empty -m "Measured ${i}"`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const updated = new Promise((resolve) => {
        const check = () => headId() && headId() !== before;
        const obs = new MutationObserver(() => {
          if (check()) { obs.disconnect(); resolve(performance.now()); }
        });
        obs.observe(svg, { childList: true, subtree: true, attributes: true });
        if (check()) { obs.disconnect(); resolve(performance.now()); }
      });
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      const t1 = await updated;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = performance.now();
      dom.push(t1 - t0);
      frame.push(t2 - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { dom, frame };
  });
  const m1 = await metrics();
  const per = (k) => (((m1[k] - m0[k]) * 1000) / 21).toFixed(1);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`command → graph updated at 1,000+ commits: median ${median(samples.dom).toFixed(1)} ms to the DOM, ${median(samples.frame).toFixed(1)} ms to the next frame (21 commands; budget ≤ 16 ms)`);
  console.log(`  per command: script ${per("ScriptDuration")} ms, style ${per("RecalcStyleDuration")} ms, layout ${per("LayoutDuration")} ms`);
  await context.close();
}
await browser.close();
server.close();
