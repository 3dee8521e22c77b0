// End to end: lessons — the checklist follows what the learner does, by
// typing or by clicking; hints, "show solution", reset; progress on the home
// page survives a reload, and a lesson opened by its URL works after one.
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "../harness.mjs";

const suite = useBrowser();
const workspace = suite.workspace;

const doneFlags = (ws) =>
  ws.page.getByTestId("lesson-step").evaluateAll((lis) => lis.map((li) => li.dataset.done === "true"));

/** Presses "Show solution" and waits until `n` steps are done. */
async function solve(ws, n) {
  await ws.page.getByTestId("lesson-panel").locator('[data-lesson-act="solve"]').click();
  await ws.page.waitForFunction((k) => document.querySelectorAll('[data-testid="lesson-step"][data-done="true"]').length === k, n);
}

async function openLesson(ws, id) {
  await ws.open(`/lesson/${id}`);
  await ws.page.getByTestId("lesson-step").first().waitFor();
}

test("lesson 2 (feature development) done by typing: each step is checked as it happens", async () => {
  const ws = await workspace("/");
  await openLesson(ws, "feature-development");
  assert.equal(await ws.headBranch(), "development", "the lesson's start state: on development");
  assert.deepEqual(await doneFlags(ws), [false, false, false]);
  await ws.run("git checkout -b feature/new-chatbot-intent");
  assert.deepEqual(await doneFlags(ws), [true, false, false]);
  // A hint at a time, from a nudge to the command.
  const panel = ws.page.getByTestId("lesson-panel");
  await panel.locator('[data-lesson-act="hint"]').click();
  assert.equal(await panel.locator(".b2p-lesson__hints li").count(), 1);
  await panel.locator('[data-lesson-act="hint"]').click();
  assert.match(await panel.locator(".b2p-lesson__hints li").last().textContent(), /git commit -m "Add product inquiry intent"/);
  await ws.run("edit product-inquiry");
  await ws.run("git add .");
  await ws.run('git commit -m "Add product inquiry intent"');
  assert.deepEqual(await doneFlags(ws), [true, true, false]);
  await ws.run("python main.py");
  await ws.run(`curl -X POST localhost:8000/chat -H 'Content-Type: application/json' -d '{"message": "which product features do you have?"}'`);
  assert.match(await ws.lastOutput(), /"intent":"product_inquiry"/, "the new intent answers, on the laptop");
  await ws.page.getByTestId("lesson-finished").waitFor();
  assert.deepEqual(await doneFlags(ws), [true, true, true]);
  assert.match(await ws.page.getByTestId("lesson-finished").textContent(), /Walk me through how you start work on a new feature/);
  // Progress survives a reload, on the home page.
  await ws.open("/");
  await ws.page.locator('[data-testid="lesson-list"] li[data-lesson="feature-development"][data-done="true"]').waitFor();
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("lesson 4 (production release) done by clicking only", async () => {
  const ws = await workspace("/");
  await openLesson(ws, "production-release");
  assert.deepEqual(await doneFlags(ws), [false, false, false]);
  assert.equal(await ws.submitForm("switch", { branch: "main" }), "git checkout main");
  assert.equal(await ws.clickAction("pull"), "git pull");
  assert.equal(await ws.submitForm("merge", { branch: "development" }), "git merge development");
  assert.deepEqual(await doneFlags(ws), [true, false, false]);
  assert.equal(await ws.clickAction("push"), "git push");
  assert.deepEqual(await doneFlags(ws), [true, true, false]);
  assert.equal(await ws.clickAction("promote"), "deploy production");
  await ws.page.getByTestId("lesson-finished").waitFor();
  const servers = await ws.servers();
  assert.equal(servers.production.deployed, servers.staging.deployed, "the same commit, promoted");
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("show solution runs the step in the terminal; a reload keeps the lesson where it was; reset starts over", async () => {
  const ws = await workspace("/");
  await openLesson(ws, "integration");
  const panel = ws.page.getByTestId("lesson-panel");
  await solve(ws, 1);
  assert.match(await ws.outputText(), /\$ git merge feature\/new-chatbot-intent/);
  const head = await ws.headBranch();
  await ws.shareLink((await ws.page.locator(".b2p-terminal__entry").count()));
  await ws.page.waitForTimeout(500); // saved a moment after the last command
  await ws.page.reload();
  await ws.page.waitForSelector('#app[data-ready="1"]');
  await ws.page.getByTestId("lesson-step").first().waitFor();
  await ws.page.waitForFunction(() => document.querySelector('[data-testid="lesson-step"]')?.dataset.done === "true");
  assert.deepEqual(await doneFlags(ws), [true, false, false], "the checklist comes back with the world");
  assert.equal(await ws.headBranch(), head);
  assert.match(await ws.outputText(), /\$ git merge feature\/new-chatbot-intent/, "and the terminal's history");
  await ws.run("git checkout development");
  await panel.locator('[data-lesson-act="reset"]').click();
  await ws.page.waitForFunction(() => document.querySelector('[data-head="true"]')?.dataset.branch === "feature/new-chatbot-intent");
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("lesson 8: the amateur push hurts users; staging catches the same bug", async () => {
  const ws = await workspace("/");
  await openLesson(ws, "amateur-vs-professional");
  await solve(ws, 1);
  const alert = ws.page.locator('[data-testid="server-card"][data-server="production"] .b2p-server__alert');
  assert.match(await alert.textContent(), /users affected: [1-9]/, "real users got errors");
  await solve(ws, 2);
  await solve(ws, 3);
  await ws.run("curl -X POST https://staging-chatbot.railway.app/chat -H 'Content-Type: application/json' -d '{\"message\": \"can I talk to a human agent?\"}'");
  assert.match(await ws.lastOutput(), /KeyError: 'reply'/, "staging shows the bug to testers, with its traceback");
  await ws.page.getByTestId("lesson-finished").waitFor();
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});
