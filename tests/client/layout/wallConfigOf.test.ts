import { describe, expect, it } from 'vitest';
import { wallConfigOf } from '../../../client/layout/wallConfigOf';
import { DEFAULT_CONTROLS } from '../../../client/stores/useViewStore';

describe('wallConfigOf', () => {
  it('defaults to the locale title, the viewport layout, Chinese and the server county', () => {
    expect(wallConfigOf('')).toEqual({ title: null, layout: null, locale: 'zh-CN', scope: null, motion: null, alarmFlights: true, controls: DEFAULT_CONTROLS });
  });

  it('reads title, layout, language and scope from the query', () => {
    const query = `?title=${encodeURIComponent('鼓楼区指挥中心')}&layout=32x9&lang=en&scope=350121001&motion=still&alarmFlights=off`;
    expect(wallConfigOf(query)).toEqual({
      title: '鼓楼区指挥中心',
      layout: '32x9',
      locale: 'en',
      scope: '350121001',
      motion: 'still',
      alarmFlights: false,
      controls: DEFAULT_CONTROLS,
    });
  });

  it('falls back to the build-time title when the query has none', () => {
    expect(wallConfigOf('?layout=16x9', '闽侯县指挥中心').title).toBe('闽侯县指挥中心');
    expect(wallConfigOf('?title=%20%20', '闽侯县指挥中心').title).toBe('闽侯县指挥中心');
  });

  it('ignores what it cannot use rather than showing it', () => {
    expect(wallConfigOf('?layout=21x9&scope=abc&lang=fr&motion=wobbly&alarmFlights=maybe')).toEqual({
      title: null,
      layout: null,
      locale: 'zh-CN',
      scope: null,
      motion: null,
      alarmFlights: true,
      controls: DEFAULT_CONTROLS,
    });
    expect(wallConfigOf('?scope=3501210011').scope).toBeNull();
  });

  it('keeps an over-long title to what fits a header', () => {
    expect(wallConfigOf(`?title=${'长'.repeat(100)}`).title).toHaveLength(40);
  });
});
