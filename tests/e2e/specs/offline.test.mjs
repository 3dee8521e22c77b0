// Offline: after the first visit the app — lessons included — works with the
// server gone. Updates: a new version installs beside the old one and takes
// over on the next load, never while another tab runs the old one, and a
// version whose files cannot all be fetched never takes over at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { useBrowser } from "../harness.mjs";
import { startServer } from "../serve.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";

const suite = useBrowser();

/** A server of our own (the test stops it), and a page in a fresh context. */
async function visit(overrides = new Map(), requests = []) {
  const server = await startServer(suite.dist, 0, { overrides, requests });
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ws = new WorkspacePage(await context.newPage(), base);
  await ws.open("/");
  await controlled(ws.page);
  return { server, context, ws, base };
}

/** Polls `fn` in the page until it answers true (waitForFunction does not
 * wait for an async predicate's promise). */
async function until(page, fn, what) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate(fn).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Waits until the service worker controls the page and has cached this version. */
function controlled(page) {
  return until(page, async () => navigator.serviceWorker.controller !== null && (await caches.keys()).length === 1, "the service worker controls the page");
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Stops listening at once and drops every connection (close alone waits
 * for the browser's keep-alive connections, which may never end). */
function stop(server) {
  server.close();
  server.closeAllConnections();
}

test("after the first visit: offline, a reload still opens the app, a lesson opens and the terminal works", async () => {
  const { server, context, ws, base } = await visit();
  stop(server);
  await context.setOffline(true);
  await ws.page.reload();
  await ws.page.waitForSelector('#app[data-ready="1"]');
  // A lesson file never fetched before: it came with the app.
  await ws.page.getByTestId("lesson-list").locator('a[href="/lesson/integration"]').click();
  await ws.page.getByTestId("lesson-step").first().waitFor();
  assert.match(await ws.run("git status"), /On branch/);
  // A deep link typed into the address bar, offline too.
  await ws.page.goto(`${base}/lesson/hotfix-rollback`);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  await ws.page.getByTestId("lesson-step").first().waitFor();
  assert.match(await ws.run("git log --oneline -1"), /[0-9a-f]{7} /);
  assert.deepEqual(ws.errors, []);
  await context.close();
});

test("offline, presenter mode and the reference open though only the home page was visited: one build serves them all", async () => {
  const { server, context, ws, base } = await visit();
  stop(server);
  await context.setOffline(true);
  await ws.page.goto(`${base}/interview?present`);
  await ws.page.locator('[data-testid="present-caption"][data-steps="9"]').waitFor();
  await ws.page.keyboard.press("ArrowRight");
  assert.equal(await ws.page.getByTestId("present-caption").getAttribute("data-step"), "1");
  assert.ok("feature/chinese-voice-support" in (await ws.branchLabels()));
  await ws.page.goto(`${base}/reference`);
  await ws.page.getByTestId("try-it").first().waitFor();
  assert.deepEqual(ws.errors, []);
  await context.close();
});

test("a new version takes over on the next load, only when no other tab runs the old one; a half-fetched one never does", async () => {
  const overrides = new Map();
  const requests = [];
  const { server, context, ws, base } = await visit(overrides, requests);
  const [v1] = await cacheNames(ws.page);
  const sw = readFileSync(join(suite.dist, "sw.js"), "utf8");
  const version = (v) => sw.replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${v}";`);

  // Version 2 is deployed while two tabs run version 1.
  overrides.set("/sw.js", version("2222222222222222"));
  const other = await context.newPage();
  await other.goto(`${base}/sandbox`);
  await other.waitForSelector('#app[data-ready="1"]');
  await ws.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await until(ws.page, async () => !!(await navigator.serviceWorker.getRegistration()).waiting, "version 2 is waiting");
  assert.deepEqual((await cacheNames(ws.page)).sort(), [v1, "b2p-2222222222222222"].sort(), "installed beside the old one");
  await ws.page.reload();
  await ws.page.locator('[data-testid="notice"]', { hasText: "A new version of Branch to Prod is ready" }).waitFor();
  assert.ok((await cacheNames(ws.page)).includes(v1), "the old version still serves the other tab");

  // The other tab closes: the next load runs version 2, and version 1 is gone.
  await other.close();
  await ws.page.reload();
  await until(ws.page, async () => (await caches.keys()).join() === "b2p-2222222222222222", "version 2 took over");
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.ok(await ws.page.evaluate(() => navigator.serviceWorker.controller !== null));

  // Version 3 lists a file the server does not have: it never installs.
  overrides.set("/sw.js", version("3333333333333333").replace('"/index.html",', '"/index.html",\n  "/gone-0123456789abcdef.js",'));
  const failed = await ws.page.evaluate(async () => {
    try {
      await (await navigator.serviceWorker.getRegistration()).update();
      return "installed";
    } catch (e) {
      return String(e);
    }
  });
  for (let i = 0; i < 200 && !requests.includes("/gone-0123456789abcdef.js"); i++) await ws.page.waitForTimeout(100);
  assert.ok(requests.includes("/gone-0123456789abcdef.js"), `version 3 tried to fetch its files (${failed})`);
  await until(ws.page, async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return !r.installing && !r.waiting;
  }, "version 3's install ended");
  await ws.page.reload();
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await cacheNames(ws.page), ["b2p-2222222222222222"], `no half-filled cache (${failed})`);
  assert.equal(await ws.page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), false);
  await ws.open("/sandbox");
  assert.match(await ws.run("git status"), /On branch/);
  stop(server);
  await context.close();
});
