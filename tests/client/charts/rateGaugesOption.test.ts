import { describe, expect, it } from 'vitest';
import { rateGaugesOption } from '../../../client/charts/options/rateGaugesOption';

describe('rateGaugesOption', () => {
  const option = rateGaugesOption({
    gauges: [
      { id: 'acceptance', name: '受理率', rate: 0.9873, display: '98.7%', colour: '#38c6f4' },
      { id: 'resolution', name: '办结率', rate: null, display: '暂无', colour: '#3ddc97' },
    ],
    remPx: 16,
  });
  type Gauge = {
    id: string;
    center: [string, string];
    data: { name: string; value: number }[];
    detail: { formatter: () => string };
    max: number;
  };
  const [acceptance, resolution] = option.series as Gauge[];

  it('draws one gauge per rate, side by side', () => {
    expect(acceptance?.center[0]).toBe('25%');
    expect(resolution?.center[0]).toBe('75%');
  });

  it('fills the ring in percent, to one decimal', () => {
    expect(acceptance?.max).toBe(100);
    expect(acceptance?.data).toEqual([{ name: '受理率', value: 98.7 }]);
  });

  it('prints the figure as the caller formatted it', () => {
    expect(acceptance?.detail.formatter()).toBe('98.7%');
  });

  it('shows an empty ring and the no-data text when nothing was reported today', () => {
    expect(resolution?.data[0]?.value).toBe(0);
    expect(resolution?.detail.formatter()).toBe('暂无');
  });
});
