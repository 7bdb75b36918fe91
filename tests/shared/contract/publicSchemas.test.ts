import { describe, expect, it } from 'vitest';
import { PublicEvent, PublicIncident, PublicSnapshot } from '../../../shared/contract/publicSchemas';
import type { Snapshot } from '../../../shared/contract/snapshot';
import type { JinlinEvent } from '../../../shared/domain/event';
import { pickBySchema } from '../../../shared/logic/pickBySchema';
import { shapeEventForAudience } from '../../../shared/logic/shapeForAudience';
import { makeIncident } from '../logic/logicFixtures';

const RESIDENT = { name: '李建国', phone: '13912345678', idNumber: '350121198001011234', address: '三福路18号3栋502' };

/** Every property name declared anywhere in a schema. */
const declaredNames = (node: unknown): string[] => {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
  return [
    ...Object.entries(n.properties ?? {}).flatMap(([key, child]) => [key, ...declaredNames(child)]),
    ...declaredNames(n.items),
    ...(n.anyOf ?? []).flatMap(declaredNames),
  ];
};

type Reported = Extract<JinlinEvent, { type: 'incident:reported' }>;

const reportedEvent = (): Reported => {
  const incident = makeIncident({ reporter: RESIDENT });
  return { seq: 7, id: 'EV-7', type: 'incident:reported', at: incident.reportedAt, regionPath: incident.regionPath, payload: { incident } };
};

describe('the schemas of what public screens are sent', () => {
  it('declare no reporter and no ID number anywhere', () => {
    for (const schema of [PublicIncident, PublicEvent, PublicSnapshot]) {
      const names = declaredNames(schema);
      expect(names).not.toContain('reporter');
      expect(names).not.toContain('idNumber');
    }
  });

  it('cut a reporter that shaping failed to remove, at any depth', () => {
    const leaked = reportedEvent(); // not shaped: as if the masking step had been skipped by mistake
    const sent = pickBySchema(PublicEvent, leaked) as JinlinEvent;
    expect(JSON.stringify(sent)).not.toContain(RESIDENT.phone);
    expect(JSON.stringify(sent)).not.toContain(RESIDENT.name);
    expect(sent.type).toBe('incident:reported');
    expect((sent as Reported).payload.incident.description).toBe(leaked.payload.incident.description);
  });

  it('cut properties nobody declared, so a field added in a hurry never reaches a wall unreviewed', () => {
    const shaped = shapeEventForAudience(reportedEvent(), 'public');
    const withExtra = { ...shaped, payload: { incident: { ...(shaped.payload as { incident: object }).incident, residentNote: '私密备注' } } };
    expect(JSON.stringify(pickBySchema(PublicEvent, withExtra))).not.toContain('私密备注');
  });

  it('keep everything that shaping let through: a public event is sent whole', () => {
    const shaped = shapeEventForAudience(reportedEvent(), 'public');
    expect(pickBySchema(PublicEvent, shaped)).toEqual(shaped);
  });

  it('list every part of a snapshot (a new part must be declared public before walls get it)', () => {
    const parts: Record<keyof Snapshot, true> = {
      seq: true,
      at: true,
      epoch: true,
      scope: true,
      region: true,
      ancestors: true,
      kpis: true,
      children: true,
      incidents: true,
      stations: true,
      checkins: true,
      wishes: true,
    };
    expect(Object.keys((PublicSnapshot as unknown as { properties: object }).properties).sort()).toEqual(Object.keys(parts).sort());
  });
});
