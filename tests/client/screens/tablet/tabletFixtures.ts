import type { Incident } from '../../../../shared/domain/incident';
import { newIncident } from '../../../../shared/logic/incidentMachine';

export const MINUTE_MS = 60_000;
/** 2026-03-12 10:00 in Asia/Shanghai. */
export const NOON_ISH = Date.UTC(2026, 2, 12, 2, 0);

const GRID_PATH = ['350121', '350121001', '350121001001', '350121001001001', '35012100100100101'];

/** A fresh incident reported at `reportedAt` with the priority's deadline, built by the one shared constructor. */
export const incidentReported = (id: string, reportedAt: number, overrides: Partial<Incident> = {}): Incident => ({
  ...newIncident({
    id,
    body: { category: 'facility', source: 'patrol', priority: 'normal', description: '路灯不亮', lng: 119.1, lat: 26.1 },
    location: { lng: 119.1, lat: 26.1 },
    gridCode: GRID_PATH[4] as string,
    regionPath: GRID_PATH,
    now: reportedAt,
  }),
  ...overrides,
});
