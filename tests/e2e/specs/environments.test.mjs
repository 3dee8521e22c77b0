// End to end: the environments and pull-request workflow through the page's
// terminal — the same engine the native tests drive, in the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { artifacts, useBrowser } from "../harness.mjs";

const suite = useBrowser();
const workspace = suite.workspace;

test("the local server runs each profile, and Ctrl+C stops it", async () => {
  const ws = await workspace();
  assert.match(await ws.run("curl localhost:8000/"), /Failed to connect to localhost port 8000/);
  assert.match(await ws.run("APP_ENV=staging python main.py"), /Uvicorn running on http:\/\/0\.0\.0\.0:8000/);
  assert.equal(JSON.parse(await ws.run("curl localhost:8000/")).environment, "staging");
  // Ctrl+C in the terminal is the same action as typing `stop`.
  await ws.input().press("Control+c");
  await ws.page.locator(".b2p-terminal__entry").last().getByText("Shutting down").waitFor();
  assert.match(await ws.run("curl localhost:8000/"), /Failed to connect/);
  // A request body a learner types is shown as text, never parsed as HTML.
  await ws.run("python main.py");
  const out = await ws.run(`curl -X POST localhost:8000/chat -d '{"message": "<b>price</b>"}'`);
  assert.match(out, /"intent":"pricing"/);
  assert.equal(await ws.page.locator(".b2p-terminal__output b").count(), 0);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("a pull request runs CI, needs a review, and a protected main refuses pushes", async () => {
  const ws = await workspace();
  await ws.run("protect main --require-pr --approvals 1 --require-checks");
  for (const line of [
    "git checkout -b feature/new-chatbot-intent",
    "edit product-inquiry",
    'git commit -am "Add product inquiry intent"',
    "git push -u origin feature/new-chatbot-intent",
  ]) {
    await ws.run(line);
  }
  const created = await ws.run('gh pr create --base main --title "Add product inquiry intent"');
  assert.match(created, /https:\/\/github\.com\/you\/smart-chatbot\/pull\/1/);
  assert.match(created, /✓ all checks passed/);
  assert.match(await ws.run("gh pr merge 1 --squash"), /base branch policy prohibits the merge/);
  await ws.run("@teammate gh pr review 1 --approve");
  assert.match(await ws.run("gh pr merge 1 --squash"), /✓ Squashed and merged pull request you\/smart-chatbot#1/);
  await ws.run("git checkout main");
  assert.match(await ws.run("git pull"), /Add product inquiry intent \(#1\)|Fast-forward/);
  await ws.run('git commit --allow-empty -m "Straight to main"');
  assert.match(await ws.run("git push origin main"), /GH006: Protected branch update failed for refs\/heads\/main/);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("server cards follow pushes, and their buttons run the same commands", async () => {
  const ws = await workspace();
  let servers = await ws.servers();
  assert.deepEqual(Object.keys(servers), ["local", "development", "staging", "production"]);
  const initial = servers.production.deployed;
  assert.equal(servers.local.status, "stopped");

  for (const line of ["git checkout development", "edit chinese-keywords", 'git commit -am "Add Chinese voice recognition"']) {
    await ws.run(line);
  }
  assert.match(await ws.run("git push origin development"), /development server deploying/);
  await ws.run("git checkout main");
  await ws.run("git merge development");
  await ws.run("git push origin main");
  servers = await ws.servers();
  const tip = await ws.page.evaluate(() => document.querySelector('[data-testid="server-card"][data-server="staging"]').dataset.deployed);
  assert.equal(servers.development.deployed, tip);
  assert.equal(servers.production.deployed, initial, "production waits for a promote");

  // The promote button is `deploy production`, and the terminal says so.
  await ws.serverButton("production", "Promote staging's commit").click();
  await ws.page.locator(".b2p-terminal__entry").last().getByText("deploy production").waitFor();
  assert.equal((await ws.servers()).production.deployed, tip);

  await ws.serverButton("local", "Run python main.py").click();
  await ws.page.locator('[data-server="local"][data-status="running"]').waitFor();
  // The README's picture of the workspace.
  // A tall viewport rather than fullPage: Chromium skips content-visibility:auto
  // terminal entries in full-page captures.
  await ws.page.setViewportSize({ width: 1280, height: 1500 });
  await ws.page.evaluate(() => window.scrollTo(0, 0));
  await ws.page.screenshot({ path: join(artifacts, "workspace.png") });
  await ws.page.getByTestId("topology").click();
  await ws.page.locator(".b2p-terminal__entry").last().getByText("topology minimal").waitFor();
  assert.deepEqual(Object.keys(await ws.servers()), ["local", "production"]);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});
