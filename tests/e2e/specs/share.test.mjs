// Share and save: a share link of the guide's whole flow opens the same
// world in a fresh browser; a lesson's link brings its checklist; the world
// survives a reload; version 1's saved progress migrates; export and import
// round-trip; and a tampered link, file or stored state gives a message and
// a fresh world — never a blank page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { useBrowser, artifacts } from "../harness.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";
import { FLOW } from "../guide_flow.mjs";

const suite = useBrowser();

/** A page in a browser context of its own: empty storage, as a stranger's. */
async function fresh(path = "/sandbox", options = {}) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const ws = new WorkspacePage(await context.newPage(), suite.baseUrl);
  await ws.open(path);
  return ws;
}

async function terminalLines(ws) {
  return ws.page.locator(".b2p-terminal__line").allTextContents();
}

test("a share link of the guide's whole flow opens the same world in a fresh browser", async () => {
  const mine = await fresh();
  for (const [line] of FLOW) await mine.run(line);
  const link = await mine.shareLink(FLOW.length);
  assert.ok(link.startsWith(`${suite.baseUrl}/sandbox#w=`), link);
  const fragment = link.slice(link.indexOf("#"));
  // The size the README states: short enough to paste into chat.
  console.log(`share link for the guide's whole flow (${FLOW.length} commands): ${fragment.length} characters after the origin and path`);
  writeFileSync(join(artifacts, "share-link-guide-flow.txt"), `${link}\n${fragment.length} characters (fragment)\n`);
  assert.ok(link.length <= 2000, `${link.length} characters`);

  const theirs = await fresh(link.slice(suite.baseUrl.length));
  assert.deepEqual(await theirs.world(), await mine.world());
  assert.equal(new URL(theirs.page.url()).hash, "", "the link is taken out of the address once opened");
  assert.deepEqual(await terminalLines(theirs), FLOW.map(([l]) => `$ ${l}`), "the terminal's history comes with it");
  const n = await theirs.notice();
  assert.equal(n.tone, "info");
  assert.match(n.text, /Opened a shared world: 14 commands replayed/);
  // Their world is theirs now: it is saved, and a reload keeps it.
  await theirs.page.reload();
  await theirs.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await theirs.world(), await mine.world());
  assert.deepEqual(mine.errors, []);
  assert.deepEqual(theirs.errors, []);
  await mine.page.context().close();
  await theirs.page.context().close();
});

test("a lesson's link brings its world and its checklist", async () => {
  const mine = await fresh("/lesson/feature-development");
  await mine.page.getByTestId("lesson-step").first().waitFor();
  await mine.run("git checkout -b feature/new-chatbot-intent");
  await mine.run("edit product-inquiry");
  const done = () => mine.page.getByTestId("lesson-step").evaluateAll((s) => s.map((e) => e.dataset.done));
  const link = await mine.shareLink(2);
  assert.ok(link.includes("/lesson/feature-development#w="), link);
  const theirs = await fresh(link.slice(suite.baseUrl.length));
  await theirs.page.waitForFunction(() => document.querySelectorAll('[data-testid="lesson-step"][data-done="true"]').length === 1);
  assert.deepEqual(await theirs.page.getByTestId("lesson-step").evaluateAll((s) => s.map((e) => e.dataset.done)), await done());
  assert.deepEqual(await theirs.world(), await mine.world());
  await mine.page.context().close();
  await theirs.page.context().close();
});

test("the world and the progress survive a reload; version 1's progress migrates", async () => {
  const ws = await fresh("/");
  // What the first release kept: finished lessons, comma-separated.
  await ws.page.evaluate(() => localStorage.setItem("b2p-progress-v1", "big-picture,environments"));
  await ws.open("/");
  await ws.page.locator('[data-lesson="big-picture"][data-done="true"]').waitFor();
  assert.equal(await ws.page.locator('[data-lesson][data-done="true"]').count(), 2);
  const stored = JSON.parse(await ws.page.evaluate(() => localStorage.getItem("b2p-state")));
  assert.deepEqual(stored.progress, ["big-picture", "environments"]);
  assert.equal(stored.version, 2);
  assert.equal(await ws.page.evaluate(() => localStorage.getItem("b2p-progress-v1")), null, "the old key is gone once migrated");
  // The sandbox's world, saved a moment after the last command.
  await ws.open("/sandbox");
  await ws.run("git checkout -b feature/saved");
  await ws.run("git commit --allow-empty -m 'kept across reloads'");
  await ws.shareLink(2);
  const before = await ws.world();
  await ws.page.reload();
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.deepEqual(await ws.world(), before);
  assert.equal((await ws.notice()).text, "", "restoring your own world needs no message");
  assert.deepEqual(ws.errors, []);
  await ws.page.context().close();
});

test("export to a file, import it in a fresh browser: the same world", async () => {
  const mine = await fresh();
  for (const [line] of FLOW.slice(0, 6)) await mine.run(line);
  await mine.shareLink(6);
  // From the keyboard: the export link is in the tab order.
  await mine.page.getByTestId("export").focus();
  assert.equal(await mine.page.evaluate(() => document.activeElement?.dataset.testid), "export");
  const [download] = await Promise.all([mine.page.waitForEvent("download"), mine.page.keyboard.press("Enter")]);
  assert.equal(download.suggestedFilename(), "branch-to-prod-sandbox.json");
  const path = join(artifacts, "exported-world.json");
  await download.saveAs(path);
  const theirs = await fresh("/sandbox");
  await theirs.page.getByTestId("import").setInputFiles(path);
  await theirs.page.waitForFunction(() => document.querySelectorAll(".b2p-terminal__entry").length === 6);
  assert.deepEqual(await theirs.world(), await mine.world());
  // A file that is not one of ours changes nothing and says why.
  await theirs.page.getByTestId("import").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"format": "something-else"}') });
  await theirs.page.locator('[data-testid="notice"][data-tone="problem"]').waitFor();
  assert.match((await theirs.notice()).text, /This file is not from Branch to Prod\. Nothing was changed\./);
  assert.deepEqual(await theirs.world(), await mine.world());
  await mine.page.context().close();
  await theirs.page.context().close();
});

test("tampered, truncated, oversized and foreign links: a message and a fresh world, the learner's own one click away", async () => {
  const ws = await fresh();
  await ws.run("git checkout -b feature/mine");
  const good = await ws.shareLink(1);
  const fragment = good.slice(good.indexOf("#"));
  const freshWorld = await (await fresh()).world();
  const cases = [
    [fragment.slice(0, fragment.length - 6), /is damaged: .*cut off/],
    [`#w=${"A".repeat(100 * 1024)}`, /is too long to be one of ours/],
    ["#w=AAAA", /is not from Branch to Prod/],
    ["#w=Ag", /newer version of Branch to Prod \(format 2\)/],
    [`${fragment}<img src=x onerror=alert(1)>`, /has a character a share link never has/],
    ["#w=%F0%9F%92%A5~^=''", /has a character a share link never has/],
  ];
  for (const [bad, message] of cases) {
    await ws.page.goto(`${suite.baseUrl}/sandbox${bad}`);
    await ws.page.waitForSelector('#app[data-ready="1"]');
    const n = await ws.notice();
    assert.equal(n.tone, "problem", bad.slice(0, 40));
    assert.match(n.text, message);
    assert.match(n.text, /Here is a fresh world instead/);
    assert.deepEqual(await ws.world(), freshWorld);
    assert.equal(await ws.page.getByRole("alert").count(), 1, "the problem is announced");
  }
  // The learner's own world was put aside, not lost.
  await ws.page.getByTestId("notice-act").click();
  assert.equal(await ws.headBranch(), "feature/mine");
  assert.deepEqual(ws.errors, []);
  await ws.page.context().close();
});

test("tampered stored state: a message, a fresh world, and the unreadable copy kept", async () => {
  const ws = await fresh();
  const freshWorld = await ws.world();
  for (const bad of ['{"version": 2, "progress": ["big-picture"], "worlds": {"sandbox": ["git status"', '{"version": 99}', "<script>alert(1)</script>", '{"version": 2, "progress": [], "worlds": {"lesson:../../etc": []}}']) {
    await ws.page.evaluate((b) => localStorage.setItem("b2p-state", b), bad);
    await ws.page.reload();
    await ws.page.waitForSelector('#app[data-ready="1"]');
    const n = await ws.notice();
    assert.equal(n.tone, "problem", bad);
    assert.match(n.text, /^Your saved work could not be read: it .+ You start with a fresh world/);
    assert.deepEqual(await ws.world(), freshWorld);
    assert.equal(await ws.page.evaluate(() => localStorage.getItem("b2p-state-unreadable")), bad);
  }
  assert.deepEqual(ws.errors, []);
  await ws.page.context().close();
});
