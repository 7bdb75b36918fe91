import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { scrubForPublic } from '../../../shared/logic/privacy/scrubForPublic';
import { detailOf, type DetailCard, type DetailSources } from '../../../client/detail/detailOf';
import { INCIDENT_STATUS_COLOURS, STATION_STATUS_COLOURS } from '../../../client/map/style/palette';
import { createRegionDirectory } from '../../../client/stores/regionDirectory';
import { findPersonalData } from '../../shared/logic/privacy/findPersonalData';
import { COMMUNITY, COMPOUND, GRID, HOUR, makeIncident, makeStation, MINUTE, STREET, T0 } from '../../shared/logic/logicFixtures';

const directory = createRegionDirectory([
  { code: STREET, level: 'street', name: '甘蔗街道', hasBranch: true },
  { code: COMMUNITY, level: 'community', name: '昙石社区', hasBranch: true },
  { code: COMPOUND, level: 'compound', name: '榕桥花园', hasBranch: true },
  { code: GRID, level: 'grid', name: '榕桥花园第1网格', hasBranch: false },
]);

const sourcesWith = (incidents: Incident[] = [], overrides: Partial<DetailSources> = {}): DetailSources => ({
  incidents: new Map(incidents.map((incident) => [incident.id, incident])),
  stations: new Map([['ST-1', makeStation({ status: 'extended', onDuty: { name: '欧阳娜娜', phone: '13912345678' }, onDutyCount: 2, visitors: 17, activity: '义诊 联系欧阳娜娜13912345678' })]]),
  directory,
  figures: () => ({ open: 0, overdue: 0 }),
  ...overrides,
});

/** Everything a card puts on screen, as one text. */
const textOf = (card: DetailCard): string =>
  [card.kicker, card.title, card.status?.text, card.flag, card.text, ...[...card.rows, ...card.steps].flatMap((row) => [row.label, row.value])].join('\n');

const RESIDENT = { name: '甯骁翀', phone: '13712340581', idNumber: '350121198003152417' };
const personal = makeIncident({
  id: 'INC-P',
  category: 'dispute',
  priority: 'urgent',
  description: `${RESIDENT.name}反映噪音扰民，电话${RESIDENT.phone}，身份证${RESIDENT.idNumber}，住阳光小区5栋301室`,
  reporter: { ...RESIDENT, address: '榕桥花园3号楼2单元502室' },
  assignee: `物业 ${RESIDENT.name} ${RESIDENT.phone}`,
  status: 'dispatched',
  acceptedAt: T0 + 5 * MINUTE,
  dispatchedAt: T0 + 12 * MINUTE,
  slaMinutes: 60,
  dueAt: T0 + HOUR,
});

describe('the detail card of an incident', () => {
  it('names its category, priority, status in the map’s lifecycle colour, its place and its grid', () => {
    const card = detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([personal]), T0 + 30 * MINUTE)!;
    expect(card.title).toBe('矛盾纠纷');
    expect(card.status).toEqual({ text: '已派单', colour: INCIDENT_STATUS_COLOURS.dispatched });
    const rows = Object.fromEntries(card.rows.map((row) => [row.label, row.value]));
    expect(rows['优先级']).toBe('紧急');
    expect(rows['地点']).toBe('昙石社区 · 榕桥花园');
    expect(rows['网格']).toBe('榕桥花园第1网格');
  });

  it('lists the timeline from the entity’s own times, a dash for the steps not taken yet', () => {
    const card = detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([personal]), T0 + 30 * MINUTE)!;
    expect(card.steps.map((row) => `${row.label} ${row.value}`)).toEqual(['上报 10:00', '受理 10:05', '派单 10:12', '处置 —', '办结 —']);
  });

  it('gives the SLA deadline with the time left, and flags it once overdue', () => {
    const onTime = detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([personal]), T0 + 30 * MINUTE)!;
    expect(onTime.rows.find((row) => row.label === '办理时限')).toEqual({ label: '办理时限', value: '11:00 到期 · 剩余30分钟', alert: false });
    expect(onTime.flag).toBeNull();
    const late = detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([personal]), T0 + 2 * HOUR + 5 * MINUTE)!;
    expect(late.rows.find((row) => row.label === '办理时限')).toEqual({ label: '办理时限', value: '11:00 到期 · 超期1小时5分', alert: true });
    expect(late.flag).toBe('超期');
  });

  it('says whether a closed incident met its deadline', () => {
    const closed = { ...personal, status: 'resolved' as const, resolvedAt: T0 + 90 * MINUTE };
    const card = detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([closed]), T0 + 2 * HOUR)!;
    expect(card.rows.find((row) => row.label === '办理时限')?.value).toBe('11:00 到期 · 超时30分钟办结');
    expect(card.flag).toBeNull();
  });

  it('shows no phone, id number, house number or full name, from a display token’s record or a full one', () => {
    const shown = [personal, scrubForPublic({ kind: 'incident', value: personal })].map(
      (record) => detailOf({ kind: 'incident', id: 'INC-P' }, sourcesWith([record]), T0 + 30 * MINUTE)!,
    );
    for (const card of shown) {
      expect(findPersonalData('card', textOf(card), [RESIDENT.name])).toEqual([]);
      expect(textOf(card)).toContain('噪音扰民');
    }
  });

  it('is null once the incident is no longer on the screen', () => {
    expect(detailOf({ kind: 'incident', id: 'INC-GONE' }, sourcesWith([personal]), T0)).toBeNull();
  });
});

describe('the detail card of a station', () => {
  it('names its type, status in the map’s colour, hours and activity, never the member on duty', () => {
    const card = detailOf({ kind: 'station', id: 'ST-1' }, sourcesWith(), T0)!;
    expect(card.title).toBe('榕桥红色驿站');
    expect(card.status).toEqual({ text: '延时服务', colour: STATION_STATUS_COLOURS.extended });
    const rows = Object.fromEntries(card.rows.map((row) => [row.label, row.value]));
    expect(rows['类型']).toBe('红色驿站');
    expect(rows['开放时间']).toBe('工作日 08:30–17:30，延时至 21:00，周末全天开放');
    expect(rows['在岗']).toBe('2 人');
    expect(rows['今日到访']).toBe('17 人次');
    expect(findPersonalData('card', textOf(card), ['欧阳娜娜'])).toEqual([]);
    expect(rows['当前活动']).toContain('义诊');
  });
});

describe('the detail card of a region', () => {
  it('names the region and its level, with the figures the screen has for it', () => {
    const figures = (code: string) => (code === COMPOUND ? { open: 4, overdue: 1, reportedToday: 6, resolvedToday: 2, households: 320 } : { open: 0, overdue: 0 });
    const card = detailOf({ kind: 'region', code: COMPOUND }, sourcesWith([], { figures }), T0)!;
    expect(card.kicker).toBe('小区');
    expect(card.title).toBe('榕桥花园');
    expect(card.rows.map((row) => `${row.label} ${row.value}`)).toEqual(['待办事件 4', '超期 1', '今日上报 6', '今日办结 2', '户数 320']);
    expect(card.rows.find((row) => row.label === '超期')?.alert).toBe(true);
  });
});
