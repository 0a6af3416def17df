// IndexedDB: `kv` for the session and caches; `outbox` for writes the server has not accepted yet; `failed` for writes
// it refused. Our own few lines, not a vendor file: the terminal must start even when the npm files are missing.

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
};

// Caches live under `u:{account id}:{key}`: on a shared phone officer B never reads or appends to A's entries.
let account = null;
export const setAccount = (id) => { account = id ?? null; };
const scoped = (key, id = account) => `u:${id}:${key}`;
export const ukv = {
  get: (key) => (account ? kv.get(scoped(key)) : Promise.resolve(undefined)),
  set: (key, value) => (account ? kv.set(scoped(key), value) : Promise.resolve()),
  del: (key, id = account) => (id ? kv.del(scoped(key, id)) : Promise.resolve()),
  /** Appends in one transaction (no lost update). */
  append: (key, items, max, id = account) => (id ? run('kv', 'readwrite', (s) => {
    const k = scoped(key, id);
    const req = s.get(k);
    req.onsuccess = () => s.put([...(req.result ?? []), ...items].slice(-max), k);
  }) : Promise.resolve()),
  /** Reads and empties in one transaction. */
  take: async (key, id = account) => {
    if (!id) return [];
    let out = [];
    await run('kv', 'readwrite', (s) => {
      const k = scoped(key, id);
      const req = s.get(k);
      req.onsuccess = () => { out = req.result ?? []; s.delete(k); };
    });
    return out;
  },
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
