import { INCIDENT_CATEGORIES, INCIDENT_SOURCES, PRIORITIES } from '../shared/domain/incident';
import type { ReportIncidentBody } from '../shared/contract/http';
import type { BenchGrid } from './countyLayout';
import { pick } from './rng';

const SURNAMES = ['王', '李', '张', '刘', '陈', '林', '黄', '郑'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '海峰', '小梅', '国庆', '美玲'];
// Some texts repeat the reporter's own details, as real reports do: the public shape must scrub them.
const TEXTS = [
  (name: string, phone: string) => `${name}反映：小区门口路灯不亮，晚上行人看不清路，联系电话${phone}`,
  () => '楼道堆放杂物，存在消防安全隐患，请尽快清理',
  () => '路边占道经营，早高峰通行不便',
  (name: string) => `居民${name}来电：雨后地下室积水，需要抽水`,
  () => '垃圾分类投放点满溢，气味较大',
];

export interface BodyOptions {
  /** Send the grid's code (the bare server needs it for the path); otherwise the server locates the point. */
  withGridCode: boolean;
  /** A client-supplied incident id, so a delivery can be matched to its send. */
  id?: string;
}

/** A realistic 上报 body for a point inside `grid`, as the field app sends it (GCJ-02). */
export const incidentBody = (grid: BenchGrid, rng: () => number, options: BodyOptions): string => {
  const name = pick(SURNAMES, rng) + pick(GIVEN, rng);
  const phone = `13${Math.floor(100_000_000 + rng() * 899_999_999)}`;
  const body: ReportIncidentBody = {
    category: pick(INCIDENT_CATEGORIES, rng),
    source: pick(INCIDENT_SOURCES, rng),
    priority: pick(PRIORITIES, rng),
    description: pick(TEXTS, rng)(name, phone),
    lng: grid.point[0],
    lat: grid.point[1],
    crs: 'gcj02',
    reporter: { name, phone },
    ...(options.withGridCode ? { gridCode: grid.code } : {}),
    ...(options.id !== undefined ? { id: options.id } : {}),
  };
  return JSON.stringify(body);
};
