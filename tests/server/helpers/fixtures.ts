import type { ReportIncidentBody } from '../../../shared/contract/http';
import type { Region } from '../../../shared/domain/region';
import type { CountyIndex } from '../../../server/county/CountyIndex';

export const GANZHE_STREET = '350121001'; // 甘蔗街道
export const SHANGJIE_TOWN = '350121107'; // 上街镇

/** The n-th grid inside a region (by code order), so tests pick real generated grids. */
export const gridIn = (county: CountyIndex, scope: string, n = 0): Region => {
  const grids = county.regions().filter((r) => r.level === 'grid' && r.code.startsWith(scope));
  const grid = grids[n % grids.length];
  if (!grid) throw new Error(`no grid inside ${scope}`);
  return grid;
};

export const incidentAt = (grid: Region, overrides: Partial<ReportIncidentBody> = {}): ReportIncidentBody => ({
  category: 'facility',
  source: 'patrol',
  priority: 'normal',
  description: '路灯不亮，晚上行人看不清路',
  lng: grid.centroid[0],
  lat: grid.centroid[1],
  crs: 'gcj02',
  reporter: { name: '张三丰', phone: '13812345678' },
  ...overrides,
});
