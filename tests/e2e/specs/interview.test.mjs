// /interview, /reference and presenter mode, end to end: the quiz answered
// and scored (kept across a reload), the learner's own answer built from the
// branches they made, the week presented with the keyboard (forward, back,
// to production), the reference's "try it" and its printed form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { artifacts, useBrowser } from "../harness.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";

const suite = useBrowser();

/** A page in a fresh context (its own storage), on `path`. */
async function fresh(path, viewport = { width: 1280, height: 900 }) {
  const context = await suite.browser.newContext({ viewport });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.baseUrl });
  const ws = new WorkspacePage(await context.newPage(), suite.baseUrl);
  await ws.open(path);
  return { context, ws, page: ws.page };
}

const question = (page) => page.getByTestId("quiz-question");
const score = async (page) => (await page.getByTestId("quiz-score").textContent()).match(/Score: (\d+) right of (\d+) answered/).slice(1).map(Number);

/** Clicks "Next question" until the question `id` shows. */
async function goTo(page, id) {
  for (let i = 0; i < 60; i++) {
    if ((await question(page).getAttribute("data-id")) === id) return;
    await page.locator('[data-quiz="next"]').click();
  }
  throw new Error(`no question ${id}`);
}

/** The right order of an "order" question, from the quiz file the site serves. */
function rightOrder(id) {
  const text = readFileSync(join(suite.dist, "quiz/questions.quiz"), "utf8");
  const block = text.split("## Q: ").find((b) => b.startsWith(`${id} `));
  return [...block.matchAll(/^\d+\. (.*)$/gm)].map((m) => m[1].trim());
}

test("the quiz: answers are graded with their explanation and lesson, the score is kept across a reload", async () => {
  const { context, page, ws } = await fresh("/interview");
  await question(page).waitFor();
  assert.deepEqual(await score(page), [0, 0]);
  assert.equal(await page.locator('[data-testid="quiz-score"]').textContent().then((t) => /39 questions/.test(t)), true);

  // 1: multiple choice, answered right.
  assert.equal(await question(page).getAttribute("data-id"), "branches-are-versions");
  assert.equal(await page.locator('[data-quiz="check"]').isDisabled(), true, "nothing picked is not an answer");
  await page.getByRole("button", { name: "A version of the code" }).click();
  await page.locator('[data-quiz="check"]').click();
  const result = page.getByTestId("quiz-result");
  assert.equal(await result.getAttribute("data-right"), "true");
  assert.match(await result.textContent(), /Right\..*Branches are code versions; environments are where code runs/);
  assert.equal(await page.getByTestId("quiz-lesson").getAttribute("href"), "/lesson/big-picture");
  assert.deepEqual(await score(page), [1, 1]);

  // 2: answered wrong: the explanation says why, the right option is marked.
  await page.locator('[data-quiz="next"]').click();
  await page.getByRole("button", { name: "Another name for a branch" }).click();
  await page.locator('[data-quiz="check"]').click();
  assert.equal(await result.getAttribute("data-right"), "false");
  assert.match(await result.textContent(), /Not quite\..*places code runs/);
  assert.equal(await page.locator(".b2p-quiz__opt--right").count(), 1);
  assert.match(await page.locator(".b2p-quiz__opt--right").textContent(), /its own configuration/);
  assert.deepEqual(await score(page), [1, 2]);

  // Order the steps with ↑: the steps come shuffled.
  await goTo(page, "feature-start");
  const want = rightOrder("feature-start");
  const shown = async () => (await page.getByTestId("quiz-step").allTextContents()).map((t) => t.replace(/[↑↓]/g, "").trim());
  assert.notDeepEqual(await shown(), want);
  for (let i = 0; i < want.length; i++) {
    const at = (await shown()).indexOf(want[i]);
    for (let k = at; k > i; k--) await page.getByRole("button", { name: `Move up: ${want[i]}` }).click();
  }
  assert.deepEqual(await shown(), want);
  await page.locator('[data-quiz="check"]').click();
  assert.equal(await result.getAttribute("data-right"), "true");

  // Spot the problem in a .env: graded by the engine's config check.
  await goTo(page, "debug-in-production");
  await page.locator('[data-quiz="flag"][data-key="API_DEBUG"]').click();
  await page.locator('[data-quiz="check"]').click();
  assert.equal(await result.getAttribute("data-right"), "true");
  assert.match(await result.textContent(), /API_DEBUG=true in production/);
  assert.deepEqual(await score(page), [3, 4]);

  await page.reload();
  await question(page).waitFor();
  assert.deepEqual(await score(page), [3, 4], "the score survives a reload");
  assert.deepEqual(ws.errors, []);
  await context.close();
});

test("“tell me about your development process”: the learner's answer names the branches they made, and copies", async () => {
  const { context, page, ws } = await fresh("/sandbox");
  await ws.run("git checkout development");
  await ws.run("git checkout -b feature/voice-search");
  await ws.run("edit product-inquiry");
  await ws.run("git add .");
  await ws.run('git commit -m "Add voice search"');
  await ws.run("git checkout development");
  await ws.run("git merge feature/voice-search");
  await ws.run("git branch -d feature/voice-search");
  await ws.run("git checkout -b feature/price-bot");
  // To the interview build, by its link in the header.
  await page.locator("header").getByRole("link", { name: "Interview" }).click();
  const answer = page.getByTestId("my-answer");
  await answer.waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=my-answer]").value.length > 0);
  const text = await answer.inputValue();
  // A deleted branch is still named: its merge commit remembers it.
  assert.match(text, /feature\/voice-search and feature\/price-bot/);
  assert.match(text, /^I follow a professional Git workflow/);
  assert.doesNotMatch(text, /rolled it back/, "no rollback happened: the answer does not claim one");
  const gaps = await page.getByTestId("answer-gaps").textContent();
  assert.match(gaps, /a rollback/);
  assert.match(await page.getByTestId("answer-gold").textContent(), /I follow professional Git workflow with feature branches merging to development, then main/);
  assert.ok((await page.locator(".b2p-sheet__ask").count()) >= 5, "follow-up questions");

  // Edited, then copied: the clipboard has the learner's words.
  await answer.press("End");
  await answer.pressSequentially(" I also write tests first.");
  await page.getByTestId("answer-copy").click();
  await page.getByTestId("answer-copy").filter({ hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${text} I also write tests first.`);
  assert.deepEqual(ws.errors, []);
  await context.close();
});

test("presenter mode: the week steps forward and back with the keyboard and ends with production running the story's commit", async () => {
  const { context, page, ws } = await fresh("/sandbox");
  await ws.run("git checkout -b feature/mine");
  await page.waitForFunction(() => (localStorage.getItem("b2p-state") ?? "").includes("feature/mine"));
  const before = await page.evaluate(() => localStorage.getItem("b2p-state"));
  await ws.open("/interview?present");
  const caption = page.getByTestId("present-caption");
  await page.locator('[data-testid="present-caption"][data-steps="9"]').waitFor();
  const step = async () => Number(await caption.getAttribute("data-step"));
  const card = (name) => page.locator(`[data-testid="server-card"][data-server="${name}"]`);
  assert.equal(await step(), 0);

  await page.keyboard.press("ArrowRight");
  assert.equal(await step(), 1);
  assert.match(await caption.textContent(), /Monday: build the feature on its own branch/);
  assert.ok("feature/chinese-voice-support" in (await ws.branchLabels()));
  await page.keyboard.press("Space");
  assert.equal(await step(), 2);
  // ← takes the step back: the world as it was before it.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await step(), 0);
  assert.equal("feature/chinese-voice-support" in (await ws.branchLabels()), false);
  assert.equal(await ws.commitCount(), 1, "the start: the teammate's commit is still only on origin");

  for (let i = 0; i < 9; i++) await page.keyboard.press(i % 2 ? "Space" : "ArrowRight");
  assert.equal(await step(), 9);
  await page.getByTestId("present-end").waitFor();
  const prod = await card("production").getAttribute("data-deployed");
  assert.ok(prod, "production runs something");
  assert.equal(prod, await card("staging").getAttribute("data-deployed"), "production runs the commit staging ran");
  assert.match(await card("production").textContent(), /feature\/chinese-voice-support/);
  assert.equal((await ws.branchLabels()).main, prod, "the tip of main");
  await page.screenshot({ path: join(artifacts, "presenter-1280.png") });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(artifacts, "presenter-1920.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 391), "no sideways scrolling on a phone");
  await page.screenshot({ path: join(artifacts, "presenter-390.png"), fullPage: true });
  // Presenting never touched the learner's own saved world.
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => localStorage.getItem("b2p-state")), before);
  assert.deepEqual(ws.errors, []);
  await context.close();
});

test("the reference: the guide's tables and commands, each with a try-it that opens the sandbox with it typed; it prints on two pages", async () => {
  const { context, page, ws } = await fresh("/reference");
  await page.getByTestId("try-it").first().waitFor();
  const table = page.locator(".b2p-sheet__table");
  assert.deepEqual(await table.locator("tbody th").allTextContents(), ["Data", "URLs", "Debugging", "Security", "Performance", "Integrations"]);
  assert.equal(await page.getByTestId("env-table").locator('[data-env="production"][data-key="API_DEBUG"] code').textContent(), "false");
  assert.ok((await page.getByTestId("try-it").count()) >= 20);
  const line = 'git commit -m "Add my feature"';
  await page.locator(`[data-testid="try-it"][data-line='${line}']`).click();
  await page.waitForURL(/\/sandbox\?try=/);
  assert.equal(await ws.input().inputValue(), line, "typed, waiting for Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "terminal-input");

  await ws.open("/reference");
  await page.getByTestId("try-it").first().waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("header.b2p-header").isVisible(), false, "no navigation on paper");
  assert.equal(await page.getByTestId("try-it").first().isVisible(), false, "no buttons on paper");
  await page.screenshot({ path: join(artifacts, "reference-print.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  writeFileSync(join(artifacts, "reference.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 2, `the cheat sheet prints on ${pages} pages`);
  assert.deepEqual(ws.errors, []);
  await context.close();
});
