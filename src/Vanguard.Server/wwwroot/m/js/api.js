// HTTP to /api/v1 with the bearer token. A 401 refreshes the pair once (one refresh at a time) and repeats the call.
// Only a refresh answered 401 signs out; 408/429/5xx or no network keep the session for a later try.
import { kv, setAccount } from './store.js';

const BASE = '/api/v1';
let session = null; // { userId (GET /me), username, accessToken, refreshToken, expiresAt }
let refreshing = null;
const listeners = new Set();

export const onSessionChange = (fn) => listeners.add(fn);
const emit = (previous) => listeners.forEach((fn) => fn(session, previous));

export async function loadSession() {
  session = (await kv.get('session')) ?? null;
  if (session && !session.userId) {
    // Stored before account ids were kept: sign in again.
    session = null;
    await kv.del('session');
  }
  setAccount(session?.userId);
  return session;
}

export const currentSession = () => session;

async function saveTokens(base, body) {
  session = {
    ...base,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: Date.now() + (body.expiresIn ?? 3600) * 1000,
  };
  await kv.set('session', session);
}

export class OfflineError extends Error {
  constructor(cause) {
    super('网络不可用');
    this.offline = true;
    this.cause = cause;
  }
}

/** The message an officer can act on, from an RFC 9457 problem (the server already localises `title`). */
export function problemMessage(problem, status) {
  if (!problem || typeof problem !== 'object') return `请求失败（HTTP ${status}）`;
  const fields = (problem.errors ?? []).map((e) => e.message).filter(Boolean);
  const main = problem.messages?.['zh-CN'] ?? problem.title ?? `请求失败（HTTP ${status}）`;
  return fields.length ? `${main}${fields.join('；')}` : main;
}

async function send(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
  const h = { Accept: raw ? '*/*' : 'application/json', 'Accept-Language': 'zh-CN', ...headers };
  if (session?.accessToken) h.Authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  try {
    return await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    throw new OfflineError(e);
  }
}

async function refresh() {
  if (!session?.refreshToken) return false;
  refreshing ??= (async () => {
    const mine = session;
    const res = await send('/auth/refresh', { method: 'POST', body: { refreshToken: mine.refreshToken } });
    if (session !== mine) return false; // signed out (or another officer signed in) meanwhile
    if (res.ok) {
      const { accessToken, refreshToken, expiresAt, ...base } = mine;
      await saveTokens(base, await res.json());
      return true;
    }
    if (res.status === 401) await signOut();
    return false; // 408, 429, 5xx: keep the session, the next call or the outbox's back-off tries again
  })().finally(() => { refreshing = null; });
  return refreshing;
}

/** The access token for the SignalR hub, refreshed first when it expires within a minute (the hub cannot retry a 401). */
export async function freshToken() {
  if (session && session.expiresAt - Date.now() < 60_000) {
    try { await refresh(); } catch { /* offline: the hub will not connect either */ }
  }
  return session?.accessToken ?? '';
}

/** { ok, status, data | problem + message, date } for any HTTP answer; OfflineError without network. `raw`: body unread. */
// `as`: the account the call is for; if the session is another's (or none), nothing is sent: { ok: false, switched }.
export async function api(path, options = {}) {
  const switched = () => options.as !== undefined && session?.userId !== options.as;
  if (switched()) return { ok: false, status: 0, switched: true };
  let res = await send(path, options);
  if (res.status === 401 && session && path !== '/auth/refresh' && (await refresh())) {
    if (switched()) return { ok: false, status: 0, switched: true };
    res = await send(path, options);
  }
  const result = { ok: res.ok, status: res.status, date: res.headers.get('Date'), response: res };
  if (options.raw && res.ok) return result;
  const type = res.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (res.ok) result.data = data;
  else {
    result.problem = data;
    result.message = problemMessage(data, res.status);
  }
  return result;
}

export async function signIn(username, password) {
  const res = await send('/auth/token', { method: 'POST', body: { username, password } });
  const data = await res.json().catch(() => null);
  if (!res.ok) return { ok: false, message: problemMessage(data, res.status) };
  // Bound to the account id from GET /me, not the typed name ("Zhang" = "zhang").
  const previous = session;
  session = { accessToken: data.accessToken };
  let me;
  try {
    me = await send('/me');
  } finally {
    session = previous;
  }
  const who = me.ok ? await me.json().catch(() => null) : null;
  if (!who?.id) return { ok: false, message: '无法获取账号信息，请稍后重试。' };
  if (previous) await signOut();
  await saveTokens({ userId: who.id, username: who.username || username }, data);
  setAccount(who.id);
  emit(null);
  return { ok: true, me: who };
}

/** The one way out: listeners get (null, the ended session) and clear what was its. */
export async function signOut() {
  const previous = session;
  session = null;
  setAccount(null);
  await kv.del('session');
  emit(previous);
}

/** POST /auth/logout: revokes the refresh tokens, best effort. */
export async function revoke() {
  try { await send('/auth/logout', { method: 'POST', body: {} }); } catch { /* offline: the token expires on its own */ }
}
