import { describe, expect, it } from 'vitest';
import { captionOf, textOf } from '../../../client/demo/captionOf';
import { stopOf } from './demoFixtures';

describe('captionOf', () => {
  it('shows the Chinese caption on a Chinese wall', () => {
    expect(captionOf(stopOf(), 'zh-CN')).toEqual({ title: '三福社区：小社区大家园', text: '11 家共建单位，30 余项荣誉。' });
  });

  it('shows the English caption on a ?lang=en wall', () => {
    expect(captionOf(stopOf(), 'en')).toEqual({ title: 'Sanfu: a small community, a big home', text: '11 co-building units, 30+ honours.' });
  });

  it('falls back to Chinese, field by field, where the tour file has no English', () => {
    const stop = stopOf({ caption: { title: { zh: '十五分钟服务圈', en: '15-minute service circle' }, text: { zh: '步行十五分钟可达。' } } });
    expect(captionOf(stop, 'en')).toEqual({ title: '15-minute service circle', text: '步行十五分钟可达。' });
    expect(textOf({ zh: '双报到' }, 'en')).toBe('双报到');
  });
});
