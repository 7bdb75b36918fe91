import { maskName } from '../masking';

/**
 * Free text for public screens. Residents and staff type anything into a description, a note, an
 * activity or an assignee: phone and id numbers in any digit form (full-width １３８…, spaced, dotted,
 * dashed, +86, landlines), house and room numbers, and the names of the people involved.
 *
 * Decision: numbers are replaced whole by a token ("[电话]", "[身份证号]", "[号码]", "[门牌]"), not
 * masked as 138****5678: a partly shown number plus a masked name and a compound is often enough
 * to re-identify someone, and a token reads as well. Known names keep the PIPL form 张*丰.
 */

export const PHONE_TOKEN = '[电话]';
export const ID_NUMBER_TOKEN = '[身份证号]';
export const NUMBER_TOKEN = '[号码]';
export const HOUSE_TOKEN = '[门牌]';

const D = '[0-9０-９]';
/** What people put between digit groups: spaces (also full-width), dots, dashes, slashes, underscores. */
const GAP = '[\\s\\u00a0.．·\\-－—–_/]{0,3}';
/** A maximal chain of digits joined by short gaps, with a leading + and a trailing X for id numbers. */
const DIGIT_CHAIN = new RegExp(`[+＋]?${D}(?:${GAP}${D})*(?:${GAP}[XxＸｘ](?![A-Za-z]))?`, 'g');
/** Phones spoken in Chinese numerals (幺三八…): seven in a row is never ordinary prose. */
const HAN_DIGIT = '[零〇一二三四五六七八九幺两]';
const HAN_CHAIN = new RegExp(`${HAN_DIGIT}(?:${GAP}${HAN_DIGIT}){6,}`, 'g');
const HAN_VALUE: Record<string, string> = { 零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Full-width to ASCII digits and X, everything else dropped: the number as a machine reads it. */
const digitsOf = (chain: string): string =>
  Array.from(chain)
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
      if (c === 'Ｘ' || c === 'ｘ' || c === 'x') return 'X';
      return /[0-9X]/.test(c) ? c : (HAN_VALUE[c] ?? '');
    })
    .join('');

export type PersonalNumberKind = 'idNumber' | 'phone';

/** Whether a digit string is shaped like a phone (mobile, +86 mobile, landline with area code) or an id number. */
export const personalNumberKind = (digits: string): PersonalNumberKind | null => {
  if (/^[0-9]{17}[0-9X]$/.test(digits)) return 'idNumber';
  if (/^(?:0{0,2}86)?1[3-9][0-9]{9}$/.test(digits)) return 'phone';
  if (/^0[1-9][0-9]{8,10}$/.test(digits)) return 'phone';
  return null;
};

/** A calendar date (2024-11-05, 2024.1.5) is the one long chain that stays readable. */
const DATE_TEXT = '(?:19|20)[0-9]{2}[-./．－](?:0?[1-9]|1[0-2])[-./．－](?:0?[1-9]|[12][0-9]|3[01])';
const DATE = new RegExp(`^${DATE_TEXT}$`);
/** A date with what follows it in the same chain (2024-11-05 14 of "2024-11-05 14:30"). */
const DATE_THEN = new RegExp(`^(${DATE_TEXT})(\\s+)(.+)$`);

const tokenFor = (chain: string): string => {
  const dated = DATE_THEN.exec(chain);
  if (dated) return dated[1]! + dated[2]! + tokenFor(dated[3]!);
  const digits = digitsOf(chain);
  const kind = personalNumberKind(digits);
  if (kind === 'idNumber') return ID_NUMBER_TOKEN;
  if (kind === 'phone') return PHONE_TOKEN;
  // Any other run of 7+ digits may still be a bare landline, a number split oddly or an account.
  const count = digits.replace(/X/g, '').length;
  if (count >= 7 && !DATE.test(chain.trim())) return NUMBER_TOKEN;
  return chain;
};

/**
 * Whether `text` holds a phone or an id number in any digit form. Used for ids, where server-made
 * ids (`ST-350121001001001-3`) hold long region codes that are nobody's number.
 */
export const findPersonalNumbers = (text: string): boolean =>
  Array.from(text.matchAll(DIGIT_CHAIN)).some(([chain]) => personalNumberKind(digitsOf(chain)) !== null);

const NUMERAL = '[0-9０-９一二三四五六七八九十百千零〇两]';
const LETTER = '[A-Za-zＡ-Ｚａ-ｚ]';
const HOUSE_PART = `(?:第|附)?(?:${LETTER}?${NUMERAL}+(?:[-－—]${NUMERAL}+)*${LETTER}?|${LETTER})(?:号楼|号院|号|栋|幢|座|单元|室|层|楼|弄|巷|排)`;
/** 5栋301室, 3号楼2单元502室, 12号, 5栋301 (a bare room after a building), 3-2-502. */
const HOUSE = new RegExp(
  `(?:${HOUSE_PART})+(?:[-－—#＃]?${D}{1,5}(?!${D}))?|(?<!${D})${D}{1,3}[-－—]${D}{1,3}[-－—]${D}{2,4}(?!${D})`,
  'g',
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A known name, also written with spaces between its characters (张 三 丰). */
const namePattern = (name: string): RegExp =>
  new RegExp(
    Array.from(name.trim())
      .filter((c) => !/\s/.test(c))
      .map(escapeRegExp)
      .join('\\s*'),
    'giu',
  );

const NAME_CACHE_LIMIT = 5_000;
const nameCache = new Map<string, RegExp>();
const cachedNamePattern = (name: string): RegExp => {
  let pattern = nameCache.get(name);
  if (!pattern) {
    if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
    nameCache.set(name, (pattern = namePattern(name)));
  }
  pattern.lastIndex = 0;
  return pattern;
};

/**
 * `text` fit for a public screen: numbers and house numbers replaced by tokens, each of the
 * `knownNames` (the people the system knows for this record) masked wherever it appears.
 * Idempotent: scrubbing scrubbed text changes nothing.
 */
export const scrubPublicText = (text: string, knownNames: readonly string[] = []): string => {
  // The same texts are shaped again for every snapshot and page: remember the last results.
  const key = `${knownNames.join('\u0000')}\u0001${text}`;
  const cached = scrubbed.get(key);
  if (cached !== undefined) return cached;
  const out = scrubUncached(text, knownNames);
  if (scrubbed.size >= SCRUBBED_CACHE_LIMIT) scrubbed.clear();
  scrubbed.set(key, out);
  return out;
};

const SCRUBBED_CACHE_LIMIT = 20_000;
const scrubbed = new Map<string, string>();

const scrubUncached = (text: string, knownNames: readonly string[]): string => {
  let out = text;
  const names = [...new Set(knownNames.map((n) => n.trim()))].filter((n) => Array.from(n).length >= 2);
  // Longest first, so 张三丰 is masked whole before 张三 could take its first two characters.
  names.sort((a, b) => Array.from(b).length - Array.from(a).length);
  for (const name of names) out = out.replace(cachedNamePattern(name), () => maskName(name));
  return out.replace(DIGIT_CHAIN, tokenFor).replace(HAN_CHAIN, (chain) => (digitsOf(chain).length >= 7 ? NUMBER_TOKEN : chain)).replace(HOUSE, HOUSE_TOKEN);
};
