// End to end: the workspace's layout — lessons with their own world and
// text loaded on first use, presenter mode, and the read-model panels.
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "../harness.mjs";

const suite = useBrowser();
const workspace = suite.workspace;

test("a lesson loads its text on first use and has a world of its own", async () => {
  const ws = await workspace("/sandbox");
  await ws.run("git checkout -b feature/sandbox-only");
  const lessonText = ws.page.waitForResponse((r) => r.url().endsWith("/lessons/big-picture.lesson"));
  await ws.page.evaluate(() => {
    history.pushState(null, "", "/lesson/big-picture");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  assert.equal((await lessonText).status(), 200);
  const panel = ws.page.getByTestId("lesson-panel");
  await panel.getByText("Branches are code versions.").waitFor();
  assert.equal(await ws.headBranch(), "main", "the lesson's world is not the sandbox's");
  await ws.page.goBack();
  await ws.page.waitForURL(/\/sandbox$/);
  assert.equal(await ws.headBranch(), "feature/sandbox-only");
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("an unknown lesson says so, and a hostile id never reaches the network", async () => {
  const ws = await workspace("/lesson/no-such-lesson");
  await ws.page.getByTestId("lesson-panel").getByRole("alert").waitFor();
  assert.match(await ws.page.getByTestId("lesson-panel").getByRole("alert").textContent(), /There is no lesson called “no-such-lesson”/);
  const asked = [];
  ws.page.on("request", (r) => asked.push(r.url()));
  await ws.page.goto(`${suite.baseUrl}/lesson/%3Cimg%20src=x%3E`);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  assert.match(await ws.page.locator("main").textContent(), /That page does not exist/);
  assert.ok(!asked.some((u) => u.includes("/lessons/")), asked.join(" "));
  await ws.page.close();
});

test("?present enlarges the workspace for a projector", async () => {
  const ws = await workspace("/sandbox?present");
  await ws.page.locator(".b2p-workspace--present").waitFor();
  assert.equal(await ws.page.getByTestId("env-table").count(), 0, "presenter mode shows the essentials");
  assert.equal(await ws.run("git status").then((o) => o.split("\n")[0]), "On branch main");
  await ws.page.close();
});

test("the profiles table and the pull requests panel read the engine's model", async () => {
  const ws = await workspace("/sandbox");
  const cell = (env, key) => ws.page.locator(`[data-testid="env-table"] td[data-env="${env}"][data-key="${key}"] code`).textContent();
  assert.equal(await cell("development", "API_DEBUG"), "true");
  assert.equal(await cell("production", "API_DEBUG"), "false");
  await ws.run("protect development --require-pr --approvals 1");
  for (const line of ["git switch -c feature/x", "edit product-inquiry", "git commit -am 'Add product inquiry'",
    "git push -u origin feature/x", "gh pr create --base development --fill"]) {
    await ws.run(line);
  }
  const merge = ws.page.getByTestId("pr-panel").locator('[data-action="pr-merge"]').first(); // merge commit, squash, rebase
  await merge.waitFor();
  assert.equal(await merge.isDisabled(), true);
  assert.match(await merge.getAttribute("title"), /approving review/);
  // The teammate's review can ask for a change first, in their words.
  assert.equal(
    await ws.submitForm("pr-changes", { body: "Name the new intent in the title" }),
    "@teammate gh pr review 1 --request-changes --body 'Name the new intent in the title'",
  );
  await ws.page.getByTestId("pr-panel").getByText("requested changes: Name the new intent in the title").waitFor({ state: "attached" });
  await ws.run("@teammate gh pr review 1 --approve");
  await ws.page.waitForFunction(() => !document.querySelector('[data-action="pr-merge"]').disabled);
  await merge.click();
  await ws.page.locator(".b2p-terminal__entry").last().getByText("gh pr merge 1 --merge").waitFor();
  await ws.page.locator('[data-testid="pr-panel"] [data-pr="1"][data-state="merged"]').waitFor();
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("after a review asks for a change: the amend form and force-push with lease, as typed lines", async () => {
  const ws = await workspace("/sandbox");
  const lease = ws.page.locator('button[data-action="push-lease"]').first();
  await ws.run("git switch -c feature/review");
  assert.equal(await lease.isDisabled(), true, "nothing pushed yet: nothing to lease");
  await ws.run("echo draft >> main.py");
  await ws.run("git commit -am 'Draft the reply'");
  await ws.run("git push -u origin feature/review");
  const before = (await ws.branchLabels())["feature/review"];
  assert.equal(await ws.submitForm("amend", { message: "Draft the reply, as reviewed" }), "git commit --amend -m 'Draft the reply, as reviewed'");
  assert.match(await ws.lastOutput(), /\[feature\/review [0-9a-f]{7}\] Draft the reply, as reviewed/);
  const amended = (await ws.branchLabels())["feature/review"];
  assert.notEqual(amended, before, "the amended commit replaces the branch's tip");
  // A plain push is refused: the amend rewrote what origin has.
  assert.match(await ws.run("git push"), /\(non-fast-forward\)/);
  assert.equal(await ws.clickAction("push-lease"), "git push --force-with-lease");
  assert.match(await ws.lastOutput(), /\(forced update\)/);
  await ws.page.waitForFunction(
    (id) => document.querySelector(`[data-testid="commit-graph"] [data-commit="${id}"] [data-remote="origin/feature/review"]`),
    amended,
  );
  // The lease fails once someone else pushed since the last fetch.
  for (const line of ["@teammate git checkout feature/review", "@teammate git commit --allow-empty -m 'Teammate fix'", "@teammate git push"]) {
    await ws.run(line);
  }
  assert.equal(await ws.submitForm("amend", { message: "" }), "git commit --amend --no-edit");
  await ws.clickAction("push-lease");
  assert.match(await ws.lastOutput(), /! \[rejected\] +feature\/review -> feature\/review \(stale info\)/);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});
