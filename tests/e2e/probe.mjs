import { startServer } from "./serve.mjs";
import { launch } from "./browser.mjs";
const server = await startServer("/work/main/dist");
const url = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url + "/sandbox");
await page.waitForSelector('#app[data-ready="1"]');
await page.evaluate(() => localStorage.clear());
const r = await page.evaluate(async () => {
  const input = document.querySelector('[data-testid="terminal-input"]');
  const t = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    input.value = `git commit --allow-empty -m "C ${i}"`;
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    const t1 = performance.now();
    void document.body.offsetHeight;
    t.push([t1 - t0, performance.now() - t1]);
  }
  const views = Object.fromEntries(Object.keys(localStorage).map((k) => [k, (+localStorage[k] / 100).toFixed(2)]));
  const avg = (j) => (t.reduce((a, x) => a + x[j], 0) / t.length).toFixed(2);
  return { script: avg(0), layout: avg(1), views };
});
console.log(r);
await browser.close(); server.close();
