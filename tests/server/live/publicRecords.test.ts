import { describe, expect, it } from 'vitest';
import { publicIncident } from '../../../shared/logic/shapeForAudience';
import { publicIncidentOf, publicStationOf } from '../../../server/live/publicRecords';
import { makeIncident, makeStation } from '../../shared/logic/logicFixtures';
import { findPersonalDataInJson } from '../../shared/logic/privacy/findPersonalData';

describe('public records, shaped once per record object', () => {
  it('gives the same public form as publicIncident, and the same object for the same record', () => {
    const incident = makeIncident({ description: '李秀英 电话13700001111 住阳光小区5栋301室', reporter: { name: '李秀英', phone: '13700001111' } });
    const first = publicIncidentOf(incident);
    expect(first).toEqual(publicIncident(incident));
    expect(publicIncidentOf(incident)).toBe(first);
    expect(findPersonalDataInJson('incident', first, ['李秀英'])).toEqual([]);
  });

  it('shapes a replaced record afresh: the reducer replaces a record on every change', () => {
    const before = makeIncident({ description: '路灯不亮' });
    const after = { ...before, status: 'accepted' as const, description: '路灯不亮，联系13812345678' };
    expect(publicIncidentOf(before).status).toBe('reported');
    const shaped = publicIncidentOf(after);
    expect(shaped.status).toBe('accepted');
    expect(JSON.stringify(shaped)).not.toContain('13812345678');
  });

  it('scrubs a station activity and keeps its public fields', () => {
    const station = makeStation({ activity: '义诊 联系13600002222' });
    const shaped = publicStationOf(station);
    expect(shaped.name).toBe(station.name);
    expect(JSON.stringify(shaped)).not.toContain('13600002222');
  });
});
