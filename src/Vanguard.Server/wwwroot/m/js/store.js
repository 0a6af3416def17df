// The device's own store (IndexedDB): `kv` for the session, caches and drafts; `outbox` for writes not yet accepted by
// the server; `failed` for writes the server refused. A few lines of our own instead of a library, so the terminal
// still starts when the npm-restored vendor files are missing.

const DB_NAME = 'vanguard-terminal';
let dbPromise;

function open() {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('kv');
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
      db.createObjectStore('failed', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

async function run(store, mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = fn(tx.objectStore(store));
    tx.oncomplete = () => resolve(req?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const kv = {
  get: (key) => run('kv', 'readonly', (s) => s.get(key)),
  set: (key, value) => run('kv', 'readwrite', (s) => s.put(value, key)),
  del: (key) => run('kv', 'readwrite', (s) => s.delete(key)),
  keys: () => run('kv', 'readonly', (s) => s.getAllKeys()),
};

export const table = (name) => ({
  all: () => run(name, 'readonly', (s) => (name === 'outbox' ? s.index('seq').getAll() : s.getAll())),
  get: (id) => run(name, 'readonly', (s) => s.get(id)),
  put: (item) => run(name, 'readwrite', (s) => s.put(item)),
  del: (id) => run(name, 'readwrite', (s) => s.delete(id)),
  count: () => run(name, 'readonly', (s) => s.count()),
});

export const outbox = table('outbox');
export const failed = table('failed');
