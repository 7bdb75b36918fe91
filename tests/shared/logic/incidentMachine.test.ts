import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportIncidentBody, TransitionBody } from '../../../shared/contract/http';
import { IncidentTransition, type NewEvent } from '../../../shared/domain/event';
import {
  HANDLING_LEVELS,
  INCIDENT_ACTIONS,
  INCIDENT_STATUSES,
  Incident,
  type HandlingLevel,
  type IncidentAction,
  type IncidentStatus,
} from '../../../shared/domain/incident';
import { applyEvent } from '../../../shared/logic/applyEvent';
import { createEntityState } from '../../../shared/logic/entityState';
import {
  ALLOWED_ACTIONS,
  INCIDENT_TRANSITIONS,
  decideIncidentTransition,
  newIncident,
  nextLevel,
  type NewIncidentInput,
} from '../../../shared/logic/incidentMachine';
import { GRID, MINUTE, PATH, T0, makeIncident } from './logicFixtures';

/**
 * Written out by hand from the domain brief, independently of INCIDENT_TRANSITIONS, so a wrong
 * table fails here. Each entry: the status the action leads to. Missing = illegal.
 */
const EXPECTED: Record<IncidentStatus, Partial<Record<IncidentAction, IncidentStatus>>> = {
  reported: { accept: 'accepted' },
  accepted: { dispatch: 'dispatched', resolve: 'resolved', escalate: 'accepted' },
  dispatched: { start: 'in_progress', resolve: 'resolved', escalate: 'accepted' },
  in_progress: { resolve: 'resolved', escalate: 'accepted' },
  resolved: { rate: 'rated' },
  rated: {},
};
const LEVEL_ABOVE: Record<HandlingLevel, HandlingLevel | null> = {
  grid: 'community',
  community: 'street',
  street: 'county',
  county: null,
};
const EVENT_OF: Record<IncidentAction, string> = {
  accept: 'incident:accepted',
  dispatch: 'incident:dispatched',
  start: 'incident:started',
  resolve: 'incident:resolved',
  escalate: 'incident:escalated',
  rate: 'incident:rated',
};
const COMMAND: Record<IncidentAction, TransitionBody> = {
  accept: { action: 'accept' },
  dispatch: { action: 'dispatch', assignee: '城管中队' },
  start: { action: 'start' },
  resolve: { action: 'resolve', resolution: '已更换灯泡' },
  escalate: { action: 'escalate', reason: '需要街道协调产权单位' },
  rate: { action: 'rate', satisfaction: 5 },
};

const isLegal = (status: IncidentStatus, action: IncidentAction, level: HandlingLevel) =>
  EXPECTED[status][action] !== undefined && !(action === 'escalate' && level === 'county');

const matrix = INCIDENT_STATUSES.flatMap((status) =>
  INCIDENT_ACTIONS.flatMap((action) => HANDLING_LEVELS.map((level) => ({ status, action, level }))),
);

describe('the incident transition matrix (every status × action × level)', () => {
  it('has 144 cells: 10 legal (status, action) pairs at 4 levels, less escalation at the county', () => {
    expect(matrix).toHaveLength(6 * 6 * 4);
    expect(matrix.filter((c) => isLegal(c.status, c.action, c.level))).toHaveLength(10 * 4 - 3);
  });

  it.each(matrix.filter((c) => isLegal(c.status, c.action, c.level)))(
    'allows $action from $status at $level level',
    ({ status, action, level }) => {
      const incident = makeIncident({ status, level });
      const result = decideIncidentTransition(incident, COMMAND[action], T0 + MINUTE);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const expectedLevel = action === 'escalate' ? LEVEL_ABOVE[level] : level;
      expect(result.value).toMatchObject({ type: EVENT_OF[action], at: T0 + MINUTE });
      expect(result.value.payload).toMatchObject({ incidentId: 'INC-1', from: status, to: EXPECTED[status][action] });
      expect(result.value.payload.level).toBe(expectedLevel);
      expect(Value.Check(IncidentTransition, result.value.payload)).toBe(true);
    },
  );

  it.each(matrix.filter((c) => !isLegal(c.status, c.action, c.level)))(
    'refuses $action from $status at $level level with a typed error',
    ({ status, action, level }) => {
      const result = decideIncidentTransition(makeIncident({ status, level }), COMMAND[action], T0);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const code = EXPECTED[status][action] === undefined ? 'illegal_transition' : 'no_higher_level';
      expect(result.error).toMatchObject({ code, action, currentStatus: status, level });
      expect(result.error.message.length).toBeGreaterThan(10);
    },
  );

  it.each(INCIDENT_STATUSES.flatMap((status) => HANDLING_LEVELS.map((level) => ({ status, level }))))(
    'offers exactly the legal buttons for $status at $level',
    ({ status, level }) => {
      const expected = INCIDENT_ACTIONS.filter((a) => isLegal(status, a, level));
      expect(ALLOWED_ACTIONS(status, level)).toEqual(expected);
    },
  );
});

describe('decideIncidentTransition, read as rules', () => {
  it('refuses to dispatch an incident that is still only reported', () => {
    const result = decideIncidentTransition(makeIncident(), COMMAND.dispatch, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition', currentStatus: 'reported' } });
    if (!result.ok) expect(result.error.message).toContain('dispatch needs accepted');
  });

  it('resolves straight from accepted: "handled at once"', () => {
    const result = decideIncidentTransition(makeIncident({ status: 'accepted' }), COMMAND.resolve, T0);
    expect(result).toMatchObject({ ok: true, value: { type: 'incident:resolved', payload: { to: 'resolved' } } });
  });

  it('carries the resolution text as the note on resolve', () => {
    const result = decideIncidentTransition(makeIncident({ status: 'in_progress' }), COMMAND.resolve, T0);
    expect(result.ok && result.value.payload.note).toBe('已更换灯泡');
  });

  it('hands an escalated incident to the next level up as accepted, with the reason as the note', () => {
    const incident = makeIncident({ status: 'dispatched', level: 'community' });
    const result = decideIncidentTransition(incident, COMMAND.escalate, T0);
    expect(result.ok && result.value.payload).toEqual({
      incidentId: 'INC-1',
      from: 'dispatched',
      to: 'accepted',
      level: 'street',
      note: '需要街道协调产权单位',
    });
  });

  it('says so when asked to escalate beyond the county', () => {
    const incident = makeIncident({ status: 'accepted', level: 'county' });
    const result = decideIncidentTransition(incident, COMMAND.escalate, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'no_higher_level', level: 'county' } });
    if (!result.ok) expect(result.error.message).toMatch(/county is the highest/);
  });

  it('puts the assignee on the dispatch payload', () => {
    const result = decideIncidentTransition(makeIncident({ status: 'accepted' }), COMMAND.dispatch, T0);
    expect(result.ok && result.value.payload.assignee).toBe('城管中队');
  });

  it('refuses a dispatch with a blank assignee as an invalid command', () => {
    const command: TransitionBody = { action: 'dispatch', assignee: '   ' };
    const result = decideIncidentTransition(makeIncident({ status: 'accepted' }), command, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_command', action: 'dispatch' } });
  });

  it.each([0, 6, 3.5])('refuses a satisfaction of %s', (satisfaction) => {
    const result = decideIncidentTransition(makeIncident({ status: 'resolved' }), { action: 'rate', satisfaction }, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
  });

  it('reports the real status before complaining about the command itself', () => {
    const command: TransitionBody = { action: 'dispatch', assignee: '' };
    const result = decideIncidentTransition(makeIncident({ status: 'rated' }), command, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
  });

  it('refuses an action it does not know instead of throwing', () => {
    const command = { action: 'delete' } as unknown as TransitionBody;
    expect(decideIncidentTransition(makeIncident(), command, T0)).toMatchObject({
      ok: false,
      error: { code: 'invalid_command' },
    });
  });

  it('produces a decision the server can envelope as a NewEvent', () => {
    const result = decideIncidentTransition(makeIncident(), COMMAND.accept, T0 + 5 * MINUTE);
    if (!result.ok) throw new Error('expected a decision');
    const envelope: NewEvent = { id: 'EV-9', regionPath: PATH, ...result.value };
    expect(envelope).toMatchObject({ type: 'incident:accepted', at: T0 + 5 * MINUTE });
  });

  it('never mutates the incident it decides about', () => {
    const incident = Object.freeze(makeIncident({ status: 'accepted' }));
    const before = structuredClone(incident);
    decideIncidentTransition(incident, COMMAND.escalate, T0);
    expect(incident).toEqual(before);
  });

  it('keeps the table and nextLevel consistent: escalation always targets accepted', () => {
    expect(INCIDENT_TRANSITIONS.escalate.to).toBe('accepted');
    expect(HANDLING_LEVELS.map(nextLevel)).toEqual(['community', 'street', 'county', null]);
  });
});

describe('walking random command sequences through decide + applyEvent', () => {
  it('accepts a command exactly when ALLOWED_ACTIONS lists it, and the incident stays schema-valid', () => {
    const commands = fc.array(fc.constantFrom(...INCIDENT_ACTIONS), { maxLength: 12 });
    fc.assert(
      fc.property(commands, (actions) => {
        const state = createEntityState();
        state.incidents.set('INC-1', makeIncident());
        actions.forEach((action, i) => {
          const incident = state.incidents.get('INC-1') as Incident;
          const allowed = ALLOWED_ACTIONS(incident.status, incident.level).includes(action);
          const result = decideIncidentTransition(incident, COMMAND[action], T0 + i * MINUTE);
          expect(result.ok).toBe(allowed);
          if (!result.ok) return;
          const { type, payload, at } = result.value;
          applyEvent(state, { seq: i + 1, id: `EV-${i}`, type, at, regionPath: PATH, payload });
        });
        expect(Value.Check(Incident, state.incidents.get('INC-1'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('newIncident', () => {
  const body: ReportIncidentBody = {
    category: 'safety',
    source: 'snapshot',
    description: '楼道堆放杂物，消防通道堵塞',
    lng: 119.2,
    lat: 26.05,
    reporter: { name: '张三丰', phone: '13812341234' },
  };
  const build = (overrides: Partial<NewIncidentInput> = {}) =>
    newIncident({ id: 'INC-7', body, location: { lng: 119.2, lat: 26.05 }, gridCode: GRID, regionPath: PATH, now: T0, ...overrides });

  it('builds a reported incident at grid level whose timeline starts with the report', () => {
    const incident = build();
    expect(incident).toMatchObject({ id: 'INC-7', status: 'reported', level: 'grid', priority: 'normal' });
    expect(incident).toMatchObject({ reportedAt: T0, updatedAt: T0, gridCode: GRID });
    expect(incident.timeline).toEqual([{ action: 'report', at: T0, status: 'reported', level: 'grid' }]);
    expect(Value.Check(Incident, incident)).toBe(true);
  });

  it('gives a safety hazard the short category deadline even at normal priority', () => {
    const incident = build();
    expect(incident.slaMinutes).toBe(120);
    expect(incident.dueAt).toBe(T0 + 120 * MINUTE);
  });

  it('honours an explicit SLA and leaves out a reporter that was not given', () => {
    const { reporter: _r, ...anonymous } = body;
    const incident = build({ body: anonymous, slaMinutes: 30 });
    expect(incident.dueAt).toBe(T0 + 30 * MINUTE);
    expect('reporter' in incident).toBe(false);
  });

  it('copies the caller\'s arrays and objects so later edits to the input cannot reach the incident', () => {
    const path = [...PATH];
    const incident = build({ regionPath: path });
    path.pop();
    expect(incident.regionPath).toEqual(PATH);
    expect(incident.reporter).not.toBe(body.reporter);
  });
});
