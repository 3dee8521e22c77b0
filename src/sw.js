// Branch to Prod's service worker: the app works offline after the first
// visit. The build (scripts/postbuild.mjs) writes dist/sw.js from this file,
// filling in VERSION (a hash of every file), FILES (the app shell, the
// hashed assets, the lessons, the quiz), HASHED (the content-hashed ones)
// and PAGES (netlify.toml's rewrites).
//
// Each version caches into a cache of its own, all files or none (addAll is
// atomic; a failed install deletes its cache), and serves only from it. A
// new version waits until a page asks it to take over (src/offline.rs) and
// no other tab runs the old one; then it deletes the old caches. So a page
// never gets files from two versions.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `b2p-${VERSION}`;
// The files whose names carry their content's hash (the build's own list).
const HASHED = new Set(__HASHED__);
// Which file answers each page's path (netlify.toml's rewrites): the
// interview pages are a build of their own.
const PAGES = __PAGES__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Hashed files may come from the HTTP cache (their names change with
      // their content); the rest must come from the server.
      cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.has(f) ? "default" : "reload" }))).catch(async (error) => {
        await caches.delete(CACHE);
        throw error;
      }),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("b2p-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data !== "take-over") return;
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      if (tabs.length <= 1) await self.skipWaiting();
      else event.source?.postMessage("busy");
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const file = await cache.match(url.pathname);
      if (file) return file;
      // Every page is the app: this version's shell for the path.
      if (request.mode === "navigate") {
        const path = url.pathname.replace(/\/$/, "") || "/";
        const page = PAGES.find(([from]) => (from.endsWith("*") ? path.startsWith(from.slice(0, -1)) : path === from));
        return (await cache.match(page ? page[1] : "/index.html")) ?? fetch(request);
      }
      return fetch(request);
    })(),
  );
});
