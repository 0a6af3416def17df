// 查询: vehicle, driver, enterprise. Numbers checked on the phone first (GB 11643, GB 32100); a purpose on every query
// (audited). The last answer per key is kept for use without coverage, marked as cached.
import { api, currentSession } from './api.js';
import { ukv } from './store.js';
import { checkCreditCode, checkIdNumber, normalisePlate } from './checks.js';
import { colorOptions, esc, fmtTime, view, $, PLATE_COLORS } from './ui.js';

const MAX_CACHED = 50;
let tab = 'vehicle';

const TABS = { vehicle: '车辆', driver: '驾驶员', enterprise: '企业' };

function fields() {
  if (tab === 'vehicle') {
    return `<label>号牌号码<input name="plate" required autocomplete="off" autocapitalize="characters" placeholder="如 豫A12345" data-testid="lookup-plate"></label>
    <label>号牌颜色<select name="plateColor">${colorOptions()}</select></label>`;
  }
  if (tab === 'driver') {
    return `<div class="seg" role="radiogroup">
    <label><input type="radio" name="by" value="idNumber" checked> 身份证号</label>
    <label><input type="radio" name="by" value="qualificationNo"> 从业资格证号</label></div>
    <label>号码<input name="number" required autocomplete="off" autocapitalize="characters" data-testid="lookup-number"></label>`;
  }
  return `<label>统一社会信用代码<input name="creditCode" required autocomplete="off" autocapitalize="characters" maxlength="18" data-testid="lookup-credit"></label>`;
}

export function renderLookup() {
  view(`
    <h1>查询</h1>
    <div class="tabs">${Object.entries(TABS).map(([k, n]) => `<button type="button" data-tab="${k}" class="${k === tab ? 'on' : ''}">${n}</button>`).join('')}</div>
    <form id="lookup" class="card" novalidate>
    ${fields()}
    <label>查询事由<input name="purpose" required minlength="2" maxlength="100" placeholder="如 路面巡查核实车辆信息" data-testid="lookup-purpose"></label>
    <p class="error" id="lookup-error" data-testid="lookup-error"></p>
    <button class="btn primary block" data-testid="lookup-submit">查询</button>
    </form>
    <div id="result" data-testid="lookup-result"></div>`);
  document.querySelectorAll('[data-tab]').forEach((b) => { b.onclick = () => { tab = b.dataset.tab; renderLookup(); }; });
  $('#lookup').onsubmit = (e) => { e.preventDefault(); submit(e.target); };
}

function prepare(form) {
  const purpose = form.purpose.value.trim();
  if (purpose.length < 2) return { error: '请填写查询事由（2–100 字）' };
  if (tab === 'vehicle') {
    const plate = normalisePlate(form.plate.value);
    if (plate.length < 7) return { error: '请输入完整的号牌号码' };
    const color = form.plateColor.value;
    return { key: `vehicle:${plate}:${color}`, path: `/terminal/lookup/vehicle?plate=${encodeURIComponent(plate)}&plateColor=${color}&purpose=${encodeURIComponent(purpose)}`,
      title: `${plate} · ${PLATE_COLORS.find(([v]) => v === color)?.[1]}` };
  }
  if (tab === 'driver') {
    const by = form.by.value;
    let number = form.number.value.trim().toUpperCase();
    if (by === 'idNumber') {
      const c = checkIdNumber(number);
      if (!c.ok) return { error: c.reason === 'format' ? '身份证号应为 18 位（末位可为 X）' : `身份证号校验位错误，末位应为 ${c.expected}` };
      number = c.value;
    } else if (number.length < 4) return { error: '请输入从业资格证号' };
    return { key: `driver:${by}:${number}`, path: `/terminal/lookup/driver?${by}=${encodeURIComponent(number)}&purpose=${encodeURIComponent(purpose)}`, title: number };
  }
  const c = checkCreditCode(form.creditCode.value);
  if (!c.ok) return { error: c.reason === 'format' ? '统一社会信用代码应为 18 位（不含 I、O、S、V、Z）' : `统一社会信用代码校验位错误，末位应为 ${c.expected}` };
  return { key: `enterprise:${c.value}`, path: `/terminal/lookup/enterprise?creditCode=${c.value}&purpose=${encodeURIComponent(purpose)}`, title: c.value };
}

async function submit(form) {
  const q = prepare(form);
  const error = $('#lookup-error');
  const out = $('#result');
  error.textContent = q.error ?? '';
  if (q.error) return;
  out.innerHTML = '<p class="muted">查询中…</p>';
  const kind = tab;
  const who = currentSession()?.userId;
  let res;
  try {
    res = await api(q.path, { as: who });
  } catch {
    const cached = (await ukv.get('lookups') ?? {})[q.key];
    out.innerHTML = cached
      ? `<p class="badge offline" data-testid="lookup-cached">离线缓存 · 查询于 ${esc(fmtTime(cached.at))}</p>${render(kind, cached.data)}`
      : '<p class="error">当前离线，本机没有该对象的查询记录。</p>';
    return;
  }
  if (res.switched || currentSession()?.userId !== who) return;
  if (!res.ok) {
    out.innerHTML = `<p class="error">${esc(res.status === 404 ? '未查到该对象的登记信息。' : res.message)}</p>`;
    return;
  }
  const cache = (await ukv.get('lookups')) ?? {};
  cache[q.key] = { at: new Date().toISOString(), data: res.data };
  const keys = Object.keys(cache).sort((a, b) => cache[b].at.localeCompare(cache[a].at));
  keys.slice(MAX_CACHED).forEach((k) => delete cache[k]);
  await ukv.set('lookups', cache);
  out.innerHTML = render(kind, res.data);
}

function list(title, items, row) {
  return `<section class="card"><h2>${title}</h2>${items?.length ? items.map(row).join('') : '<p class="muted">无</p>'}</section>`;
}

const CERT = { valid: '有效', expired: '已过期', none: '无' };
const VEHICLE_STATUS = { active: '正常', suspended: '暂停营运', deregistered: '已注销' };
const row = (k, v) => (v === null || v === undefined || v === '' ? '' : `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
const cert = (c) => (c ? `${CERT[c.status] ?? c.status ?? ''}${c.number ? ` · ${c.number}` : ''}${c.validUntil ? ` · 有效期至 ${c.validUntil}` : ''}` : null);
const colorName = (c) => PLATE_COLORS.find(([v]) => v === c)?.[1] ?? c ?? '';

/** The registry's VehicleInfo: plate, type, 道路运输证 and owner (docs/terminal.md 查询). */
function vehicleCard(v) {
  if (!v) return '';
  const c = v.transportCertificate;
  return `<section class="card"><h2>车辆信息</h2><table class="kv">
    ${row('号牌', `${v.plate} ${colorName(v.plateColor)}`)}${row('车辆类型', v.vehicleTypeName)}${row('轴数', v.axleCount)}
    ${row('总质量', v.registeredTotalMassKg ? `${v.registeredTotalMassKg} kg` : null)}${row('车辆状态', VEHICLE_STATUS[v.status] ?? v.status)}
    <tr><th>道路运输证</th><td class="cert-${esc(c?.status ?? 'none')}" data-testid="lookup-transport-certificate">${esc(cert(c) ?? '无')}</td></tr>
    ${row('所有人', v.owner?.name)}${row('所有人证件号', v.owner?.number)}${row('联系电话', v.owner?.phone)}${row('经营许可证号', v.owner?.operatingLicenceNo)}
    </table></section>`;
}

/**
 * 布控车辆: the entries in force now for this vehicle (docs/terminal.md), first and in red so no officer misses them.
 * An empty list (or null in an answer cached before the watch-lists existed) shows nothing.
 */
function watchBanner(entries) {
  if (!Array.isArray(entries) || entries.length === 0) return '';
  const entry = (w) => `<div class="watch-entry"><div class="watch-list">${esc(w.watchlistName)}</div>
    <div>布控事由：${esc(w.reason)}</div><div>有效期至：${esc(fmtTime(w.validUntil))}</div></div>`;
  return `<section class="card watch-banner" role="alert" data-testid="lookup-watchlist"><h2>⚠ 布控车辆</h2>
    ${entries.map(entry).join('')}<p class="watch-hint">注意安全，按布控要求处置，并报告指挥中心。</p></section>`;
}

/** 信用监管: 黑名单车辆 in red, and the decided 超限 violations of the last 12 months (absent in answers cached before). */
function creditBanner(c) {
  if (!c) return '';
  const status = c.blacklisted ? `<p class="watch-list">黑名单车辆${c.expiresOn ? `（列入至 ${esc(c.expiresOn)}）` : ''}</p>` : (c.proposed ? '<p>拟列入黑名单</p>' : '');
  const count = `<p>超限违法 ${esc(c.overloadViolations12Months)} 次（12 个月内）</p>`;
  return `<section class="card${c.blacklisted ? ' watch-banner' : ''}" data-testid="lookup-credit"><h2>信用状况</h2>${status}${count}</section>`;
}

function driverCard(d) {
  return `<table class="kv">${row('姓名', d.person?.name)}${row('身份证号', d.person?.number)}${row('从业资格证号', d.qualificationNo)}
    ${row('资格类别', d.qualificationCategory)}${row('资格证状态', cert(d.qualification))}${row('所在企业', d.employer?.name)}${row('联系电话', d.person?.phone)}</table>`;
}

function partyCard(p) {
  return `<table class="kv">${row('名称', p?.name)}${row('统一社会信用代码', p?.number)}${row('法定代表人', p?.legalRepresentative)}
    ${row('经营许可证号', p?.operatingLicenceNo)}${row('地址', p?.address)}${row('联系电话', p?.phone)}</table>`;
}

function render(kind, d) {
  if (!d) return '';
  if (kind === 'vehicle') {
    return `${watchBanner(d.watchlist)}
    ${creditBanner(d.credit)}
    ${vehicleCard(d.vehicle)}
    ${list('未结案件', d.openCases, (c) => `<div class="line">${esc(c.caseNumber)} ${esc(c.title)} <span class="tag">${esc(c.stage)}</span></div>`)}
    ${list('超限记录', d.overloadHistory, (o) => `<div class="line">${esc(fmtTime(o.at))} ${esc(o.stationName)} 超限 ${esc(o.overloadPercent)}% ${esc(o.caseNumber ?? '')}</div>`)}`;
  }
  if (kind === 'driver') return list('驾驶员', d.drivers, driverCard);
  return `<section class="card"><h2>企业信息</h2>${partyCard(d.party)}</section>
    ${list('名下车辆', d.vehicles, (v) => `<div class="line">${esc(v.plate)} ${esc(colorName(v.plateColor))}${v.vehicleTypeName ? ` · ${esc(v.vehicleTypeName)}` : ''}${v.transportCertificate ? ` · 道路运输证${esc(CERT[v.transportCertificate.status] ?? '')}` : ''}</div>`)}`;
}
