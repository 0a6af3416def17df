// 现场笔录 and 当场处罚: written on the phone, queued in the outbox, sent when there is coverage.
import { api } from './api.js';
import { ukv } from './store.js';
import { enqueue, onSent } from './outbox.js';
import { checkCreditCode, checkIdNumber, fenToYuan, normalisePlate, ON_SPOT_LIMIT_FEN, onSpotAllowed, yuanToFen } from './checks.js';
import { colorOptions, esc, isoWithOffset, localInput, locate, toast, today, view, $, $$ } from './ui.js';

const MAX_PX = 1600;

/** A camera photo scaled down on a canvas to ≤ 1600 px on its long side, as JPEG (phones take 4 000 px and more). */
async function downscale(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const q of [0.85, 0.7, 0.55]) {
    const url = canvas.toDataURL('image/jpeg', q);
    if (url.length * 0.75 < 1.9 * 1024 * 1024) return url;
  }
  throw new Error('照片过大');
}

/** Signature pad: pointer strokes on a canvas, exported as a PNG data URL. */
function signaturePad(canvas) {
  const ctx = canvas.getContext('2d');
  let drawing = false;
  let empty = true;
  const fit = () => {
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = r.width * dpr;
    canvas.height = r.height * dpr;
    ctx.scale(dpr, dpr);
    ctx.lineWidth = 2.5;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    empty = true;
  };
  const at = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  canvas.onpointerdown = (e) => { drawing = true; canvas.setPointerCapture(e.pointerId); ctx.beginPath(); ctx.moveTo(...at(e)); };
  canvas.onpointermove = (e) => { if (!drawing) return; ctx.lineTo(...at(e)); ctx.stroke(); empty = false; };
  canvas.onpointerup = canvas.onpointercancel = () => { drawing = false; };
  fit();
  return { clear: fit, isEmpty: () => empty, toDataURL: () => canvas.toDataURL('image/png') };
}

function partyFields(prefix = '') {
  return `<fieldset><legend>当事人</legend>
    <div class="seg"><label><input type="radio" name="partyKind" value="person" checked> 个人</label>
    <label><input type="radio" name="partyKind" value="organisation"> 单位</label></div>
    <label>姓名/名称<input name="partyName" required data-testid="${prefix}party-name"></label>
    <label><span class="id-label">身份证号</span><input name="partyId" autocomplete="off" autocapitalize="characters"></label>
    <label>联系电话<input name="partyPhone" type="tel" inputmode="tel"></label>
    <label>住址<input name="partyAddress"></label></fieldset>`;
}

function readParty(form) {
  const kind = form.partyKind.value;
  const name = form.partyName.value.trim();
  if (!name) return { error: '请填写当事人姓名或名称' };
  let idNumber = form.partyId.value.trim().toUpperCase() || null;
  if (idNumber) {
    const c = kind === 'person' ? checkIdNumber(idNumber) : checkCreditCode(idNumber);
    if (!c.ok) {
      const what = kind === 'person' ? '身份证号' : '统一社会信用代码';
      return { error: c.reason === 'format' ? `${what}格式不正确` : `${what}校验位错误，末位应为 ${c.expected}` };
    }
    idNumber = c.value;
  }
  return { party: { kind, name, idNumber, phone: form.partyPhone.value.trim() || null, address: form.partyAddress.value.trim() || null } };
}

function wirePartyKind(form, onChange) {
  $$('input[name=partyKind]', form).forEach((r) => {
    r.onchange = () => {
      $('.id-label', form).textContent = form.partyKind.value === 'person' ? '身份证号' : '统一社会信用代码';
      onChange?.();
    };
  });
}

async function fillPosition(form) {
  const p = await locate();
  if (!p) return;
  form.lat.value = p.lat.toFixed(6);
  form.lon.value = p.lon.toFixed(6);
  $('#gps', form).textContent = `GPS ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}（±${Math.round(p.accuracyM)} 米）`;
}

export function renderRecordForm(params) {
  const kind = params.get('kind') === 'inquiry' ? 'inquiry' : 'inspection';
  const taskId = params.get('task');
  view(`
    <h1>${kind === 'inquiry' ? '询问笔录' : '现场检查笔录'}</h1>
    <div class="tabs"><a href="#/record?kind=inspection${taskId ? `&task=${esc(taskId)}` : ''}" class="${kind === 'inspection' ? 'on' : ''}">现场检查笔录</a>
    <a href="#/record?kind=inquiry${taskId ? `&task=${esc(taskId)}` : ''}" class="${kind === 'inquiry' ? 'on' : ''}">询问笔录</a></div>
    <form id="record" class="card" novalidate>
    <label>开始时间<input type="datetime-local" name="startedAt" value="${localInput()}" required></label>
    <label>地点<input name="place" required placeholder="如 G30 连霍高速郑州西收费站" data-testid="record-place"></label>
    <p class="muted" id="gps">正在获取定位…</p><input type="hidden" name="lat"><input type="hidden" name="lon">
    <div class="two"><label>车牌号<input name="plate" autocapitalize="characters" data-testid="record-plate"></label>
    <label>号牌颜色<select name="plateColor">${colorOptions()}</select></label></div>
    ${partyFields('record-')}
    <label>${kind === 'inquiry' ? '询问情况概述' : '检查情况'}<textarea name="content" rows="6" required data-testid="record-content"></textarea></label>
    ${kind === 'inquiry' ? '<fieldset><legend>问答</legend><div id="qa"></div><button type="button" class="btn small" id="add-qa">＋ 添加问答</button></fieldset>' : ''}
    <fieldset><legend>照片</legend>
    <label class="btn small">拍照<input type="file" accept="image/*" capture="environment" multiple hidden id="photo-input" data-testid="record-photo"></label>
    <div class="thumbs" id="thumbs"></div></fieldset>
    <label>执法记录仪证据编号<input name="bodycam" autocomplete="off"></label>
    <fieldset><legend>当事人签名</legend>
    <canvas class="sign" id="sign" data-testid="record-signature"></canvas>
    <div class="row"><button type="button" class="btn small" id="sign-clear">重签</button>
    <label class="check"><input type="checkbox" name="refused" data-testid="record-refused"> 当事人拒绝签名</label></div></fieldset>
    <p class="error" id="record-error" role="alert" data-testid="record-error"></p>
    <button class="btn primary block" data-testid="record-submit">保存笔录</button>
    </form>`);
  const form = $('#record');
  const photos = [];
  const pad = signaturePad($('#sign'));
  $('#sign-clear').onclick = pad.clear;
  wirePartyKind(form);
  fillPosition(form).then(() => { if (!form.lat.value) $('#gps', form).textContent = '未获取到定位，可手工填写地点'; });
  const addQa = () => $('#qa').insertAdjacentHTML('beforeend',
    '<div class="qa"><textarea name="q" rows="2" placeholder="问"></textarea><textarea name="a" rows="2" placeholder="答"></textarea></div>');
  if (kind === 'inquiry') { addQa(); $('#add-qa').onclick = addQa; }
  $('#photo-input').onchange = async (e) => {
    for (const file of e.target.files) {
      try {
        photos.push({ dataUrl: await downscale(file), takenAt: isoWithOffset(new Date(file.lastModified || Date.now())) });
      } catch {
        toast('照片无法读取', 'error');
      }
    }
    e.target.value = '';
    $('#thumbs').innerHTML = photos.map((p, i) => `<button type="button" data-i="${i}" title="删除"><img src="${p.dataUrl}" alt="照片 ${i + 1}"></button>`).join('');
    $$('#thumbs button').forEach((b) => { b.onclick = () => { photos.splice(Number(b.dataset.i), 1); b.remove(); }; });
  };
  form.onsubmit = async (e) => {
    e.preventDefault();
    const fail = (m) => { $('#record-error').textContent = m; };
    const place = form.place.value.trim();
    const content = form.content.value.trim();
    if (!place) return fail('请填写地点');
    const p = readParty(form);
    if (p.error) return fail(p.error);
    if (!content) return fail('请填写笔录内容');
    const refused = form.refused.checked;
    if (!refused && pad.isEmpty()) return fail('请当事人签名，或勾选“当事人拒绝签名”');
    const questions = kind === 'inquiry'
      ? $$('.qa', form).map((d) => ({ q: d.querySelector('[name=q]').value.trim(), a: d.querySelector('[name=a]').value.trim() })).filter((x) => x.q)
      : undefined;
    const plate = normalisePlate(form.plate.value) || null;
    const body = {
      kind, startedAt: isoWithOffset(form.startedAt.value), endedAt: isoWithOffset(), place,
      lat: form.lat.value ? Number(form.lat.value) : null, lon: form.lon.value ? Number(form.lon.value) : null,
      plate, plateColor: plate ? form.plateColor.value : null, party: p.party, content, questions,
      photos, bodycamEvidenceId: form.bodycam.value.trim() || null,
      signature: refused ? null : { dataUrl: pad.toDataURL(), signedAt: isoWithOffset() }, refusedToSign: refused, taskId: taskId || null,
    };
    await enqueue({ kind: 'record', label: `${kind === 'inquiry' ? '询问笔录' : '现场检查笔录'}：${p.party.name} · ${place}`, path: '/terminal/records', body });
    toast(navigator.onLine ? '笔录已保存，正在上传' : '笔录已保存在本机，联网后自动上传');
    location.hash = '#/home';
  };
}

onSent('record', async (item, data) => {
  const list = (await ukv.get('records')) ?? [];
  list.unshift({ id: data?.id, label: item.label, at: item.createdAt });
  await ukv.set('records', list.slice(0, 30));
});

onSent('penalty', async (item, data) => {
  const list = (await ukv.get('penalties')) ?? [];
  list.unshift({ ...data, label: item.label, at: item.createdAt });
  await ukv.set('penalties', list.slice(0, 30));
  toast(`当场处罚决定已生成：${data?.caseNumber ?? ''}`);
  if (location.hash.startsWith('#/penalty')) renderPenalty();
});

/** The officer's colleagues (GET /terminal/colleagues), cached for a form opened without coverage. */
async function colleagues() {
  try {
    const res = await api('/terminal/colleagues');
    if (res.ok && Array.isArray(res.data)) {
      await ukv.set('colleagues', res.data);
      return res.data;
    }
  } catch { /* offline: the list fetched last time */ }
  return (await ukv.get('colleagues')) ?? [];
}

onSent('payment', async (item, data) => {
  const list = (await ukv.get('penalties')) ?? [];
  const d = list.find((x) => x.caseId === data?.caseId);
  if (d) {
    d.paid = { reference: data.reference, paidAt: data.paidAt, amountFen: data.amountFen, channel: data.channel };
    await ukv.set('penalties', list);
  }
  toast(`缴款已登记：${data?.caseNumber ?? ''}`);
  if (location.hash.startsWith('#/penalty')) renderPenalty();
});

// 行政处罚法 art. 68: cash on the spot up to 100 yuan, above only when 不当场收缴事后难以执行 (a reason on the file).
const CASH_MAX_FEN = 10_000;
const RECEIPT = { cash: '专用票据号', other: '银行 / POS 交易流水号' };
const CHANNELS = { cash: '现金（当场收缴）', bank: '银行缴款', wechat: '微信', alipay: '支付宝', other: '其他' };

async function offences() {
  try {
    const res = await api('/penalties/offences');
    if (res.ok && Array.isArray(res.data)) {
      await ukv.set('offences', res.data);
      return res.data;
    }
  } catch { /* offline: the list fetched last time */ }
  return (await ukv.get('offences')) ?? [];
}

export async function renderPenalty() {
  const [list, done, mates] = await Promise.all([offences(), ukv.get('penalties'), colleagues()]);
  const usable = mates.filter((c) => c.certificateValid);
  view(`
    <h1>当场处罚</h1>
    <p class="note">简易程序：《行政处罚法》第五十一条，违法事实确凿并有法定依据，对个人处以 200 元以下、对单位处以 3 000 元以下罚款或者警告的，可以当场作出行政处罚决定。</p>
    <form id="penalty" class="card" novalidate>
    <label>违法行为${list.length
        ? `<select name="offence" required><option value="">请选择</option>${list.map((o) => `<option value="${esc(o.code)}">${esc(o.name)}</option>`).join('')}</select>`
        : '<input name="offence" required placeholder="违法行为代码">'}</label>
    <label>违法事实<textarea name="facts" rows="4" required></textarea></label>
    <div class="two"><label>违法日期<input type="date" name="actOn" value="${today()}" max="${today()}"></label>
    <label>地点<input name="place" required></label></div>
    <div class="two"><label>车牌号<input name="plate" autocapitalize="characters"></label>
    <label>号牌颜色<select name="plateColor">${colorOptions()}</select></label></div>
    ${partyFields('penalty-')}
    <label class="check"><input type="checkbox" name="warning"> 警告</label>
    <label>罚款（元）<input name="fine" inputmode="decimal" placeholder="0" data-testid="penalty-fine"></label>
    <p class="limit" id="limit" data-testid="penalty-limit"></p>
    <label>当事人陈述、申辩<textarea name="statement" rows="2" maxlength="1000" placeholder="当事人的陈述和申辩意见"></textarea></label>
    <label>执法记录仪证据编号<input name="bodycam"></label>
    <fieldset class="mates" data-testid="penalty-colleagues"><legend>共同执法人员（《行政处罚法》第四十二条：不少于两人，均持有效执法证）</legend>
    ${usable.length ? usable.map((c) => `<label class="check"><input type="checkbox" name="coOfficer" value="${esc(c.id)}" data-testid="penalty-colleague">
    ${esc(c.name)} · ${esc(c.officerNo)}${c.onDuty ? ' <span class="tag s-accepted">在岗</span>' : ''}</label>`).join('')
      : '<p class="muted">没有可选的持证同事（需联网获取名单）。</p>'}
    </fieldset>
    <p class="error" id="penalty-error" role="alert"></p>
    <button class="btn primary block" id="penalty-submit">作出当场处罚决定</button>
    </form>
    ${done?.length ? `<h2>本机作出的决定</h2>${done.map((d) => `
    <div class="card" data-testid="penalty-result"><div class="title">${esc(d.caseNumber)}</div>
    <div class="muted">${esc(d.label)} · 罚款 ${esc(fenToYuan(d.fineFen ?? 0))} 元${d.payBy ? ` · 缴款期限 ${esc(d.payBy)}` : ''}</div>
    <div class="row"><button class="btn small" data-doc="${esc(d.decisionPdfUrl)}">决定书 PDF</button>
    ${d.paymentQrPngUrl ? `<button class="btn small" data-qr="${esc(d.paymentQrPngUrl)}">缴款二维码</button>` : ''}</div>
    ${d.paymentReference ? `<div class="muted">缴款识别码 <span data-testid="penalty-reference">${esc(d.paymentReference)}</span></div>` : ''}
    ${d.paid ? `<div class="ok" data-testid="penalty-paid">已登记缴款 ${esc(fenToYuan(d.paid.amountFen))} 元 · ${esc(CHANNELS[d.paid.channel] ?? d.paid.channel)}</div>`
      : d.paymentReference ? `<form class="pay" data-case="${esc(d.caseId)}" novalidate><div class="row"><select name="channel">${Object.entries(CHANNELS).map(([v, n]) => `<option value="${v}">${n}</option>`).join('')}</select>
    <input name="reference" maxlength="100" placeholder="${RECEIPT.cash}" data-testid="penalty-receipt"></div>
    ${d.fineFen > CASH_MAX_FEN ? '<input name="cashReason" maxlength="500" placeholder="当场收缴理由：不当场收缴事后难以执行（第六十八条第二项）" data-testid="penalty-cash-reason">' : ''}
    <p class="error" data-testid="pay-error"></p><button class="btn small" data-testid="penalty-pay">登记缴款</button></form>` : ''}
    <div class="qr"></div></div>`).join('')}` : ''}`);
  const form = $('#penalty');
  const limitText = () => {
    const kind = form.partyKind.value;
    const fen = yuanToFen(form.fine.value || '0');
    const max = ON_SPOT_LIMIT_FEN[kind];
    const over = fen === null || !onSpotAllowed(kind, fen);
    $('#limit').textContent = `${kind === 'person' ? '个人' : '单位'}当场罚款上限 ${fenToYuan(max)} 元${fen === null ? ' · 金额格式不正确' : over ? ' · 已超过限额，应按普通程序立案' : ''}`;
    $('#limit').classList.toggle('over', over);
    $('#penalty-submit').disabled = over;
  };
  wirePartyKind(form, limitText);
  form.fine.oninput = limitText;
  limitText();
  form.onsubmit = async (e) => {
    e.preventDefault();
    const fail = (m) => { $('#penalty-error').textContent = m; };
    const p = readParty(form);
    const fineFen = yuanToFen(form.fine.value || '0');
    if (!form.offence.value) return fail('请选择违法行为');
    if (!form.facts.value.trim()) return fail('请填写违法事实');
    if (!form.place.value.trim()) return fail('请填写地点');
    if (p.error) return fail(p.error);
    if (fineFen === null || !onSpotAllowed(p.party.kind, fineFen)) return fail('罚款金额超过当场处罚限额');
    if (fineFen === 0 && !form.warning.checked) return fail('请填写罚款金额或选择警告');
    const coOfficerIds = $$('input[name=coOfficer]:checked', form).map((i) => i.value);
    if (!coOfficerIds.length) return fail('请选择至少一名共同执法人员（《行政处罚法》第四十二条）');
    const plate = normalisePlate(form.plate.value) || null;
    const body = {
      offenceCode: form.offence.value, facts: form.facts.value.trim(), place: form.place.value.trim(), actOn: form.actOn.value || today(),
      party: p.party, plate, plateColor: plate ? form.plateColor.value : null, fineFen, warning: form.warning.checked,
      recordId: null, bodycamEvidenceId: form.bodycam.value.trim() || null, coOfficerIds, statement: form.statement.value.trim() || null,
    };
    if (!confirm(`确认对 ${p.party.name} 作出当场处罚：${form.warning.checked ? '警告' : ''}${fineFen ? ` 罚款 ${fenToYuan(fineFen)} 元` : ''}？`)) return;
    await enqueue({ kind: 'penalty', label: `当场处罚：${p.party.name} ${fenToYuan(fineFen)} 元`, path: '/terminal/on-spot-penalties', body });
    toast(navigator.onLine ? '已提交，正在生成决定书' : '已保存在本机，联网后自动提交');
    form.reset();
    limitText();
  };
  $$('[data-doc]').forEach((b) => {
    b.onclick = async () => {
      const u = await blobUrl(b.dataset.doc);
      if (!u) return;
      // A link as well as the new tab: a phone's browser may block a window opened after the download.
      const a = Object.assign(document.createElement('a'), { href: u, target: '_blank', rel: 'noopener', className: 'btn small', textContent: '打开决定书 PDF' });
      a.dataset.testid = 'penalty-pdf';
      b.closest('.card').querySelector('.qr').replaceChildren(a);
      window.open(u, '_blank');
    };
  });
  $$('form.pay').forEach((f) => {
    f.channel.onchange = () => { f.reference.placeholder = RECEIPT[f.channel.value] ?? RECEIPT.other; };
    f.onsubmit = async (e) => {
      e.preventDefault();
      const d = done.find((x) => x.caseId === f.dataset.case);
      if (!d) return;
      const cash = f.channel.value === 'cash';
      const reference = f.reference.value.trim();
      const reason = f.cashReason?.value.trim() || null;
      const fail = (m) => { f.querySelector('.error').textContent = m; };
      // The receipt the officer holds: the case's own payment code proves nothing about this payment.
      if (!reference) return fail(`请填写${cash ? RECEIPT.cash : RECEIPT.other}`);
      if (reference.toUpperCase() === d.paymentReference.toUpperCase()) return fail('不能填写本案的缴款识别码，请填写票据号或交易流水号');
      if (cash && d.fineFen > CASH_MAX_FEN && !reason) return fail('罚款超过 100 元，当场收缴须填写理由（不当场收缴事后难以执行）');
      if (!confirm(`确认已收到 ${fenToYuan(d.fineFen)} 元罚款（${CHANNELS[f.channel.value]}）？`)) return;
      f.querySelector('button').disabled = true;
      await enqueue({
        kind: 'payment', label: `缴款登记：${d.caseNumber}`, path: `/terminal/on-spot-penalties/${d.caseId}/payment`,
        body: { reference, paidAt: isoWithOffset(), amountFen: d.fineFen, channel: f.channel.value, cashReason: cash ? reason : null },
      });
    };
  });
  $$('[data-qr]').forEach((b) => {
    b.onclick = async () => {
      const url = await blobUrl(b.dataset.qr);
      if (url) b.closest('.card').querySelector('.qr').innerHTML = `<img src="${url}" alt="缴款二维码">`;
    };
  });
}

/** The documents need the bearer token, so they are fetched and shown from a blob rather than linked. */
async function blobUrl(url) {
  if (!url) return null;
  try {
    const res = await api(new URL(url, location.origin).pathname.replace(/^\/api\/v1/, ''), { raw: true });
    if (!res.ok) { toast(res.message ?? '无法获取文件', 'error'); return null; }
    return URL.createObjectURL(await res.response.blob());
  } catch {
    toast('离线时无法获取文件', 'error');
    return null;
  }
}

