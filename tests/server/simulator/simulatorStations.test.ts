import { describe, expect, it } from 'vitest';
import type { StationStatusBody } from '../../../shared/contract/http';
import type { OpeningHours } from '../../../shared/domain/station';
import { scheduledStationStatus, stationDayBoundaries } from '../../../server/simulator/simulatorStations';
import { HOUR, MINUTE, runScript, WEDNESDAY } from './simulatorFixtures';

const CENTRE: OpeningHours = { weekdayOpen: '08:30', weekdayClose: '17:30', extendedUntil: '21:00', weekend: 'all_day' };
const SATURDAY = WEDNESDAY + 3 * 24 * HOUR;

describe('station hours', () => {
  it('opens at opening time, runs 延时服务 after closing time until 21:00, and is closed at night', () => {
    expect(stationDayBoundaries(CENTRE, WEDNESDAY)).toEqual([
      { at: WEDNESDAY + 8.5 * HOUR, status: 'open' },
      { at: WEDNESDAY + 17.5 * HOUR, status: 'extended' },
      { at: WEDNESDAY + 21 * HOUR, status: 'closed' },
    ]);
    expect(scheduledStationStatus(CENTRE, WEDNESDAY + 3 * HOUR)).toBe('closed');
    expect(scheduledStationStatus(CENTRE, WEDNESDAY + 8.5 * HOUR - 1)).toBe('closed');
    expect(scheduledStationStatus(CENTRE, WEDNESDAY + 12 * HOUR)).toBe('open');
    expect(scheduledStationStatus(CENTRE, WEDNESDAY + 19 * HOUR)).toBe('extended');
  });

  it('follows the weekend rule: all day into the evening, same as weekdays, or closed', () => {
    expect(scheduledStationStatus(CENTRE, SATURDAY + 19 * HOUR)).toBe('extended');
    const room: OpeningHours = { weekdayOpen: '09:00', weekdayClose: '18:00', weekend: 'same' };
    expect(scheduledStationStatus(room, SATURDAY + 10 * HOUR)).toBe('open');
    expect(scheduledStationStatus(room, SATURDAY + 19 * HOUR)).toBe('closed');
    const legalAid: OpeningHours = { weekdayOpen: '09:00', weekdayClose: '17:00', weekend: 'closed' };
    expect(stationDayBoundaries(legalAid, SATURDAY)).toEqual([]);
    expect(scheduledStationStatus(legalAid, SATURDAY + 10 * HOUR)).toBe('closed');
  });
});

describe('simulatorPlan: stations through a day', () => {
  const statusChanges = (from: number, to: number, stationId: string) =>
    runScript({ seed: 11, from, to, stepMs: 5 * MINUTE, rate: 20 })
      .steps.filter((s) => s.planned.command.kind === 'setStationStatus' && s.planned.command.id === stationId)
      .map((s) => ({ at: s.planned.at, body: (s.planned.command as { body: StationStatusBody }).body }));

  it('opens a centre on time with a named person on duty, reports visitors, extends and closes it', () => {
    const changes = statusChanges(WEDNESDAY + 6 * HOUR, WEDNESDAY + 23 * HOUR, 'ST-350121001001-1');
    const shifts = changes.filter((c) => c.body.onDuty !== undefined || c.body.status === 'closed');
    expect(shifts.map((c) => [c.at, c.body.status])).toEqual([
      [WEDNESDAY + 8.5 * HOUR, 'open'],
      [WEDNESDAY + 17.5 * HOUR, 'extended'],
      [WEDNESDAY + 21 * HOUR, 'closed'],
    ]);
    expect(shifts[0]!.body.onDuty?.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    expect(shifts[0]!.body.onDuty?.phone).toMatch(/^1[3-9][0-9]{9}$/);
    const visits = changes.filter((c) => c.body.visitors !== undefined && c.body.onDuty === undefined);
    expect(visits.length).toBeGreaterThan(10);
    expect(new Set(visits.map((c) => c.body.visitors)).size).toBeGreaterThan(3);
  });

  it('keeps a weekday-only legal-aid post closed all Saturday', () => {
    const changes = statusChanges(SATURDAY, SATURDAY + 24 * HOUR, 'ST-350121001001-2');
    expect(changes.filter((c) => c.body.status !== 'closed')).toEqual([]);
  });
});
