// The terminal's check digits and money conversion (src/Vanguard.Server/wwwroot/m/js/checks.js) under node, against
// the examples of the standards themselves. Run by TerminalPwaCheckDigitTests; prints "ok N" or the failures, exits 1.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../src/Vanguard.Server/wwwroot/m/js/checks.js', import.meta.url));
const m = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(await readFile(file, 'utf8'))}`);

const cases = [
  // GB 11643-1999 annex example, and its variations.
  ['id example', m.checkIdNumber('11010519491231002X'), { ok: true, value: '11010519491231002X' }],
  ['id lower-case x', m.checkIdNumber(' 11010519491231002x '), { ok: true, value: '11010519491231002X' }],
  ['id wrong check', m.checkIdNumber('110105194912310021'), { ok: false, reason: 'check_digit', expected: 'X' }],
  ['id digit typo', m.checkIdNumber('11010519491231003X'), { ok: false, reason: 'check_digit', expected: '8' }],
  ['id 17 chars', m.checkIdNumber('11010519491231002'), { ok: false, reason: 'format' }],
  ['id X inside', m.checkIdNumber('1101051949123100XX'), { ok: false, reason: 'format' }],
  // GB 32100-2015 example.
  ['credit example', m.checkCreditCode('91350100M000100Y43'), { ok: true, value: '91350100M000100Y43' }],
  ['credit lower case', m.checkCreditCode('91350100m000100y43'), { ok: true, value: '91350100M000100Y43' }],
  ['credit wrong check', m.checkCreditCode('91350100M000100Y44'), { ok: false, reason: 'check_digit', expected: '3' }],
  ['credit letter I', m.checkCreditCode('91350100M000100I43'), { ok: false, reason: 'format' }],
  ['credit short', m.checkCreditCode('91350100M000100Y4'), { ok: false, reason: 'format' }],
  ['fen 12.5', m.yuanToFen('12.5'), 1250],
  ['fen 200', m.yuanToFen('200'), 20000],
  ['fen 0.07', m.yuanToFen('0.07'), 7],
  ['fen three decimals', m.yuanToFen('1.005'), null],
  ['fen negative', m.yuanToFen('-5'), null],
  ['person 200 yuan allowed', m.onSpotAllowed('person', 20000), true],
  ['person 200.01 yuan refused', m.onSpotAllowed('person', 20001), false],
  ['organisation 3000 yuan allowed', m.onSpotAllowed('organisation', 300000), true],
  ['organisation 3000.01 yuan refused', m.onSpotAllowed('organisation', 300001), false],
  ['plate normalised', m.normalisePlate(' 豫a·12345 '), '豫A12345'],
];

const failures = cases.filter(([, actual, expected]) => JSON.stringify(actual) !== JSON.stringify(expected));
for (const [name, actual, expected] of failures) console.log(`FAIL ${name}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
console.log(failures.length ? `${failures.length} failed` : `ok ${cases.length}`);
process.exit(failures.length ? 1 : 0);
