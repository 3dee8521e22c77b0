// End to end: the guide's whole flow — feature → development → main →
// staging → production, then the same commit promoted — done by typing only,
// by clicking only, and with the keyboard only, ends in the same world; the
// request console, the profiles table, dark mode, accessibility (axe) and
// the page's width from a phone to a projector.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { useBrowser, artifacts } from "../harness.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";
import { FLOW, FEATURE, MESSAGE } from "../guide_flow.mjs";

const suite = useBrowser();
const workspace = suite.workspace;
const axeSource = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../node_modules/axe-core/axe.min.js"), "utf8");

function assertShipped(world) {
  const deployed = (name) => world.servers[name].split(" ")[1];
  assert.ok(deployed("staging"), JSON.stringify(world.servers));
  assert.equal(deployed("development"), deployed("staging"), "development and main meet at the release");
  assert.equal(deployed("production"), deployed("staging"), "production runs the very commit staging ran");
  assert.deepEqual(world.pulls, ["#1 merged"]);
}

test("the guide's flow typed and the same flow clicked end in the same world", async () => {
  const typed = await workspace("/sandbox");
  for (const [line] of FLOW) {
    await typed.run(line);
    const entry = typed.page.locator(".b2p-terminal__entry").last();
    assert.ok(!(await entry.getAttribute("class")).includes("--error"), `${line}: ${await typed.lastOutput()}`);
  }
  const clicked = await workspace("/sandbox");
  for (const [line, click] of FLOW) {
    assert.equal(await click(clicked), line, "the button echoes the command it ran");
  }
  const a = await typed.world();
  const b = await clicked.world();
  assert.deepEqual(b, a);
  assertShipped(a);
  // The graph marks what each server runs, and a click on a commit says so.
  const released = a.servers.production.split(" ")[1];
  await clicked.page.locator(`[data-commit="${released}"] circle`).first().click();
  const detail = clicked.page.getByTestId("commit-detail");
  await detail.waitFor();
  assert.match(await detail.getByTestId("commit-servers").textContent(), /staging, production/);
  for (const server of ["development", "staging", "production"]) {
    assert.ok(a.labels.includes(`▶ ${server} @ ${released}`), a.labels.join("\n"));
  }
  assert.deepEqual(typed.errors, []);
  assert.deepEqual(clicked.errors, []);
  await typed.page.close();
  await clicked.page.close();
});

/** Presses Tab (then Shift+Tab, for what is behind) until `selector` has
 * focus, as a keyboard user reaches it. */
async function tabTo(page, selector) {
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 200; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits until the newest terminal entry is the command `line`. */
function waitLine(page, line) {
  return page.waitForFunction(
    (l) => [...document.querySelectorAll(".b2p-terminal__line")].pop()?.textContent === `$ ${l}`,
    line,
  );
}

test("the flow works with the keyboard alone, with focus visible", async () => {
  const ws = await workspace("/");
  await tabTo(ws.page, 'a[href="/sandbox"].b2p-intro__start');
  await ws.page.keyboard.press("Enter");
  await ws.page.waitForURL(/\/sandbox$/);
  await tabTo(ws.page, '[data-field="branch-name"]');
  const outline = await ws.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focused field shows it");
  await ws.page.keyboard.type(FEATURE);
  await ws.page.keyboard.press("Enter");
  await waitLine(ws.page, `git checkout -b ${FEATURE} development`);
  const steps = [
    ['form[data-form="edit"] button', "edit product-inquiry"],
    ['button[data-action="add"]', "git add ."],
  ];
  for (const [sel, line] of steps) {
    await tabTo(ws.page, sel);
    await ws.page.keyboard.press("Enter");
    await waitLine(ws.page, line);
  }
  await tabTo(ws.page, '[data-field="commit-message"]');
  await ws.page.keyboard.type(MESSAGE);
  await ws.page.keyboard.press("Enter");
  await waitLine(ws.page, `git commit -m '${MESSAGE}'`);
  for (const [sel, line] of [
    ['form[data-form="switch"] button', "git checkout development"],
    ['form[data-form="merge"] button', `git merge ${FEATURE}`],
    ['button[data-action="push"]', "git push"],
  ]) {
    await tabTo(ws.page, sel);
    await ws.page.keyboard.press("Enter");
    await waitLine(ws.page, line);
  }
  const world = await ws.world();
  const dev = world.labels.find((l) => l.startsWith("origin/development @ ")).split(" @ ")[1];
  assert.equal(world.servers.development.split(" ")[1], dev, "the development server runs the pushed merge");
  // The terminal itself: Tab completes, ↑ recalls.
  await tabTo(ws.page, '[data-testid="terminal-input"]');
  await ws.page.keyboard.type("git chec");
  await ws.page.keyboard.press("Tab");
  assert.equal(await ws.input().inputValue(), "git checkout ");
  await ws.page.keyboard.press("Control+U");
  assert.equal(await ws.input().inputValue(), "");
  await ws.page.keyboard.type("gti status");
  await ws.page.keyboard.press("Enter");
  await ws.page.getByText("did you mean git?").waitFor();
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("the request console shows CORS, debug, threshold and log lines per profile", async () => {
  const ws = await workspace("/sandbox");
  const ask = async (server, fields) => {
    const card = ws.page.locator(`[data-testid="server-card"][data-server="${server}"]`);
    const console_ = card.getByTestId("request-console");
    if (!(await console_.evaluate((d) => d.open))) await console_.locator("summary").click();
    const form = console_.locator('form[data-form="request"]');
    for (const [name, value] of Object.entries(fields)) {
      const input = form.locator(`[name="${name}"]`);
      if ((await input.evaluate((e) => e.tagName)) === "SELECT") await input.selectOption(value);
      else await input.fill(value);
    }
    await form.locator("button[type=submit]").click();
    await card.getByTestId("console-response").waitFor();
    return card;
  };
  // A command the engine names in backticks reads as code on the card.
  const production = ws.page.locator('[data-testid="server-card"][data-server="production"]');
  assert.equal(await production.locator(".b2p-server__meta code").first().textContent(), "deploy production");
  for (const text of await ws.page.getByTestId("server-card").allInnerTexts()) assert.doesNotMatch(text, /`/);
  let card = await ask("production", { method: "GET", path: "/", origin: "https://evil.example" });
  const response = await card.getByTestId("console-response").textContent();
  assert.match(response, /^HTTP\/1\.1 200 OK/);
  assert.doesNotMatch(response, /access-control-allow-origin:/i, "no CORS header for a foreign origin");
  assert.match(await card.locator('dd[data-key="CORS_ORIGINS"]').textContent(), /https:\/\/evil\.example is not in CORS_ORIGINS=/);
  assert.match(await card.locator('dd[data-key="API_DEBUG"]').textContent(), /^API_DEBUG=false/);
  assert.doesNotMatch(response, /"database"/, "production reports no internals");
  // The console's request is the terminal's curl line, echoed.
  assert.equal(await ws.lastLine(), "curl -i -H 'Origin: https://evil.example' https://smart-chatbot.railway.app/");

  card = await ask("development", { method: "GET", path: "/", origin: "" });
  assert.match(await card.getByTestId("console-response").textContent(), /"database":/, "debug adds where the data is");
  assert.match(await card.locator('dd[data-key="API_DEBUG"]').textContent(), /^API_DEBUG=true/);

  card = await ask("development", { method: "POST", path: "/chat", message: "how much does it cost?" });
  assert.match(await card.locator('dd[data-key="CONFIDENCE_THRESHOLD"]').textContent(), /confidence .* (≥|<) /);
  assert.match(await card.getByTestId("console-logs").textContent(), /DEBUG: classify/, "LOG_LEVEL=DEBUG writes the scores");
  card = await ask("production", { method: "POST", path: "/chat", message: "how much does it cost?" });
  assert.equal(await card.getByTestId("console-logs").count(), 0, "LOG_LEVEL=ERROR writes nothing for a good request");
  assert.match(await card.locator('dd[data-key="LOG_LEVEL"]').textContent(), /wrote nothing/);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("the profiles table highlights exactly the keys that differ, with provenance and findings", async () => {
  const ws = await workspace("/sandbox");
  const rows = await ws.page.getByTestId("env-table").locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.querySelector("th").textContent,
      differs: tr.classList.contains("b2p-profiles__row--differs"),
      values: ["development", "staging", "production"].map((e) => tr.querySelector(`td[data-env="${e}"] code`).textContent),
    })),
  );
  assert.ok(rows.length >= 6, JSON.stringify(rows));
  for (const r of rows) assert.equal(r.differs, new Set(r.values).size > 1, JSON.stringify(r));
  assert.ok(rows.find((r) => r.key === "API_DEBUG").differs);
  // Where the development server's API_HOST comes from: the platform, as in the guide.
  const dev = ws.page.locator('.b2p-profiles__provenance details[data-server="development"]');
  await dev.locator("summary").click();
  assert.match(await dev.locator('td[data-key="API_HOST"]').textContent(), /platform variable/);
  // A misconfigured profile: the finding and its fix show inline.
  await ws.run("echo 'API_DEBUG=true' >> .env.production");
  const finding = ws.page.locator('.b2p-profiles__finding--fail[data-env="production"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /fix: set API_DEBUG=false in \.env\.production/);
  assert.deepEqual(ws.errors, []);
  await ws.page.close();
});

test("dark mode follows the system and the toggle, and is remembered", async () => {
  const page = await suite.browser.newPage({ colorScheme: "dark", viewport: { width: 1280, height: 800 } });
  const ws = new WorkspacePage(page, suite.baseUrl);
  await ws.open("/sandbox");
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), "rgb(13, 17, 23)", "the system's dark preference");
  await page.getByTestId("theme-toggle").click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
  assert.equal(await bg(), "rgb(246, 247, 249)");
  await page.reload();
  await page.waitForSelector('#app[data-ready="1"]');
  assert.equal(await bg(), "rgb(246, 247, 249)", "the choice is remembered");
  await page.getByTestId("theme-toggle").click();
  assert.equal(await bg(), "rgb(13, 17, 23)");
  assert.equal(await page.getByTestId("theme-toggle").getAttribute("aria-pressed"), "true");
  await page.screenshot({ path: join(artifacts, "sandbox-dark-1280.png") });
  assert.deepEqual(ws.errors, []);
  await page.close();
});

test("every route: no WCAG 2 A/AA violation (axe), no horizontal overflow from 360 to 1920 px", async () => {
  const ws = await workspace("/");
  // A world with something in every panel.
  await ws.page.goto(`${suite.baseUrl}/sandbox`);
  await ws.page.waitForSelector('#app[data-ready="1"]');
  for (const line of ["git checkout -b feature/x", "edit product-inquiry", "git commit -am 'Add product inquiry'", "git push -u origin feature/x", "gh pr create --base development --fill"]) {
    await ws.run(line);
  }
  for (const path of ["/", "/sandbox", "/lesson/big-picture", "/interview", "/interview?present", "/reference", "/no-such-page"]) {
    await ws.page.evaluate((p) => {
      history.pushState(null, "", p);
      dispatchEvent(new PopStateEvent("popstate"));
    }, path);
    await ws.page.waitForTimeout(50);
    // Open every disclosure so axe sees what a learner can.
    await ws.page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await ws.page.evaluate(axeSource);
    // At every width, after the commands above: a panel that scrolls at
    // one width only (the graph, sideways at 390 px) must be reachable too.
    for (const width of [360, 390, 1280, 1920]) {
      await ws.page.setViewportSize({ width, height: 900 });
      const over = await ws.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `${path} at ${width}px overflows by ${over}px`);
      const result = await ws.page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
      );
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      assert.deepEqual(found, [], `${path} at ${width}px`);
    }
    await ws.page.setViewportSize({ width: 1280, height: 900 });
  }
  await ws.page.close();
});

test("screenshots at 390, 1280 and 1920 px", async () => {
  for (const [width, height] of [[390, 1600], [1280, 1500], [1920, 1200]]) {
    const page = await suite.browser.newPage({ viewport: { width, height }, reducedMotion: "reduce" });
    const ws = new WorkspacePage(page, suite.baseUrl);
    await ws.open("/");
    await page.screenshot({ path: join(artifacts, `home-${width}.png`) });
    await ws.open("/sandbox");
    for (const [line] of FLOW.slice(0, 5)) await ws.run(line);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, `sandbox-${width}.png`) });
    assert.deepEqual(ws.errors, []);
    await page.close();
  }
});
