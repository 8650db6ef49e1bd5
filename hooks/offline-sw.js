// The site's service worker (offline.py writes it at the site's root, with its build's
// VERSION): on install, every page and file the site uses (offline.json, made at build time)
// goes into a cache named after the build. A new build's worker waits until no page uses the
// old one (the reader's next visit), then takes over and deletes older builds' caches of this
// site: an old worker replaced mid-request would fail its requests. Pages and files come from
// the network when it answers, else from the cache; a page not kept gets the 404 page.
// Nothing leaves the site's own origin: other requests pass by.
const VERSION = "__VERSION__";
const SCOPE = new URL(self.registration.scope).pathname;
const CACHE = `atl:${SCOPE}:${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const { files } = await (await fetch("offline.json", { cache: "no-cache" })).json();
    // from the host itself, not the browser's cache: that may still hold the last build's files
    await (await caches.open(CACHE)).addAll(files.map((file) => new Request(file, { cache: "reload" })));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith(`atl:${SCOPE}:`) && name !== CACHE);
    for (const name of older) await caches.delete(name);
    // the first worker takes the page it was installed from, so that it works offline at once
    if (!older.length) await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  // a page asks the host again each time (a new deploy shows at once); files may come from
  // the browser's own cache, as without a worker
  const network = request.mode === "navigate" ? fetch(request.url, { cache: "no-cache" }) : fetch(request);
  event.respondWith(network.catch(async () => {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    const missing = request.mode === "navigate" && (await cache.match("404.html"));
    return missing ? new Response(missing.body, { status: 404, headers: missing.headers }) : Response.error();
  }));
});
