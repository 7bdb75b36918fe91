import fc from 'fast-check';

/**
 * fast-check generators for the texts people really type into free-text fields: phones in every
 * digit form, id numbers, house numbers and names, mixed into ordinary words.
 */

const SURNAMES = Array.from('甯亓覃郗闫禤訾羿靳冼');
const GIVEN = Array.from('骁翀霁澜翊翾骞骋蓁秀英建国丰娜');

export const personName = fc
  .tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }))
  .map(([surname, given]) => surname + given.join(''));

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));

export const mobileDigits = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([head, tail]) => head + tail);

const group = (text: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(text.slice(at, (at += size)));
  return parts.join(sep);
};

/** One phone, as a person might write it. */
export const phoneText = fc.oneof(
  mobileDigits,
  mobileDigits.map(fullWidth),
  fc.tuple(mobileDigits, fc.constantFrom(' ', '.', '-', '－', ' - ', '　')).map(([m, sep]) => group(m, [3, 4, 4], sep)),
  mobileDigits.map((m) => Array.from(m).join(' ')),
  mobileDigits.map((m) => fullWidth(group(m, [3, 4, 4], ' '))),
  fc.tuple(fc.constantFrom('+86', '+86 ', '86', '+86-', '＋８６'), mobileDigits).map(([p, m]) => p + m),
  fc.tuple(fc.constantFrom('0591', '0591-', '0591 ', '(0591)', '０５９１－'), digits(8)).map(([area, n]) => area + (area.startsWith('０') ? fullWidth(n) : n)),
);

export const idNumberDigits = fc.tuple(fc.constantFrom('350121', '350102', '110101'), digits(11), fc.constantFrom(...'0123456789X')).map(([a, b, c]) => a + b + c);

export const idNumberText = fc.oneof(
  idNumberDigits,
  idNumberDigits.map(fullWidth),
  idNumberDigits.map((id) => group(id, [6, 8, 4], ' ')),
  idNumberDigits.map((id) => group(id, [6, 8, 4], '-')),
  idNumberDigits.map((id) => id.replace(/X$/, 'x')),
);

const small = (max: number) => fc.integer({ min: 1, max }).map(String);
export const houseText = fc.oneof(
  fc.tuple(small(30), small(2800)).map(([b, r]) => `${b}栋${r}室`),
  fc.tuple(small(30), small(6), small(2800)).map(([b, u, r]) => `${b}号楼${u}单元${r}室`),
  small(300).map((n) => `${n}号`),
  fc.tuple(small(30), small(2800)).map(([b, r]) => fullWidth(`${b}栋${r}室`)),
  fc.tuple(small(30), small(2800)).map(([b, r]) => `${b}栋${r}`),
);

const WORDS = ['反映', '楼道堆物', '联系', '电话', '住', '阳光小区', '身份证', '到', '榕桥花园', '找', '义诊', '物业', '，', '。', ' ', '：'];
const filler = fc.constantFrom(...WORDS);

/** Free text holding personal data about `names` (and everything else a resident may type). */
export const personalText = (names: readonly string[], maxLength: number) =>
  fc
    .array(fc.oneof(filler, filler, phoneText, idNumberText, houseText, ...(names.length ? [fc.constantFrom(...names)] : [])), { minLength: 1, maxLength: 12 })
    // Whole parts up to the field's length, as a person types them (the API refuses longer text): cutting
    // mid-part would make fragments nobody wrote, such as the first two characters of a three-character
    // name that happen to be another person's whole name.
    .map((parts) => parts.reduce((text, part) => (Array.from(text + part).length <= maxLength ? text + part : text), ''));

/** An id a client may choose that carries a phone or an id number. */
export const personalId = fc.oneof(
  mobileDigits,
  mobileDigits.map((m) => `INC-${m}`),
  idNumberDigits.map((id) => `CK-${id}`),
  mobileDigits.map((m) => `W-${group(m, [3, 4, 4], '-')}`),
  fc.constant('M-0591-12345678'),
);
