import type { DemoState, TourState, TourStop } from '../../../shared/contract/demo';

/** A stop of the sample county with everything filled in; override what a test is about. */
export const stopOf = (overrides: Partial<TourStop> = {}): TourStop => ({
  id: 'sanfu',
  region: '350121001002',
  camera: { zoom: 15, pitch: 40, bearing: -20 },
  caption: {
    title: { zh: '三福社区：小社区大家园', en: 'Sanfu: a small community, a big home' },
    text: { zh: '11 家共建单位，30 余项荣誉。', en: '11 co-building units, 30+ honours.' },
  },
  highlight: { layers: ['volunteerHeat', 'stations'], panels: ['organisation', 'volunteers'] },
  durationSec: 20,
  ...overrides,
});

export const tourOf = (overrides: Partial<TourState> = {}): TourState => ({
  title: { zh: '闽侯县基层治理观摩', en: 'Minhou grassroots governance tour' },
  stops: [stopOf(), stopOf({ id: 'county', region: '350121', camera: {} })],
  mode: 'playing',
  index: 0,
  stopStartedAt: 1_000_000,
  endsAt: 1_020_000,
  revision: 1,
  ...overrides,
});

export const demoStateOf = (overrides: Partial<DemoState> = {}): DemoState => ({
  sample: true,
  tour: tourOf(),
  scenario: null,
  resetting: false,
  ...overrides,
});
