import { describe, expect, it } from 'vitest';
import type { ChildFigures } from '../../../shared/contract/snapshot';
import type { RegionKpis } from '../../../shared/domain/kpi';
import { regionCardFigures } from '../../../client/detail/regionCardFigures';

const child: ChildFigures = { code: '350121001001', name: '昙石社区', level: 'community', households: 900, open: 3, overdue: 1, reportedToday: 5, resolvedToday: 2 };
const kpis = {
  code: '350121001',
  incidents: { reportedToday: 20, acceptedToday: 18, resolvedToday: 12, open: 9, overdue: 2, acceptanceRate: 0.9, resolutionRate: 0.6, meanResolveMinutes: 50 },
  stations: { total: 30, open: 20, extended: 4, closed: 5, fault: 1, onDuty: 40, visitors: 300 },
  volunteers: { onDuty: 25, checkinsToday: 60, hoursToday: 80, hoursMonth: 900 },
} as unknown as RegionKpis;

describe('the figures on a region’s card', () => {
  it('are the scope’s own KPIs when the region is the scope', () => {
    expect(regionCardFigures('350121001', { kpis, children: [child], counts: new Map() })).toEqual({
      open: 9, overdue: 2, reportedToday: 20, resolvedToday: 12, resolutionRate: 0.6, stationsOpen: 24, stationsTotal: 30, volunteersOnDuty: 25,
    });
  });

  it('are a child’s figures when the region is one of the scope’s children', () => {
    expect(regionCardFigures('350121001001', { kpis, children: [child], counts: new Map() })).toEqual({ open: 3, overdue: 1, reportedToday: 5, resolvedToday: 2, households: 900 });
  });

  it('are the live open and overdue counts otherwise, zero where nothing is open', () => {
    const counts = new Map([['350121001002001', { open: 2, overdue: 0 }]]);
    expect(regionCardFigures('350121001002001', { kpis, children: [child], counts })).toEqual({ open: 2, overdue: 0 });
    expect(regionCardFigures('350121009', { kpis: null, children: [], counts })).toEqual({ open: 0, overdue: 0 });
  });
});
