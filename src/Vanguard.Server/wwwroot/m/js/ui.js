// Tiny DOM helpers: every value that reaches HTML goes through esc().

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

export function view(html) {
  const main = $('#view');
  main.innerHTML = html;
  window.scrollTo(0, 0);
  return main;
}

let toastTimer;
export function toast(text, kind = 'info') {
  const el = $('#toast');
  el.textContent = text;
  el.className = `toast show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = 'toast'; }, 3500);
}

const pad = (n) => String(n).padStart(2, '0');

/** 2026-11-27 08:05 in the phone's time zone. */
export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type=datetime-local> for a Date. */
export const localInput = (d = new Date()) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** ISO 8601 with the phone's offset (+08:00), as the API wants it, from a datetime-local value or a Date. */
export function isoWithOffset(value = new Date()) {
  const d = value instanceof Date ? value : new Date(value);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${localInput(d)}:${pad(d.getSeconds())}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

export const today = () => isoWithOffset().slice(0, 10);

export const PLATE_COLORS = [
  ['blue', '蓝色'], ['yellow', '黄色'], ['green', '渐变绿色'], ['yellow-green', '黄绿双拼色'], ['white', '白色'], ['black', '黑色'],
];

export const colorOptions = (selected = 'blue') =>
  PLATE_COLORS.map(([v, n]) => `<option value="${v}"${v === selected ? ' selected' : ''}>${n}</option>`).join('');

/** Current position, or null when the phone has none (no permission, no fix within the timeout, no API). */
export function locate(timeout = 10_000) {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
    );
  });
}

/** Key/value rows for whatever a look-up returns; labels for the fields an officer reads most. */
const LABELS = {
  plate: '号牌', plateColor: '号牌颜色', vehicleTypeName: '车辆类型', axleCount: '轴数', registeredTotalMassKg: '核定总质量(kg)',
  ownerName: '所有人', operatorName: '经营者', transportCertificateNo: '道路运输证号', name: '姓名/名称', idNumber: '证件号',
  qualificationNo: '从业资格证号', qualificationType: '资格类别', validUntil: '有效期至', creditCode: '统一社会信用代码',
  licenceNo: '经营许可证号', address: '地址', phone: '电话', status: '状态', kind: '类型', businessScope: '经营范围',
  caseNumber: '案号', title: '案由', stage: '阶段', at: '时间', stationName: '检测站', overloadPercent: '超限率(%)',
};

export function kvTable(obj) {
  if (!obj || typeof obj !== 'object') return `<p class="muted">${esc(obj ?? '无')}</p>`;
  const rows = Object.entries(obj)
    .filter(([k, v]) => v !== null && v !== '' && typeof v !== 'object' && !/^id$|Id$/.test(k))
    .map(([k, v]) => `<tr><th>${esc(LABELS[k] ?? k)}</th><td>${esc(typeof v === 'boolean' ? (v ? '是' : '否') : v)}</td></tr>`);
  return `<table class="kv">${rows.join('')}</table>`;
}
