// What every spec needs: dist/ served with its production headers, Debian's
// Chromium, and a workspace page object per test.
import { before, after } from "node:test";
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
  const ctx = { server: null, browser: null, baseUrl: "" };
  before(async () => {
    ctx.server = await startServer(dist);
    ctx.baseUrl = `http://127.0.0.1:${ctx.server.address().port}`;
    ctx.browser = await launch();
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
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
