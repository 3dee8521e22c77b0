import { startServer } from "./serve.mjs";
import { launch } from "./browser.mjs";
import { WorkspacePage } from "./pages/workspace_page.mjs";
const server = await startServer(process.env.DIST ?? "../../dist");
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const ws = new WorkspacePage(page, base);
await ws.open("/lesson/feature-development");
await page.screenshot({ path: "/tmp/ex/lesson.png", fullPage: false });
const lines = (process.env.LINES ?? "").split("\n").filter(Boolean);
await ws.open("/sandbox");
for (const l of lines) { const o = await ws.run(l); console.log("$ " + l + "\n" + o); }
await page.screenshot({ path: "/tmp/ex/sandbox.png", fullPage: true });
console.log("errors", ws.errors);
await browser.close(); server.close();
