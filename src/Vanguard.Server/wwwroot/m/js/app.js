// 手持执法终端: the shell — sign-in, home with duty and sync state, the hash router, positions while on duty.
import { api, currentSession, loadSession, onSessionChange, OfflineError, revoke, signIn, signOut } from './api.js';
import { ukv, failed, outbox } from './store.js';
import { counts, dismissFailed, enqueue, flush, isMine, onOutboxChange, onSent, retryFailed, startSync } from './outbox.js';
import { loadTasks, onTasksChange, openCount, renderTaskDetail, renderTaskList, startTasks, stopTasks } from './tasks.js';
import { renderLookup } from './lookup.js';
import { renderPenalty, renderRecordForm } from './forms.js';
import { esc, fmtTime, isoWithOffset, toast, view, $ } from './ui.js';

const POSITION_BATCH_MS = 60_000;
let me = null;
let duty = { onDuty: false, since: null };
let watchId = null;
let positionTimer = null;
let syncCounts = { pending: 0, failed: 0, others: 0, otherNames: [] };

// ---- status bar
function renderStatus() {
  const online = navigator.onLine;
  const net = $('#net');
  net.textContent = online ? '在线' : '离线';
  net.className = `pill ${online ? 'ok' : 'off'}`;
  const p = $('#pending');
  p.dataset.count = String(syncCounts.pending);
  p.textContent = syncCounts.pending ? `待同步 ${syncCounts.pending} 条` : '已同步';
  p.className = `pill ${syncCounts.pending ? 'warn' : 'ok'}`;
  const f = $('#failed-pill');
  f.hidden = !syncCounts.failed;
  f.textContent = `同步失败 ${syncCounts.failed}`;
}

// ---- sign-in
function renderLogin() {
  document.body.classList.add('signed-out');
  view(`
    <div class="login">
    <img src="icon.svg" alt="" width="72" height="72">
    <h1>手持执法终端</h1>
    <p class="muted">交通运输综合行政执法</p>
    <form id="login" class="card">
    <label>用户名<input name="username" id="username" autocomplete="username" autocapitalize="none" required></label>
    <label>密码<input name="password" id="password" type="password" autocomplete="current-password" required></label>
    <p class="error" id="login-error" data-testid="login-error"></p>
    <button class="btn primary block" data-testid="login-submit">登录</button>
    </form>
    </div>`);
  $('#login').onsubmit = async (e) => {
    e.preventDefault();
    const f = e.target;
    const button = f.querySelector('button');
    button.disabled = true;
    try {
      const r = await signIn(f.username.value.trim(), f.password.value);
      if (!r.ok) $('#login-error').textContent = r.message;
    } catch (err) {
      $('#login-error').textContent = err instanceof OfflineError ? '当前离线，无法登录。请在有网络时登录。' : String(err);
    } finally {
      button.disabled = false;
    }
  };
}

async function afterSignIn() {
  document.body.classList.remove('signed-out');
  me = (await ukv.get('me')) ?? null;
  duty = (await ukv.get('duty')) ?? { onDuty: false, since: null };
  try {
    const r = await api('/me');
    if (r.ok) { me = r.data; await ukv.set('me', me); }
    const d = await api('/terminal/duty');
    if (d.ok && !(await hasPending('duty'))) { duty = d.data; await ukv.set('duty', duty); }
  } catch { /* offline: what the phone remembers */ }
  await loadTasks();
  startTasks();
  startPositions();
  await flush();
  syncCounts = await counts();
  renderStatus();
  if (!location.hash || location.hash === '#/login') location.hash = '#/home';
  else route();
}

const hasPending = async (kind) => (await outbox.all()).some((i) => i.kind === kind && isMine(i));

// ---- duty and positions
async function setDuty(onDuty) {
  if (!me?.officer && me) return toast('该账号未关联执法人员，不能上下班打卡', 'error');
  if (!onDuty) await sendPositions(); // the last points go before the off-duty change, or the server refuses them
  duty = { ...duty, onDuty, since: isoWithOffset() };
  await ukv.set('duty', duty);
  await enqueue({ kind: 'duty', label: onDuty ? '上班' : '下班', path: '/terminal/duty', body: { onDuty } });
  startPositions();
  renderHome();
}

function startPositions() {
  if (duty.onDuty && navigator.geolocation && watchId === null && currentSession()) {
    const account = currentSession().userId; // the fixes go to this officer's list only, whoever signs in later
    watchId = navigator.geolocation.watchPosition((p) => {
      // One transaction per fix: no race with sendPositions.
      ukv.append('positions', [{
        at: isoWithOffset(new Date(p.timestamp)), lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: p.coords.accuracy,
        speedKmh: p.coords.speed == null ? null : p.coords.speed * 3.6, headingDeg: Number.isFinite(p.coords.heading) ? p.coords.heading : null,
      }], 500, account);
    }, () => {}, { enableHighAccuracy: true, maximumAge: 15_000 });
    positionTimer = setInterval(sendPositions, POSITION_BATCH_MS);
  }
  if (!duty.onDuty) stopPositions();
}

function stopPositions() {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  clearInterval(positionTimer);
  watchId = null;
}

// The server's rules (docs/terminal.md): China, `at` ≤ 5 min ahead and < 7 days old, accuracy ≤ 100 km; a bad speed
// (0–400) or heading (0–360) is cleared.
const WEEK_MS = 7 * 24 * 3600_000;
const inRange = (v, lo, hi) => v == null || (Number.isFinite(v) && v >= lo && v <= hi);
const usable = (p) => {
  const age = Date.now() - new Date(p.at).getTime();
  return p.lat >= 3 && p.lat <= 54 && p.lon >= 73 && p.lon <= 136 && age < WEEK_MS - 3600_000 && age > -4 * 60_000 && inRange(p.accuracyM, 0, 100_000);
};
const clean = (p) => ({ ...p, speedKmh: inRange(p.speedKmh, 0, 400) ? p.speedKmh : null, headingDeg: inRange(p.headingDeg, 0, 360) ? p.headingDeg : null });

async function sendPositions(s = currentSession()) {
  if (!s) return;
  const points = (await ukv.take('positions', s.userId)).filter(usable).map(clean);
  if (!points.length) return;
  // A batch refused whole (off duty, all stale) is dropped.
  await enqueue({
    kind: 'positions', label: `位置上报 ${points.length} 个点`, path: '/terminal/positions', body: { points },
    silentCodes: ['terminal.off_duty', 'validation.failed'], account: s.userId, accountName: s.username,
  });
}

onSent('duty', async (item, data) => {
  if (typeof data?.onDuty !== 'boolean' || (await hasPending('duty'))) return;
  duty = { onDuty: data.onDuty, since: data.since ?? null, lastPosition: data.lastPosition ?? null };
  await ukv.set('duty', duty);
  if (location.hash === '#/home' || !location.hash) renderHome();
});

// ---- home
function renderHome() {
  const name = me?.officer?.name ?? me?.displayName ?? currentSession()?.username ?? '';
  view(`
    <section class="card hero">
    <div><div class="title" data-testid="officer-name">${esc(name)}</div>
    <div class="muted">${esc(me?.agency?.name ?? '')}${me?.officer ? ` · 执法证号 ${esc(me.officer.certificateNo ?? me.officer.officerNo)}` : ''}</div></div>
    <div class="duty ${duty.onDuty ? 'on' : ''}" data-testid="duty-state">${duty.onDuty ? `在岗 · ${esc(fmtTime(duty.since).slice(11))} 起` : '未在岗'}</div>
    <button class="btn block ${duty.onDuty ? '' : 'primary'}" id="duty" data-testid="duty-toggle">${duty.onDuty ? '下班' : '上班'}</button>
    </section>
    <nav class="grid">
    <a href="#/tasks" class="tile"><b>任务</b><span data-testid="open-tasks">${openCount()} 项未完成</span></a>
    <a href="#/lookup" class="tile"><b>查询</b><span>车辆 · 驾驶员 · 企业</span></a>
    <a href="#/record?kind=inspection" class="tile" data-testid="new-inspection"><b>现场检查笔录</b><span>拍照 · 签名</span></a>
    <a href="#/record?kind=inquiry" class="tile"><b>询问笔录</b><span>问答 · 签名</span></a>
    <a href="#/penalty" class="tile"><b>当场处罚</b><span>简易程序</span></a>
    <a href="#/sync" class="tile"><b>同步</b><span>待同步 ${syncCounts.pending} · 失败 ${syncCounts.failed}</span></a>
    </nav>
    <button class="btn block subtle" id="logout">退出登录</button>`);
  $('#duty').onclick = () => setDuty(!duty.onDuty);
  $('#logout').onclick = logout;
}

async function logout() {
  if (duty.onDuty) {
    if (!confirm('下班并退出？退出前将上报下班。')) return;
    await setDuty(false);
    await flush();
  } else if (syncCounts.pending && !confirm(`还有 ${syncCounts.pending} 条待同步。退出后数据保留在本机，该账号再次登录后继续上传。确定退出？`)) return;
  await revoke();
  await signOut();
}

// The one sign-out path (chosen or expired): GPS and tasks stop, the last fixes are queued for that officer, and the
// officer's caches are deleted. Queued writes stay for the account's next sign-in.
const CACHES = ['me', 'tasks', 'tasks-since', 'lookups', 'duty', 'positions', 'records', 'penalties', 'colleagues', 'offences'];
async function endSession(previous) {
  stopPositions();
  stopTasks();
  me = null;
  duty = { onDuty: false, since: null };
  if (previous?.userId) {
    await sendPositions(previous);
    await Promise.all(CACHES.map((k) => ukv.del(k, previous.userId)));
  }
  syncCounts = await counts();
  renderStatus();
  route();
}

// ---- sync
async function renderSync() {
  const pending = (await outbox.all()).filter((i) => isMine(i));
  const bad = (await failed.all()).filter((i) => isMine(i));
  view(`
    <h1>同步</h1>
    <p class="muted">${navigator.onLine ? '在线：待同步数据会自动上传。' : '离线：数据已保存在本机，联网后自动上传。'}</p>
    <button class="btn block" id="sync-now">立即同步</button>
    <h2>待同步（${pending.length}）</h2>
    ${syncCounts.others ? `<p class="note" data-testid="others-pending">另有 ${syncCounts.others} 条其他账号的数据，待 ${esc(syncCounts.otherNames.join('、'))} 登录后同步。</p>` : ''}
    ${pending.map((i) => `<div class="card line" data-testid="pending-item">${esc(i.label)}<div class="muted">${esc(fmtTime(i.createdAt))}${i.attempts ? ` · 已重试 ${i.attempts} 次${i.lastError ? `：${esc(i.lastError)}` : ''}` : ''}</div></div>`).join('') || '<p class="empty">没有待同步的数据</p>'}
    <h2>同步失败（${bad.length}）</h2>
    ${bad.map((i) => `<div class="card line failed" data-testid="failed-item">${esc(i.label)}<div class="error">${esc(i.message)}</div>
    <div class="muted">${esc(fmtTime(i.failedAt))}</div>
    <div class="row"><button class="btn small" data-retry="${esc(i.id)}">重新提交</button><button class="btn small subtle" data-dismiss="${esc(i.id)}">删除</button></div></div>`).join('') || '<p class="empty">没有失败的数据</p>'}`);
  $('#sync-now').onclick = async () => { await flush(); renderSync(); };
  document.querySelectorAll('[data-retry]').forEach((b) => { b.onclick = async () => { await retryFailed(b.dataset.retry); renderSync(); }; });
  document.querySelectorAll('[data-dismiss]').forEach((b) => {
    b.onclick = async () => { if (confirm('删除后该数据不会再上传，确定删除？')) { await dismissFailed(b.dataset.dismiss); renderSync(); } };
  });
}

// ---- router
function route() {
  if (!currentSession()) return renderLogin();
  const [path, query] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(query ?? '');
  document.querySelectorAll('.tabbar a').forEach((a) => a.classList.toggle('on', path.startsWith(a.getAttribute('href').slice(1))));
  if (path.startsWith('/tasks/')) return renderTaskDetail(decodeURIComponent(path.slice(7)));
  switch (path) {
    case '/tasks': return renderTaskList();
    case '/lookup': return renderLookup();
    case '/record': return renderRecordForm(params);
    case '/penalty': return renderPenalty();
    case '/sync': return renderSync();
    default: return renderHome();
  }
}

async function main() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {});
  window.addEventListener('online', renderStatus);
  window.addEventListener('offline', renderStatus);
  window.addEventListener('hashchange', route);
  onOutboxChange((c) => {
    syncCounts = c;
    renderStatus();
    if (location.hash.startsWith('#/sync')) renderSync();
  });
  onTasksChange(() => {
    if (location.hash.startsWith('#/tasks')) route();
    else if (location.hash === '#/home' || !location.hash) renderHome();
  });
  onSessionChange((s, previous) => (s ? afterSignIn() : endSession(previous)));
  renderStatus();
  startSync();
  if (await loadSession()) await afterSignIn();
  else route();
}

// A start that fails (most often: no on-device storage in a private mode or on a full disk) says so, not "正在启动…" forever.
main().catch((e) => {
  console.error(e);
  view(`<p class="empty">终端无法启动（${esc(e?.message ?? String(e))}）。终端需要浏览器的本机存储：请退出无痕/隐私模式、清理手机存储后重试。</p>`);
});
