// XSS: payloads from OWASP's XSS Filter Evasion Cheat Sheet, typed or
// clicked in everywhere a learner's text reaches the page — branch names,
// commit messages, file contents, .env values, pull request titles and
// bodies, curl bodies — and arriving inside a share link and in stored
// state. Each renders as text: no dialog opens, no element or event handler
// is injected, and (the harness's watcher) no CSP violation is even tried.
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "../harness.mjs";
import { WorkspacePage } from "../pages/workspace_page.mjs";

const suite = useBrowser();

// https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html
const PAYLOADS = [
  "<script>alert('XSS')</script>",
  "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<IMG SRC=javascript:alert('XSS')>",
  "<img src=x onerror=alert(1)>",
  "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
  "<IMG SRC=# onmouseover=\"alert('xxs')\">",
  "<svg/onload=alert('XSS')>",
  "<BODY ONLOAD=alert('XSS')>",
  "<iframe src=\"javascript:alert('XSS');\"></iframe>",
  "<a href=\"javascript:alert(1)\">click</a>",
  "\"><script>alert(1)</script>",
  "'><img src=x onerror=alert(1)>",
  "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
  "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
  "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
  "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
  "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
  "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.rocks/scriptlet.html\"></OBJECT>",
  "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\" type=\"image/svg+xml\">",
  "<details open ontoggle=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "</title><svg><style><img src=x onerror=alert(1)>",
  "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
  "{{constructor.constructor('alert(1)')()}}",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
];

/** The engine's own quoting (engine::grammar::quote): the word comes back unchanged. */
function quote(word) {
  if (word && /^[A-Za-z0-9\-_./=:@,+%]+$/.test(word)) return word;
  if (!word.includes("'")) return `'${word}'`;
  return `"${word.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
}

/** What an injection would leave: elements that run code, or any on* attribute. */
function injected(page) {
  return page.evaluate(() => {
    const found = [...document.querySelectorAll("#app script, #app iframe, #app object, #app embed, #app meta, #app link, #app img, #app input[type=image], #app a[href^='javascript' i]")].map((e) => e.outerHTML.slice(0, 60));
    for (const e of document.querySelectorAll("#app *")) {
      for (const a of e.getAttributeNames()) if (a.toLowerCase().startsWith("on")) found.push(`${e.tagName}[${a}]`);
    }
    return found;
  });
}

async function fresh(path = "/sandbox") {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const ws = new WorkspacePage(page, suite.baseUrl);
  ws.dialogs = dialogs;
  await ws.open(path);
  return ws;
}

async function assertInert(ws, where) {
  await ws.page.waitForTimeout(100);
  assert.deepEqual(ws.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(await injected(ws.page), [], `${where}: markup was injected`);
  assert.equal(await ws.page.evaluate(() => document.title), "Branch to Prod — from feature branch to production", `${where}: the title changed`);
}

test(`${PAYLOADS.length} payloads as branch names, commit messages, .env values, curl bodies, PR titles and bodies render as text`, async () => {
  const ws = await fresh();
  await ws.run("python main.py");
  for (const [i, p] of PAYLOADS.entries()) {
    await ws.run(`git checkout -b ${quote(p)}`);
    await ws.run(`git checkout -b feature/p${i} development && git commit --allow-empty -m ${quote(p)} && git push -u origin feature/p${i} && gh pr create --base development --title ${quote(p)} --body ${quote(p)}`);
    await ws.run(`echo ${quote(`API_GREETING=${p}`)} >> .env.development`);
    await ws.run(`curl -X POST localhost:8000/chat -H 'Content-Type: application/json' -d ${quote(JSON.stringify({ message: p }))}`);
  }
  await assertInert(ws, "typed");
  // The text is there, as text: the graph's subjects, the PR titles, the terminal.
  const subjects = await ws.page.getByTestId("commit-graph").textContent();
  const pulls = await ws.page.locator("[data-pr]").allTextContents();
  const terminal = await ws.outputText();
  for (const p of PAYLOADS) {
    assert.ok(terminal.includes(p), `terminal shows ${p}`);
    assert.ok(pulls.some((t) => t.includes(p)), `a PR shows ${p}`);
  }
  assert.ok(subjects.includes("<script>alert('XSS')</script>"), "the graph shows the commit subject as written");
  assert.deepEqual(ws.errors.filter((e) => !/Failed to load resource/.test(e)), []);

  // Clicked: the forms take the same text.
  await ws.submitForm("branch", { name: PAYLOADS[4], start: "development" });
  await ws.submitForm("commit", { message: PAYLOADS[7] });
  // The editor saves a file whose contents are payloads.
  await ws.page.getByTestId("editor-file").selectOption(".env.production");
  await ws.page.getByTestId("editor-text").fill(PAYLOADS.map((p) => `X=${p}`).join("\n"));
  await ws.page.getByTestId("editor-save").click();
  await ws.page.getByTestId("editor-text").fill(PAYLOADS.join("\n"));
  await assertInert(ws, "clicked");
  await ws.page.context().close();
});

test("payloads inside a share link and in stored state render as text", async () => {
  const ws = await fresh();
  for (const p of PAYLOADS.slice(0, 8)) await ws.run(`git commit --allow-empty -m ${quote(p)}`);
  const link = await ws.shareLink(8);
  const theirs = await fresh(link.slice(suite.baseUrl.length));
  assert.match((await theirs.notice()).text, /Opened a shared world: 8 commands/);
  await assertInert(theirs, "share link");
  assert.ok((await theirs.page.getByTestId("commit-graph").textContent()).includes(PAYLOADS[4]));

  // Stored state written by someone else: lines and lesson ids with payloads.
  // The shared world's own save lands first (else the page, leaving, would
  // save it over what is written here).
  await theirs.page.waitForFunction(() => (localStorage.getItem("b2p-state") ?? "").includes("git commit"));
  const state = JSON.stringify({ version: 2, progress: [], worlds: { sandbox: PAYLOADS.map((p) => `echo ${quote(p)}`) } });
  await theirs.page.evaluate((s) => localStorage.setItem("b2p-state", s), state);
  await theirs.page.reload();
  await theirs.page.waitForSelector('#app[data-ready="1"]');
  await theirs.page.waitForFunction((n) => document.querySelectorAll(".b2p-terminal__entry").length === n, PAYLOADS.length);
  assert.ok((await theirs.outputText()).includes(PAYLOADS[0]));
  await assertInert(theirs, "stored state");
  const hostile = JSON.stringify({ version: 2, progress: ["<img src=x onerror=alert(1)>"], worlds: {} });
  await theirs.page.evaluate((s) => localStorage.setItem("b2p-state", s), hostile);
  await theirs.page.goto(`${suite.baseUrl}/`);
  await theirs.page.waitForSelector('#app[data-ready="1"]');
  assert.match((await theirs.notice()).text, /progress is not a list of lessons/);
  await assertInert(theirs, "hostile progress");
  await ws.page.context().close();
  await theirs.page.context().close();
});
