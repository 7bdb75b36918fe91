import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident } from '../../shared/domain/incident';
import { Station } from '../../shared/domain/station';
import { CheckIn } from '../../shared/domain/volunteer';
import { Wish } from '../../shared/domain/wish';
import { PERSONAL_FIELD_KEYS, PERSONAL_OBJECT_KEYS, REDACTED, redactPersonal } from '../../shared/logic/redactPersonal';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/testServer';

/** Every personal field of a schema, as the path of property names that leads to it. */
const personalPaths = (schema: TSchema, path: string[] = []): string[][] => {
  if ((schema as Record<string, unknown>)['x-personal']) return [path];
  const s = schema as { properties?: Record<string, TSchema>; anyOf?: TSchema[]; items?: TSchema };
  return [
    ...Object.entries(s.properties ?? {}).flatMap(([key, child]) => personalPaths(child, [...path, key])),
    ...(s.anyOf ?? []).flatMap((child) => personalPaths(child, path)),
    ...(s.items ? personalPaths(s.items, path) : []),
  ];
};

const RESIDENT = { name: '李建国', phone: '13912345678', idNumber: '350121198001011234', address: '甘蔗街道三福路18号3栋502' };

describe('personal data in the server log', () => {
  it('covers every field the domain marks personal: by its own name, or by the personal object it sits in', () => {
    const paths = [Incident, Station, CheckIn, Wish].flatMap((schema) => personalPaths(schema));
    expect(paths.length).toBeGreaterThanOrEqual(10);
    for (const path of paths) {
      const covered = path.some((key) => PERSONAL_OBJECT_KEYS.has(key)) || PERSONAL_FIELD_KEYS.has(path.at(-1)!);
      expect(covered, path.join('.')).toBe(true);
    }
  });

  it('redacts reporters, members and residents however deeply they are nested, and masks numbers typed into text', () => {
    const line = {
      msg: 'command failed',
      command: { body: { incident: { id: 'INC-1', reporter: RESIDENT, description: `请联系${RESIDENT.phone}，身份证${RESIDENT.idNumber}` } } },
      batch: [{ checkin: { memberName: '王小明', memberPhone: '13700001111', grid: '350121001001' } }],
      err: new Error(`duplicate phone ${RESIDENT.phone}`),
    };
    const text = JSON.stringify(redactPersonal(line));
    for (const secret of [RESIDENT.name, RESIDENT.phone, RESIDENT.idNumber, RESIDENT.address, '王小明', '13700001111']) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    expect(text).toContain('139****5678');
    // What is not personal stays readable: that is what a log is for.
    expect(text).toContain('INC-1');
    expect(text).toContain('350121001001');
  });

  describe('a real server logging at trace level', () => {
    let server: TestServer;
    const lines: string[] = [];

    beforeAll(async () => {
      server = await startTestServer({ env: { LOG_LEVEL: 'trace' }, logStream: { write: (line) => void lines.push(line) } });
    });
    afterAll(async () => server?.close());

    it('writes no personal value of what residents report, even when it logs the whole incident', async () => {
      const grid = gridIn(server.services.county, GANZHE_STREET);
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { ...server.admin, 'content-type': 'application/json' },
        payload: incidentAt(grid, { reporter: RESIDENT, description: `楼道堆物，联系电话${RESIDENT.phone}` }),
      });
      expect(response.statusCode).toBe(201);
      const incident: unknown = response.json();
      // Any code that logs an entity goes through the same formatter as this line.
      server.app.log.warn({ incident }, 'incident logged whole');
      // A rejected body (bad phone) is logged at trace level by the request logger, with its error.
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { ...server.admin, 'content-type': 'application/json' },
        payload: incidentAt(grid, { reporter: { ...RESIDENT, phone: '1391234567' } }),
      });

      const log = lines.join('');
      expect(log).toContain('incident logged whole');
      expect(log).toContain('"url":"/api/v1/incidents"');
      expect(log).toContain(REDACTED);
      for (const secret of [RESIDENT.name, RESIDENT.phone, RESIDENT.idNumber, RESIDENT.address]) expect(log).not.toContain(secret);
    });
  });
});
