// Netlify for real: the checklist of ../../shared/NETLIFY.md (README
// "Deploy"), each item checked on the files Netlify reads and on dist/
// served exactly as they declare (serve.mjs reads netlify.toml and
// dist/_headers; nothing is copied by hand). And the suite's CSP watcher is
// shown to catch a violation, so "no violation" means something.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";

import { useBrowser } from "../harness.mjs";
import { readNetlifyToml, parseHeaders } from "../serve.mjs";

const suite = useBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (p) => readFileSync(join(root, p), "utf8");

async function get(path) {
  const r = await fetch(suite.baseUrl + path, { headers: { "Accept-Encoding": "br" } });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

test("netlify.toml: publish is Trunk's dist, the build is the release build with pinned tools, the same for every context", () => {
  const { toml, redirects } = readNetlifyToml();
  const trunk = parseToml(read("Trunk.toml"));
  assert.equal(toml.build.publish, trunk.build.dist, "publish = Trunk's output");
  assert.equal(toml.build.command, "bash scripts/netlify-build.sh");
  const script = read("scripts/netlify-build.sh");
  assert.match(script, /rustup show active-toolchain .*\|\| rustup toolchain install/, "installs the toolchain rust-toolchain.toml names");
  assert.match(script, /make build/);
  const make = read("Makefile");
  // One build for every page.
  assert.match(make, /^build: tools\n\ttrunk build --release\n\tnode scripts\/postbuild\.mjs dist$/m);
  assert.ok(!existsSync(join(root, "interview.html")) && !existsSync(join(suite.dist, "interview.html")), "no second build");
  assert.match(make, /cargo install --locked trunk --version \$\(TRUNK_VERSION\)/, "Trunk pinned");
  assert.match(make, /cargo install wasm-bindgen-cli --version \$\(WASM_BINDGEN_VERSION\)/, "wasm-bindgen-cli pinned to Cargo.lock's");
  assert.match(make, /TRUNK_OFFLINE := true/, "Trunk never downloads");
  const toolchain = parseToml(read("rust-toolchain.toml"));
  assert.ok(toolchain.toolchain.targets.includes("wasm32-unknown-unknown"));
  assert.ok(existsSync(join(root, "Cargo.lock")), "Cargo.lock committed: Netlify caches ~/.cargo and target/");
  // Deploy previews and branch deploys: no context overrides anything.
  assert.equal(toml.context, undefined, "no [context.*] table: every deploy builds and serves the same");
  assert.equal(toml.headers, undefined, "headers come from dist/_headers only, never declared twice");
  assert.deepEqual(
    redirects.map((r) => [r.from, r.to, r.status, r.force]),
    [
      ["/sandbox", "/index.html", 200, false],
      ["/lesson/*", "/index.html", 200, false],
      ["/interview", "/index.html", 200, false],
      ["/reference", "/index.html", 200, false],
    ],
    "rewrites for the app's pages only, never forced over real files",
  );
  assert.ok(!existsSync(join(suite.dist, "_redirects")), "no second redirect file to disagree with netlify.toml");
});

test("the app's pages are the app; real files are never shadowed; a missing file is a 404", async () => {
  for (const path of ["/", "/sandbox", "/sandbox/", "/lesson/integration", "/lesson/no-such-lesson?present"]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get("content-type"), /^text\/html/, path);
    assert.match(r.text, /import init, \* as bindings from '\/branch-to-prod-[0-9a-f]+\.js'/, `${path}: root-absolute assets`);
  }
  // The interview pages are the same build: the same glue and wasm.
  const core = (await get("/")).text.match(/branch-to-prod-([0-9a-f]+)\.js/)[1];
  for (const path of ["/interview", "/interview?present", "/reference"]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    const build = r.text.match(/import init, \* as bindings from '\/branch-to-prod-([0-9a-f]+)\.js'/)?.[1];
    assert.equal(build, core, `${path} is served by index.html`);
  }
  const index = await get("/lessons/index.txt");
  assert.equal(index.status, 200);
  assert.match(index.text, /^big-picture \|/m, "a real file under a rewritten-looking path is served as itself");
  for (const path of ["/branch-to-prod-0123456789abcdef_bg.wasm", "/branch-to-prod-0123456789abcdef.js", "/lessons/no-such.lesson", "/.env.production", "/no/such/page"]) {
    const r = await get(path);
    assert.equal(r.status, 404, `${path} must fail loudly`);
  }
  // A missing page still shows the app, which says so.
  const page = await suite.browser.newPage();
  const response = await page.goto(`${suite.baseUrl}/no/such/page`);
  assert.equal(response.status(), 404);
  await page.waitForSelector('#app[data-ready="1"]');
  assert.match(await page.locator("main").textContent(), /That page does not exist/);
  await page.close();
});

test("headers: CSP with the loader's hash and wasm-unsafe-eval only, the security headers, application/wasm, immutable only on hashed files", async () => {
  const loaderHash = (page) => {
    const html = readFileSync(join(suite.dist, page), "utf8");
    const loader = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/)[1];
    return `'sha256-${createHash("sha256").update(loader, "utf8").digest("base64")}'`;
  };
  for (const [path, page] of [["/", "index.html"], ["/sandbox", "index.html"], ["/lesson/integration", "index.html"], ["/no/such/page", "index.html"], ["/interview", "index.html"], ["/reference", "index.html"]]) {
    const hash = loaderHash(page);
    const { headers } = await get(path);
    const csp = headers.get("content-security-policy");
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
    assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), scriptSrc);
    assert.ok(scriptSrc.includes(hash), `${scriptSrc} lacks the loader's ${hash}`);
    assert.ok(!/'unsafe-eval'|'unsafe-inline'/.test(csp), csp);
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'", "style-src 'self'"]) {
      assert.ok(csp.includes(d), `${path}: ${d}`);
    }
    assert.equal(headers.get("x-content-type-options"), "nosniff");
    assert.equal(headers.get("referrer-policy"), "strict-origin-when-cross-origin");
    assert.match(headers.get("permissions-policy"), /camera=\(\), microphone=\(\), geolocation=\(\)/);
    assert.ok(!/immutable/.test(headers.get("cache-control") ?? ""), `${path} must revalidate`);
  }
  const wasm = readdirSync(suite.dist).find((f) => f.endsWith("_bg.wasm"));
  const w = await get(`/${wasm}`);
  assert.equal(w.headers.get("content-type"), "application/wasm");
  assert.equal(w.headers.get("cache-control"), "public, max-age=31536000, immutable");
  const sw = await get("/sw.js");
  assert.equal(sw.headers.get("cache-control"), "no-cache", "the service worker is always checked");
  for (const rule of parseHeaders(readFileSync(join(suite.dist, "_headers"), "utf8"))) {
    if (/immutable/.test(rule.headers["Cache-Control"] ?? "")) {
      assert.match(rule.pattern, /^\/[^/*]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/, `${rule.pattern}: immutable needs a content hash`);
      assert.ok(existsSync(join(suite.dist, rule.pattern.slice(1))), rule.pattern);
    }
  }
});

test("the suite's CSP watcher catches a violation (so its silence means something)", async () => {
  const page = await suite.browser.newPage();
  await page.goto(`${suite.baseUrl}/sandbox?csp-proof`);
  await page.waitForSelector('#app[data-ready="1"]');
  const executed = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = true";
    document.head.append(s);
    const img = document.createElement("img");
    img.setAttribute("src", "x");
    img.setAttribute("onerror", "window.__handler = true");
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 200));
    return [window.__inline === true, window.__handler === true];
  });
  assert.deepEqual(executed, [false, false], "the CSP blocks inline scripts and handlers");
  const caught = suite.violations.filter((v) => v.includes("csp-proof"));
  assert.ok(caught.length >= 2, `watcher saw: ${JSON.stringify(suite.violations)}`);
  suite.violations.splice(0, suite.violations.length, ...suite.violations.filter((v) => !v.includes("csp-proof")));
  await page.close();
});
