// What every spec needs: dist/ served as Netlify serves it (serve.mjs), Debian's
// Chromium, and a workspace page object per test. Every page any spec opens
// is watched for Content-Security-Policy violations: one fails the suite.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

import { startServer } from "./serve.mjs";
import { launch } from "./browser.mjs";
import { WorkspacePage } from "./pages/workspace_page.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = process.env.DIST ?? join(root, "dist");
export const artifacts = join(root, "tests/e2e/artifacts");

/** Registers the suite's setup; the returned object fills in before the first test. */
export function useBrowser() {
  const ctx = { server: null, browser: null, baseUrl: "", dist, violations: [] };
  before(async () => {
    ctx.server = await startServer(dist);
    ctx.baseUrl = `http://127.0.0.1:${ctx.server.address().port}`;
    ctx.browser = watchCsp(await launch(), ctx.violations);
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
    assert.deepEqual(ctx.violations, [], "Content-Security-Policy violations");
  });
  /** A fresh page on `path`, waited for until the app is ready. */
  ctx.workspace = async (path = "/sandbox") => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ws = new WorkspacePage(page, ctx.baseUrl);
    await ws.open(path);
    return ws;
  };
  return ctx;
}

/** Chromium reports a CSP violation on the console ("Refused to … because it
 * violates the following Content Security Policy directive"). */
export function watchPage(page, violations) {
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/** `browser`, with every page it opens (directly or in a context) watched. */
export function watchCsp(browser, violations) {
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newPage = async (options) => watchPage(await newPage(options), violations);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on("page", (p) => watchPage(p, violations));
    return context;
  };
  return browser;
}
