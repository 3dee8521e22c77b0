// End to end: the release build in dist/, served with its production headers
// (CSP enforced), driven in Debian's Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { artifacts, useBrowser } from "../harness.mjs";

const suite = useBrowser();
const workspace = suite.workspace;

test("the production CSP is served and the app still starts under it", async () => {
  const res = await fetch(`${suite.baseUrl}/sandbox`);
  const csp = res.headers.get("content-security-policy");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const ws = await workspace("/sandbox");
  assert.equal(await ws.commitCount(), 1);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("typed commands update the terminal and the graph", async () => {
  const ws = await workspace("/sandbox");
  const labels = await ws.branchLabels();
  assert.deepEqual(Object.keys(labels).sort(), ["development", "main"]);
  assert.equal(await ws.headBranch(), "main");

  let out = await ws.run("git checkout -b feature/new-chatbot-intent");
  assert.equal(out, "Switched to a new branch 'feature/new-chatbot-intent'");
  assert.equal(await ws.headBranch(), "feature/new-chatbot-intent");

  await ws.run('echo "product inquiry" >> intents.json');
  await ws.run("git add .");
  out = await ws.run('git commit -m "Add product inquiry intent"');
  assert.match(out, /^\[feature\/new-chatbot-intent [0-9a-f]{7}\] Add product inquiry intent\n 1 file changed, 1 insertion\(\+\)$/);
  assert.equal(await ws.commitCount(), 2);
  const after = await ws.branchLabels();
  assert.notEqual(after["feature/new-chatbot-intent"], after["main"]);

  out = await ws.run("git log --oneline");
  assert.match(out, /^[0-9a-f]{7} \(HEAD -> feature\/new-chatbot-intent\) Add product inquiry intent\n[0-9a-f]{7} \(origin\/main, origin\/development, main, development\) Initial commit$/);

  out = await ws.run("git branch -d feature/new-chatbot-intent");
  assert.equal(out, "error: cannot delete branch 'feature/new-chatbot-intent' used by worktree at '/home/you/chatbot'");
  out = await ws.run("git checkout nope");
  assert.equal(out, "error: pathspec 'nope' did not match any file(s) known to git");
  assert.ok(await ws.page.locator(".b2p-terminal__entry--error").count() >= 1);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("the New commit button runs the same action as git commit", async () => {
  const ws = await workspace("/sandbox");
  await ws.page.getByTestId("new-commit").click();
  await ws.page.locator(".b2p-terminal__entry").first().waitFor();
  const line = await ws.page.locator(".b2p-terminal__line").last().textContent();
  assert.match(line, /git commit --allow-empty -m 'Commit 2'/);
  assert.match(await ws.lastOutput(), /^\[main [0-9a-f]{7}\] Commit 2$/);
  assert.equal(await ws.commitCount(), 2);
  const out = await ws.run("git status");
  assert.match(out, /Your branch is ahead of 'origin\/main' by 1 commit\./);
  await ws.page.getByTestId("undo").click();
  await ws.page.waitForFunction(() => document.querySelectorAll("[data-commit]").length === 1);
  await ws.page.screenshot({ path: join(artifacts, "sandbox.png") });
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("typed text is shown as text, never as HTML", async () => {
  const ws = await workspace("/sandbox");
  await ws.run('echo "<img src=x onerror=alert(1)><b>bold</b>"');
  assert.equal(await ws.page.locator(".b2p-terminal img, .b2p-terminal b").count(), 0);
  assert.equal(await ws.lastOutput(), "<img src=x onerror=alert(1)><b>bold</b>");
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("a deep link is answered by the app (SPA fallback) and unknown routes say so", async () => {
  const ws = await workspace("/no/such/page");
  assert.match(await ws.page.locator("main").textContent(), /That page does not exist/);
  await ws.page.close();
});

test("links navigate inside the app, keeping the sandbox's world, and Back works", async () => {
  const ws = await workspace("/sandbox");
  await ws.run("git checkout -b feature/kept");
  await ws.page.evaluate(() => { window.__sameDocument = true; });
  await ws.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await ws.page.waitForURL(/\/$/);
  await ws.page.locator(".b2p-intro__title").waitFor();
  assert.equal(await ws.page.getByTestId("terminal-input").count(), 0, "home has no workspace of its own");
  await ws.page.getByRole("link", { name: "Open the sandbox" }).click();
  await ws.page.waitForURL(/\/sandbox$/);
  assert.equal(await ws.page.evaluate(() => window.__sameDocument), true, "no reload");
  assert.equal(await ws.headBranch(), "feature/kept");
  assert.match(await ws.outputText(), /Switched to a new branch 'feature\/kept'/);
  assert.equal(await ws.page.locator('a[aria-current="page"]').textContent(), "Sandbox");
  await ws.page.goBack();
  await ws.page.waitForURL(/\/$/);
  await ws.page.locator(".b2p-intro__title").waitFor();
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});
