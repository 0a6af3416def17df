// Every write goes through here. It is stored first (IndexedDB) with its own Idempotency-Key, then sent: now when
// online, else on the `online` event and on a retry with back-off. The server answers a repeated key with the first
// result, so a send whose answer was lost is simply sent again. An item leaves the outbox on a 2xx, or on a 4xx other
// than 401/408/429 — then it is kept in `failed` with the server's message. Items go out one at a time, in order
// (a task is accepted before it is finished), and never two flushes at once.
import { api, currentSession } from './api.js';
import { outbox, failed } from './store.js';

const listeners = new Set();
const handlers = new Map(); // kind → function (item, data) called after the server accepted the item
let flushing = null;
let again = false;
let retryTimer = null;
let backoffMs = 0;
let seq = Date.now();

export const onOutboxChange = (fn) => listeners.add(fn);
export const onSent = (kind, fn) => handlers.set(kind, fn);

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export async function counts() {
  const user = currentSession()?.username;
  const mine = (items) => items.filter((i) => i.user === user);
  return { pending: mine(await outbox.all()).length, failed: mine(await failed.all()).length };
}

async function changed() {
  const c = await counts();
  listeners.forEach((fn) => fn(c));
}

/**
 * Queues a write { kind, label, path, body, method?, silentCodes? }; its id is the Idempotency-Key.
 */
export async function enqueue(write) {
  const item = {
    id: uuid(),
    seq: ++seq,
    user: currentSession()?.username,
    method: 'POST',
    createdAt: new Date().toISOString(),
    attempts: 0,
    ...write,
  };
  await outbox.put(item);
  await changed();
  flush();
  return item;
}

export function flush() {
  // One flush at a time in this tab, and across tabs where Web Locks exist; a write queued meanwhile gets another pass.
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await (navigator.locks ? navigator.locks.request('vanguard-outbox', drain) : drain());
    } while (again);
  })().finally(() => { flushing = null; });
  return flushing;
}

async function drain() {
  const user = currentSession()?.username;
  if (!user) return;
  const items = (await outbox.all()).filter((i) => i.user === user);
  for (const item of items) {
    let res;
    try {
      res = await api(item.path, { method: item.method, body: item.body, headers: { 'Idempotency-Key': item.id } });
    } catch {
      return scheduleRetry(); // offline: keep the order, try later
    }
    if (res.ok) {
      await outbox.del(item.id);
      backoffMs = 0;
      await handlers.get(item.kind)?.(item, res.data);
      await changed();
      continue;
    }
    if (res.status === 401 || res.status === 408 || res.status === 429 || res.status >= 500) {
      item.attempts += 1;
      item.lastError = res.message;
      await outbox.put(item);
      await changed();
      return scheduleRetry();
    }
    await outbox.del(item.id);
    if (!item.silentCodes?.includes(res.problem?.code)) {
      await failed.put({ ...item, failedAt: new Date().toISOString(), status: res.status, code: res.problem?.code, message: res.message });
    }
    await changed();
  }
}

function scheduleRetry() {
  backoffMs = Math.min(backoffMs ? backoffMs * 2 : 5_000, 300_000);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(flush, backoffMs);
}

export async function retryFailed(id) {
  const item = await failed.get(id);
  if (!item) return;
  await failed.del(id);
  const { failedAt, status, code, message, ...again } = item;
  await outbox.put({ ...again, seq: ++seq });
  await changed();
  flush();
}

export async function dismissFailed(id) {
  await failed.del(id);
  await changed();
}

export function startSync() {
  window.addEventListener('online', () => { backoffMs = 0; flush(); });
  // A safety net besides the back-off timer: a phone asleep or a lost `online` event must not strand the queue.
  setInterval(() => { if (navigator.onLine) flush(); }, 60_000);
  changed();
  flush();
}
