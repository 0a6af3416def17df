// Check digits verified on the phone (no round trip, no audit entry for a typo). Pure: node runs them in tests/interop.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 citizen ID number: 17 digits and a check character (0–9 or X), ISO 7064 MOD 11-2. */
export function checkIdNumber(value) {
  const id = String(value ?? '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  const expected = ID_CHECK[sum % 11];
  return id[17] === expected ? { ok: true, value: id } : { ok: false, reason: 'check_digit', expected };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 unified social credit code: 18 characters of a 31-letter alphabet (no I, O, S, V, Z), MOD 31. */
export function checkCreditCode(value) {
  const code = String(value ?? '').trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'format' };
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const v = CREDIT_CHARS.indexOf(code[i]);
    if (v < 0) return { ok: false, reason: 'format' };
    if (i < 17) sum += v * CREDIT_WEIGHTS[i];
  }
  const expected = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  return code[17] === expected ? { ok: true, value: code } : { ok: false, reason: 'check_digit', expected };
}

/** A plate as the registry stores it: upper case, no spaces or dots (豫A·12345 → 豫A12345). */
export function normalisePlate(value) {
  return String(value ?? '').trim().toUpperCase().replace(/[\s·.\-]/g, '');
}

/** "12.5" 元 → 1250 fen, exactly (no floating point on a legal amount); null when it is not an amount. */
export function yuanToFen(value) {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(String(value ?? ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 → "12.50". */
export function fenToYuan(fen) {
  const f = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.trunc(f / 100).toLocaleString('zh-CN')}.${String(f % 100).padStart(2, '0')}`;
}

// 《行政处罚法》(2021) art. 51: on the spot only up to 200 yuan for a citizen, 3 000 yuan for a legal person or other
// organisation ("以下" includes the amount itself).
export const ON_SPOT_LIMIT_FEN = { person: 20_000, organisation: 300_000 };

export function onSpotAllowed(partyKind, fineFen) {
  const limit = ON_SPOT_LIMIT_FEN[partyKind];
  return limit !== undefined && fineFen >= 0 && fineFen <= limit;
}
