// Every write: stored (IndexedDB) with its Idempotency-Key, then sent, now or on `online`/back-off; a repeated key gets
// the first result. A 2xx removes it, a 4xx other than 401/408/429 moves it to `failed`. One at a time, in order.
// Each item is bound to its account (id from GET /me) and sent only with that account's token (shared phones).
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

/** An item's account; older items carry the typed username only. */
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

/** Queues { kind, label, path, body, method?, silentCodes?, account?, accountName? }; id = Idempotency-Key. */
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
  // One flush at a time (Web Locks across tabs); a write queued meanwhile gets another pass.
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
    // Before every send: a sign-out or another sign-in stops the drain.
    if (currentSession()?.userId !== s.userId) return;
    if (!isMine(item, s)) continue;
    if (!item.account) await outbox.put(Object.assign(item, { account: s.userId, accountName: s.username }));
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
  // Keys are kept 90 days on the server: an older resend could be stored twice.
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
  await failed.del(id);
  await changed();
}

export function startSync() {
  window.addEventListener('online', () => { backoffMs = 0; flush(); });
  // A safety net for a phone asleep or a lost `online` event.
  setInterval(() => { if (navigator.onLine) flush(); }, 60_000);
  changed();
  flush();
}
