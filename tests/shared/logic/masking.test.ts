import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPersonal, maskPhone } from '../../../shared/logic/masking';

const RUNS = { numRuns: 1000 };
const codePoints = (s: string) => Array.from(s);

const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/);
const digits = fc.stringMatching(/^[0-9]{0,24}$/);
const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const chineseName = fc.array(hanzi, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const latinName = fc.stringMatching(/^[A-Za-z]{1,10}( [A-Za-z]{1,10})?$/);
const anyNameWithoutStar = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('*'));
const idNumber = fc.stringMatching(/^[0-9]{17}[0-9X]$/);

describe('maskName', () => {
  it.each([
    ['张三丰', '张*丰'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['阿卜杜拉·买买提', '阿******提'],
    ['Li', 'L*'],
    ['Wang Fang', 'W*******g'],
    ['王', '王'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the length and the first character, and never returns a name of 2+ characters unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(chineseName, latinName, anyNameWithoutStar), (name) => {
        const masked = maskName(name);
        expect(codePoints(masked)).toHaveLength(codePoints(name).length);
        expect(codePoints(masked)[0]).toBe(codePoints(name)[0]);
        if (codePoints(name).length >= 2) expect(masked).not.toBe(name);
      }),
      RUNS,
    );
  });

  it('reveals at most the first and last character of a Chinese name', () => {
    fc.assert(
      fc.property(chineseName, (name) => {
        const hidden = codePoints(maskName(name)).slice(1, -1);
        expect(hidden.every((c) => c === '*')).toBe(true);
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (name) => maskName(maskName(name)) === maskName(name)), RUNS);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['0591-87654321', '059*-****4321'],
    ['12345678', '********'],
    ['', ''],
  ])('masks %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('never contains the original mobile number nor any run of 5+ digits', () => {
    fc.assert(
      fc.property(mobile, (phone) => {
        const masked = maskPhone(phone);
        expect(masked).not.toContain(phone);
        expect(masked).not.toMatch(/[0-9]{5}/);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }),
      RUNS,
    );
  });

  it('hides at least four digits of any digit string and keeps its length', () => {
    fc.assert(
      fc.property(digits, (number) => {
        const masked = maskPhone(number);
        expect(masked).toHaveLength(number.length);
        expect(masked).not.toMatch(/[0-9]{5}/);
        expect([...masked].filter((c) => c === '*').length).toBeGreaterThanOrEqual(Math.min(4, number.length));
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    const phone = fc.oneof(mobile, digits, fc.string());
    fc.assert(fc.property(phone, (p) => maskPhone(maskPhone(p)) === maskPhone(p)), RUNS);
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four of an 18-character id', () => {
    expect(maskIdNumber('35012119900101123X')).toBe('350121********123X');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('never shows the date of birth, and is idempotent', () => {
    fc.assert(
      fc.property(idNumber, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).not.toContain(id.slice(6, 14));
        expect(masked.slice(6, 14)).toBe('********');
        expect(maskIdNumber(masked)).toBe(masked);
      }),
      RUNS,
    );
  });

  it('is removed, not masked, for a public audience', () => {
    expect(maskPersonal('idNumber', '35012119900101123X')).toBeNull();
  });
});

describe('maskAddress', () => {
  it.each([
    ['福州市闽侯县上街镇榕桥花园3号楼2单元502室', '福州市闽侯县上街镇榕桥花园'],
    ['工业路12号', '工业路'],
    ['阳光小区5栋', '阳光小区'],
    ['阳光小区3-2-502', '阳光小区'],
    ['长乐路123弄45号', '长乐路'],
    ['万科城A区B座1801', '万科城A区'],
    ['锦绣江南第3幢八楼', '锦绣江南'],
    ['3号楼2单元502室', ''],
  ])('reduces %s to %s', (address, masked) => expect(maskAddress(address)).toBe(masked));

  const place = fc
    .array(fc.constantFrom(...'榕桥阳光金色家园华府锦绣江南碧水湾东西南北中山海天城福州'), { minLength: 1, maxLength: 8 })
    .chain((chars) => fc.constantFrom('花园', '小区', '路', '苑', '新村', '大道').map((s) => chars.join('') + s));
  const n = fc.integer({ min: 1, max: 2999 });
  const houseToken = fc.oneof(
    n.map((x) => `${x}号楼`),
    n.map((x) => `${x}单元`),
    n.map((x) => `${x}室`),
    n.map((x) => `${x}号`),
    n.map((x) => `${x}栋`),
    n.map((x) => `${x}幢`),
    n.map((x) => `第${x}座`),
    n.map((x) => `${x}弄`),
    fc.constantFrom('A座', 'B栋', '三号楼', '十二层'),
    fc.tuple(n, n, n).map(([a, b, c]) => `${a}-${b}-${c}`),
  );
  const houseNumber = fc.array(houseToken, { minLength: 1, maxLength: 4 }).map((t) => t.join(''));

  it('drops any building, unit and room numbers after a road or compound name', () => {
    fc.assert(fc.property(place, houseNumber, (p, h) => maskAddress(p + h) === p), RUNS);
  });

  it('leaves no number followed by a house-number word', () => {
    fc.assert(
      fc.property(place, houseNumber, (p, h) => !/[0-9](号|栋|幢|座|单元|室|层|楼|弄)/.test(maskAddress(h + p + h))),
      RUNS,
    );
  });

  it('is idempotent on any text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.tuple(place, houseNumber).map(([p, h]) => h + p + h));
    fc.assert(fc.property(text, (a) => maskAddress(maskAddress(a)) === maskAddress(a)), RUNS);
  });
});
