// Every write goes through here. It is stored first (IndexedDB) with its own Idempotency-Key, then sent: now when
// online, else on the `online` event and on a retry with back-off. The server answers a repeated key with the first
// result, so a send whose answer was lost is simply sent again. An item leaves the outbox on a 2xx, or on a 4xx other
// than 401/408/429 — then it is kept in `failed` with the server's message. Items go out one at a time, in order
// (a task is accepted before it is finished), and never two flushes at once.
// Each item belongs to the account that wrote it (`account`: the id from GET /me) and is sent only with that account's
// token: on a shared phone officer A's unsent writes wait, untouched, until A signs in again.
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

/** The account an item belongs to; items queued before accounts were kept carry the typed username only. */
const owner = (i, s) => i.account ?? (s && i.user?.toLowerCase() === s.username?.toLowerCase() ? s.userId : undefined);
export const isMine = (i, s = currentSession()) => !!s?.userId && owner(i, s) === s.userId;

export async function counts() {
  const s = currentSession();
  const all = await outbox.all();
  const others = all.filter((i) => !isMine(i, s));
  return {
    pending: all.length - others.length,
    failed: (await failed.all()).filter((i) => isMine(i, s)).length,
    others: others.length,
    otherNames: [...new Set(others.map((i) => i.accountName ?? i.user ?? '其他账号'))],
  };
}

async function changed() {
  const c = await counts();
  listeners.forEach((fn) => fn(c));
}

/**
 * Queues a write { kind, label, path, body, method?, silentCodes?, account?, accountName? } for the signed-in account
 * (or the one given); its id is the Idempotency-Key.
 */
export async function enqueue(write) {
  const s = currentSession();
  const item = {
    id: uuid(),
    seq: ++seq,
    account: s?.userId,
    accountName: s?.username,
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
  const s = currentSession();
  if (!s?.userId) return;
  for (const item of await outbox.all()) {
    // Checked before every send: a sign-out or another officer's sign-in mid-drain stops it, A's items stay queued.
    if (currentSession()?.userId !== s.userId) return;
    if (!isMine(item, s)) continue;
    if (!item.account) { item.account = s.userId; item.accountName = s.username; await outbox.put(item); }
    let res;
    try {
      res = await api(item.path, { method: item.method, body: item.body, headers: { 'Idempotency-Key': item.id }, as: s.userId });
    } catch {
      return scheduleRetry(); // offline: keep the order, try later
    }
    if (res.switched) return;
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
  if (!item || !isMine(item)) return;
  // The server remembers an Idempotency-Key 90 days: an older item resent under its key could be stored a second time.
  if (Date.now() - new Date(item.createdAt).getTime() > 85 * 86_400_000) {
    alert('该数据已超过 85 天，服务器已无法判断它是否曾经提交，为防止重复登记不能重新提交。请核对后重新填写，然后删除此条。');
    return;
  }
  await failed.del(id);
  const { failedAt, status, code, message, ...again } = item;
  await outbox.put({ ...again, seq: ++seq });
  await changed();
  flush();
}

export async function dismissFailed(id) {
  const item = await failed.get(id);
  if (!item || !isMine(item)) return;
  // The server remembers an Idempotency-Key 90 days: an older item resent under its key could be stored a second time.
  if (Date.now() - new Date(item.createdAt).getTime() > 85 * 86_400_000) {
    alert('该数据已超过 85 天，服务器已无法判断它是否曾经提交，为防止重复登记不能重新提交。请核对后重新填写，然后删除此条。');
    return;
  }
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
