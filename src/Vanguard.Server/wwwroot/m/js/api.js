// HTTP to /api/v1 with the officer's bearer token. A 401 refreshes the token pair once (POST /auth/refresh, one
// refresh at a time however many calls fail together) and repeats the call; a failed refresh signs the officer out.
import { kv } from './store.js';

const BASE = '/api/v1';
let session = null; // { username, accessToken, refreshToken, expiresAt }
let refreshing = null;
const listeners = new Set();

export const onSessionChange = (fn) => listeners.add(fn);
const emit = () => listeners.forEach((fn) => fn(session));

export async function loadSession() {
  session = (await kv.get('session')) ?? null;
  return session;
}

export const currentSession = () => session;

async function saveTokens(username, body) {
  session = {
    username,
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
    const username = session.username;
    const res = await send('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } });
    if (res.ok) {
      await saveTokens(username, await res.json());
      return true;
    }
    if (res.status >= 500) return false;
    await signOut();
    return false;
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
export async function api(path, options = {}) {
  let res = await send(path, options);
  if (res.status === 401 && session && path !== '/auth/refresh' && (await refresh())) {
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
  await saveTokens(username, data);
  emit();
  return { ok: true };
}

export async function signOut() {
  session = null;
  await kv.del('session');
  emit();
}
