import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubPublicText } from '../../../../shared/logic/privacy/scrubPublicText';
import { findPersonalData } from './findPersonalData';
import { houseText, idNumberText, personalText, personName, phoneText } from './personalTexts';

describe('scrubPublicText', () => {
  it.each([
    ['李秀英 电话13700001111 身份证350121195001011111 住阳光小区5栋301室', ['李秀英'], '李*英 电话[电话] 身份证[身份证号] 住阳光小区[门牌]'],
    ['到榕桥花园3号楼2单元502室找张三丰', ['张三丰'], '到榕桥花园[门牌]找张*丰'],
    ['物业 张三丰 13812345678', ['张三丰'], '物业 张*丰 [电话]'],
    ['义诊 联系13600002222', [], '义诊 联系[电话]'],
    ['电话１３８１２３４５６７８，138.1234.5678，1 3 8 1 2 3 4 5 6 7 8', [], '电话[电话]，[电话]，[电话]'],
    ['+86 138-1234-5678 或 0591-12345678', [], '[电话] 或 [电话]'],
    ['身份证 350121 19800315 241X，３５０１２１１９８００３１５２４１７', [], '身份证 [身份证号]，[身份证号]'],
    ['座机87654321，幺三八一二三四五六七八', [], '座机[号码]，[号码]'],
    ['找张 三 丰，工业路12号，5栋301', ['张三丰'], '找张*丰，工业路[门牌]，[门牌]'],
  ])('scrubs %s', (text, names, scrubbed) => expect(scrubPublicText(text, names)).toBe(scrubbed));

  it('keeps dates, times, counts and amounts readable', () => {
    expect(scrubPublicText('2024-11-05 14:30 复查，共3户，12345元，2024年6月3日')).toBe('2024-11-05 14:30 复查，共3户，12345元，2024年6月3日');
  });

  it('masks the longer of two known names whole (张三丰 before 张三)', () => {
    expect(scrubPublicText('张三丰与张三', ['张三', '张三丰'])).toBe('张*丰与张*');
  });

  it('leaves no phone, id number, house number or known name in any generated text, and is idempotent', () => {
    const text = fc.tuple(fc.uniqueArray(personName, { minLength: 1, maxLength: 3 })).chain(([names]) => fc.tuple(fc.constant(names), personalText(names, 500)));
    fc.assert(
      fc.property(text, ([names, raw]) => {
        const scrubbed = scrubPublicText(raw, names);
        expect(findPersonalData('text', scrubbed, names)).toEqual([]);
        expect(scrubPublicText(scrubbed, names)).toBe(scrubbed);
      }),
      { numRuns: 500 },
    );
  });

  it('hides each generated form on its own, between any words', () => {
    const filler = fc.string({ unit: fc.constantFrom(...'路灯坏了 请联系,:，。') , maxLength: 6 });
    fc.assert(
      fc.property(filler, fc.oneof(phoneText, idNumberText, houseText), filler, (before, personal, after) => {
        expect(findPersonalData('text', scrubPublicText(before + personal + after))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
