// The panic safety net: a panic shows a "something went wrong" panel, not a
// dead page; the error can be copied; "restore" brings the last saved world
// back and "reset" starts that world fresh — and only after a crash can a
// link ask for that.
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "../harness.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";

const suite = useBrowser();

async function fresh(path = "/sandbox") {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.baseUrl });
  const ws = new WorkspacePage(await context.newPage(), suite.baseUrl);
  await ws.open(path);
  return ws;
}

/** Panics inside the app, as a bug would (the test hook `b2p_crash_for_test`). */
async function crash(ws) {
  const thrown = await ws.page.evaluate(() => {
    try {
      window.wasmBindings.b2p_crash_for_test();
      return "no panic";
    } catch (e) {
      return String(e);
    }
  });
  assert.match(thrown, /unreachable/, "the WebAssembly trapped");
  await ws.page.getByTestId("crash").waitFor();
}

test("a panic shows the safety net, whose error can be copied and whose restore brings the world back", async () => {
  const ws = await fresh();
  await ws.run("git checkout -b feature/before-the-crash");
  await ws.run("git commit --allow-empty -m 'saved before the crash'");
  await ws.shareLink(2);
  await new Promise((r) => setTimeout(r, 500)); // saved a moment after the last command
  const before = await ws.world();
  await crash(ws);
  const panel = ws.page.getByTestId("crash");
  assert.equal(await panel.getAttribute("role"), "alert");
  assert.match(await panel.locator("h1").textContent(), /Something went wrong/);
  const error = await ws.page.getByTestId("crash-error").inputValue();
  assert.match(error, /crashed: panicked at .*a test asked for a crash/s);
  await ws.page.getByTestId("crash-copy").click();
  await ws.page.getByTestId("crash-copy").filter({ hasText: "Copied" }).waitFor();
  assert.equal(await ws.page.evaluate(() => navigator.clipboard.readText()), error);
  await Promise.all([ws.page.waitForEvent("load"), ws.page.getByTestId("crash-restore").click()]);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await ws.world(), before);
  await ws.page.context().close();
});

test("reset after a crash starts the world fresh; the same link without a crash changes nothing", async () => {
  const ws = await fresh();
  const freshWorld = await ws.world();
  await ws.run("git checkout -b feature/kept");
  await ws.shareLink(1);
  await new Promise((r) => setTimeout(r, 500));
  const kept = await ws.world();
  // Someone sends a link asking for a fresh world: no crash happened, nothing is lost.
  await ws.page.goto(`${suite.baseUrl}/sandbox?fresh`);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await ws.world(), kept);
  await crash(ws);
  await Promise.all([ws.page.waitForEvent("load"), ws.page.getByTestId("crash-reset").click()]);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await ws.world(), freshWorld);
  await ws.page.reload();
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await ws.world(), freshWorld, "the crashed world is forgotten");
  await ws.page.context().close();
});
