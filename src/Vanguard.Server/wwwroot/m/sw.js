// The terminal's service worker (scope /m/): keeps the shell so /m/ opens without coverage. Writes are queued by the app.
const VERSION = 'terminal-2026-11-27-7';
const SHELL = ['./', 'index.html', 'styles.css', 'manifest.webmanifest', 'icon.svg', 'js/app.js', 'js/api.js', 'js/store.js',
  'js/outbox.js', 'js/tasks.js', 'js/lookup.js', 'js/forms.js', 'js/checks.js', 'js/ui.js'];
const OPTIONAL = ['lib/signalr.min.js']; // npm-restored; absent when the server was built without npm

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    await cache.addAll(SHELL.map((u) => new Request(u, { cache: 'reload' })));
    await Promise.all(OPTIONAL.map((u) => cache.add(new Request(u, { cache: 'reload' })).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== VERSION) await caches.delete(key);
    await self.clients.claim();
  })());
});

const scope = new URL(self.registration.scope);
const FILES = new Set([...SHELL, ...OPTIONAL].map((u) => new URL(u, self.location).pathname));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== scope.origin) return;
  if (req.mode === 'navigate') {
    if (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`) event.respondWith(networkFirst(req, './'));
    return;
  }
  // Only the terminal's own files: the staff UI's pages under /m/{module} and the API go to the network untouched.
  if (FILES.has(url.pathname)) event.respondWith(networkFirst(req, req));
});

// The network when it answers within 4 s (so a release reaches the phone as one consistent set of files), else the
// cached copy: a weak signal on the road must not hold the app hostage.
async function networkFirst(req, key) {
  const cache = await caches.open(VERSION);
  const network = fetch(req).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    return res;
  });
  const timeout = new Promise((resolve) => { setTimeout(resolve, 4000); });
  try {
    const res = await Promise.race([network, timeout]);
    if (res) return res;
  } catch { /* offline */ }
  network.catch(() => {});
  return (await cache.match(key, { ignoreSearch: true })) ?? network.catch(() => Response.error());
}
