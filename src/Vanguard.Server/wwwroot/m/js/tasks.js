// 任务: the officer's inbox. Kept on the phone (kv 'tasks'), refreshed by polling GET /terminal/tasks?since= every 30 s
// and pushed by the SignalR hub when its client library is present. Steps are queued writes, shown at once.
import { api, currentSession, freshToken } from './api.js';
import { ukv } from './store.js';
import { enqueue, onSent } from './outbox.js';
import { esc, fmtTime, locate, toast, view, $ } from './ui.js';

export const KINDS = { watchlist_hit: '布控预警', complaint: '投诉核查', joint_operation: '联合执法', patrol: '巡查', other: '其他' };
export const STATUS = { dispatched: '待接受', accepted: '已接受', arrived: '已到达', finished: '已完成', cancelled: '已取消' };
export const OUTCOMES = {
  seized: '查扣', warned: '警告/教育', case_opened: '已立案', not_found: '未发现', false_hit: '误报', resolved: '已处理', other: '其他',
};
const NOTE_REQUIRED = ['false_hit', 'other'];

let tasks = {};
let since = null;
let pollTimer = null;
let hub = null;
const listeners = new Set();
export const onTasksChange = (fn) => listeners.add(fn);

const open = (t) => t.status !== 'finished' && t.status !== 'cancelled';
// A cancelled task takes no step: a step still queued on the phone is refused by the server and shown no more.
const shownStatus = (t) => (t.status === 'cancelled' ? 'cancelled' : t.pendingStep ?? t.status);
export const openCount = () => Object.values(tasks).filter(open).length;

async function save() {
  await ukv.set('tasks', tasks);
  listeners.forEach((fn) => fn());
}

async function merge(list, { announce = false } = {}) {
  for (const t of list) {
    const known = tasks[t.id];
    if (announce && !known) {
      toast(`新任务：${t.title}`, 'warn');
      navigator.vibrate?.([200, 100, 200]);
    }
    if (known && known.status !== 'cancelled' && t.status === 'cancelled') toast(`任务已取消：${t.title}`, 'warn');
    const pending = known?.pendingStep && known.pendingStep !== t.status && open(t) ? known.pendingStep : undefined;
    tasks[t.id] = { ...t, pendingStep: pending };
  }
  await save();
}

export async function loadTasks() {
  tasks = (await ukv.get('tasks')) ?? {};
  since = (await ukv.get('tasks-since')) ?? null;
}

export async function poll() {
  const who = currentSession()?.userId;
  if (!who) return;
  let res;
  try {
    res = await api(`/terminal/tasks?status=all${since ? `&since=${encodeURIComponent(since)}` : ''}`, { as: who });
  } catch {
    return; // offline: the cached inbox stays on screen
  }
  // Not cached under the next account after a switch.
  if (!res.ok || !Array.isArray(res.data) || currentSession()?.userId !== who) return;
  await merge(res.data, { announce: since !== null });
  // The server's clock, with a margin, so a phone whose clock is wrong misses nothing.
  const server = res.date ? new Date(res.date) : new Date();
  since = new Date(server.getTime() - 60_000).toISOString();
  await ukv.set('tasks-since', since);
}

export function startTasks() {
  clearInterval(pollTimer);
  poll();
  pollTimer = setInterval(poll, 30_000);
  connectHub();
}

export function stopTasks() {
  clearInterval(pollTimer);
  tasks = {};
  since = null;
  const h = hub;
  hub = null; // first, so the onclose handler does not start it again
  h?.stop();
  delete document.body.dataset.hub;
}

function connectHub() {
  // The SignalR client is an npm-restored vendor file (lib/signalr.min.js); without it the inbox is polled only.
  if (hub || !currentSession()) return;
  const script = document.querySelector('script[data-signalr]') ?? Object.assign(document.createElement('script'), { src: 'lib/signalr.min.js' });
  if (!script.dataset.signalr) {
    script.dataset.signalr = '1';
    script.onload = connectHub;
    document.head.append(script);
    return;
  }
  if (!window.signalR) return;
  const s = window.signalR;
  hub = new s.HubConnectionBuilder()
    .withUrl('/hubs/terminal', { accessTokenFactory: freshToken })
    .withAutomaticReconnect([0, 2_000, 10_000, 30_000, 60_000])
    .configureLogging(s.LogLevel.None)
    .build();
  hub.on('taskAssigned', (t) => merge([t], { announce: true }));
  hub.on('taskChanged', (t) => merge([t]));
  // <body data-hub>: whether pushes arrive (connected) or the inbox relies on polling — for the status bar and tests.
  const mark = (state) => { document.body.dataset.hub = state; };
  hub.onreconnecting(() => mark('reconnecting'));
  hub.onreconnected(() => { mark('connected'); poll(); });
  const start = () => hub?.start().then(() => mark('connected'), () => {
    mark('disconnected');
    setTimeout(() => hub && hub.state === 'Disconnected' && start(), 60_000);
  });
  hub.onclose(() => { mark('disconnected'); setTimeout(() => hub && start(), 30_000); });
  start();
}

onSent('task-step', async (item, data) => {
  if (data?.id) await merge([data]);
});

export function renderTaskList() {
  const list = Object.values(tasks).sort((a, b) => (b.dispatchedAt ?? '').localeCompare(a.dispatchedAt ?? ''));
  const card = (t) => `
    <a class="card task ${open(t) ? '' : 'done'}" href="#/tasks/${esc(t.id)}" data-testid="task-item">
    <div class="row"><span class="tag k-${esc(t.kind)}">${esc(KINDS[t.kind] ?? t.kind)}</span>
    <span class="tag s-${esc(shownStatus(t))}">${esc(STATUS[shownStatus(t)] ?? t.status)}${t.pendingStep ? ' · 待同步' : ''}</span></div>
    <div class="title">${esc(t.title)}</div>
    <div class="muted">${esc(t.place ?? '')} · 派发于 ${esc(fmtTime(t.dispatchedAt))}</div>
    </a>`;
  view(`
    <h1>任务</h1>
    <div class="toolbar"><button class="btn small" id="refresh">刷新</button></div>
    ${list.length ? list.map(card).join('') : '<p class="empty">暂无任务</p>'}`);
  $('#refresh').onclick = async () => { await poll(); renderTaskList(); };
}

export function renderTaskDetail(id) {
  const t = tasks[id];
  if (!t) return view('<h1>任务</h1><p class="empty">任务不存在或尚未同步到本机。</p><a class="btn" href="#/tasks">返回任务列表</a>');
  const status = shownStatus(t);
  const step = { dispatched: 'accept', accepted: 'arrive', arrived: 'finish' }[status];
  view(`
    <a class="back" href="#/tasks">‹ 任务列表</a>
    <h1>${esc(t.title)}</h1>
    <div class="row"><span class="tag">${esc(KINDS[t.kind] ?? t.kind)}</span><span class="tag s-${esc(status)}" data-testid="task-status">${esc(STATUS[status])}${t.pendingStep ? ' · 待同步' : ''}</span></div>
    <section class="card">
    ${t.detail ? `<p>${esc(t.detail)}</p>` : ''}
    <table class="kv">
    <tr><th>地点</th><td>${esc(t.place ?? '—')}</td></tr>
    <tr><th>派发</th><td>${esc(fmtTime(t.dispatchedAt))} ${esc(t.dispatchedBy ?? '')}</td></tr>
    ${t.dueBy ? `<tr><th>时限</th><td>${esc(fmtTime(t.dueBy))}</td></tr>` : ''}
    ${t.sourceRef ? `<tr><th>来源</th><td>${esc(t.sourceType ?? '')} ${esc(t.sourceRef)}</td></tr>` : ''}
    ${t.status === 'cancelled' ? `<tr><th>取消原因</th><td data-testid="task-cancel-reason">${esc(t.note ?? '—')}</td></tr>` : ''}
    ${t.outcome ? `<tr><th>结果</th><td>${esc(OUTCOMES[t.outcome] ?? t.outcome)} ${esc(t.note ?? '')}</td></tr>` : ''}
    </table>
    </section>
    ${step === 'accept' ? '<button class="btn primary block" id="step" data-testid="task-accept">接受任务</button>' : ''}
    ${step === 'arrive' ? '<button class="btn primary block" id="step" data-testid="task-arrive">到达现场</button>' : ''}
    ${step === 'finish' ? `
    <form id="finish" class="card">
    <label>处置结果<select name="outcome" required><option value="">请选择</option>
    ${Object.entries(OUTCOMES).map(([v, n]) => `<option value="${v}">${n}</option>`).join('')}</select></label>
    <label>说明<textarea name="note" rows="3" maxlength="500" placeholder="误报、其他时必填"></textarea></label>
    <button class="btn primary block" data-testid="task-finish">完成任务</button>
    </form>` : ''}
    ${open(t) && status !== 'dispatched' ? `<a class="btn block" href="#/record?task=${esc(t.id)}">为此任务制作笔录</a>` : ''}`);

  const queue = async (name, body, next, label) => {
    await enqueue({ kind: 'task-step', label: `${label}：${t.title}`, path: `/terminal/tasks/${t.id}/${name}`, body });
    t.pendingStep = next;
    await save();
    renderTaskDetail(id);
  };
  const btn = $('#step');
  if (btn && step === 'accept') btn.onclick = () => queue('accept', {}, 'accepted', '接受任务');
  if (btn && step === 'arrive') {
    btn.onclick = async () => {
      btn.disabled = true;
      const p = await locate(5_000);
      await queue('arrive', p ? { lat: p.lat, lon: p.lon } : {}, 'arrived', '到达现场');
    };
  }
  const form = $('#finish');
  if (form) {
    form.onsubmit = async (e) => {
      e.preventDefault();
      const outcome = form.outcome.value;
      const note = form.note.value.trim();
      if (NOTE_REQUIRED.includes(outcome) && !note) return toast('该处置结果需要填写说明', 'error');
      await queue('finish', { outcome, note: note || null }, 'finished', '完成任务');
    };
  }
}
