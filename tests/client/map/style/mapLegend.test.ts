import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../../shared/domain/incident';
import { STATION_STATUSES, STATION_TYPES } from '../../../../shared/domain/station';
import { en } from '../../../../client/i18n/en';
import { zhCN } from '../../../../client/i18n/zhCN';
import { MAP_LEGEND } from '../../../../client/map/style/mapLegend';
import { OVERDUE_COLOUR } from '../../../../client/map/style/palette';

type Tree = { readonly [key: string]: string | Tree };
const messageAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe('the map legend', () => {
  const swatches = [...MAP_LEGEND.layers, ...MAP_LEGEND.incidentStatuses, ...MAP_LEGEND.incidentAlerts, ...MAP_LEGEND.stationStatuses, ...MAP_LEGEND.stationTypes];

  it('names every incident status, station status and station type in Chinese', () => {
    expect(MAP_LEGEND.incidentStatuses.map((s) => s.key)).toEqual([...INCIDENT_STATUSES]);
    expect(MAP_LEGEND.stationStatuses.map((s) => s.key)).toEqual([...STATION_STATUSES]);
    expect(MAP_LEGEND.stationTypes.map((s) => s.key)).toEqual([...STATION_TYPES]);
    for (const { labelKey } of swatches) expect(messageAt(zhCN, labelKey), labelKey).toMatch(/^[\u4e00-\u9fff0-9（）]+$/u);
  });

  it('has an English label for every line', () => {
    for (const { labelKey } of swatches) expect(messageAt(en, labelKey), labelKey).toMatch(/^[^\u4e00-\u9fff]+$/u);
  });

  it('gives every incident status its own colour, none of them the overdue red', () => {
    const colours = MAP_LEGEND.incidentStatuses.map((s) => s.colour);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).not.toContain(OVERDUE_COLOUR);
  });
});
