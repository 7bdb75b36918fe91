import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../shared/domain/incident';
import { STATION_STATUSES, STATION_TYPES } from '../../../shared/domain/station';
import { MAP_LEGEND } from '../../../client/map/mapLegend';
import { OVERDUE_COLOUR } from '../../../client/map/palette';

describe('the map legend', () => {
  it('names every incident status, station status and station type in Chinese', () => {
    expect(MAP_LEGEND.incidentStatuses.map((s) => s.key)).toEqual([...INCIDENT_STATUSES]);
    expect(MAP_LEGEND.stationStatuses.map((s) => s.key)).toEqual([...STATION_STATUSES]);
    expect(MAP_LEGEND.stationTypes.map((s) => s.key)).toEqual([...STATION_TYPES]);
    const labels = [...MAP_LEGEND.incidentStatuses, ...MAP_LEGEND.stationStatuses, ...MAP_LEGEND.stationTypes].map((s) => s.label);
    expect(labels.every((label) => /^[\u4e00-\u9fff]+$/u.test(label))).toBe(true);
  });

  it('gives every incident status its own colour, none of them the overdue red', () => {
    const colours = MAP_LEGEND.incidentStatuses.map((s) => s.colour);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).not.toContain(OVERDUE_COLOUR);
  });
});
