import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { TransitionBody } from '../../../../shared/contract/http';
import { INCIDENT_STATUSES, HANDLING_LEVELS } from '../../../../shared/domain/incident';
import { ALLOWED_ACTIONS } from '../../../../shared/logic/incidentMachine';
import { TABLET_ACTIONS, tabletActionsFor, transitionBodyOf } from '../../../../client/screens/tablet/transitionBodyOf';

describe('transitionBodyOf', () => {
  it('turns a tap into the body the API expects, valid against the contract', () => {
    const bodies = [
      transitionBodyOf('accept'),
      transitionBodyOf('dispatch', '  城管中队 '),
      transitionBodyOf('start'),
      transitionBodyOf('resolve', '已清理楼道杂物'),
      transitionBodyOf('escalate', '涉及多个部门'),
    ];
    const values = bodies.map((body) => (body.ok ? body.value : null));
    expect(values).toEqual([
      { action: 'accept' },
      { action: 'dispatch', assignee: '城管中队' },
      { action: 'start' },
      { action: 'resolve', resolution: '已清理楼道杂物' },
      { action: 'escalate', reason: '涉及多个部门' },
    ]);
    expect(values.every((value) => Value.Check(TransitionBody, value))).toBe(true);
  });

  it('asks for the words an action needs instead of sending an empty one', () => {
    expect(transitionBodyOf('dispatch', '   ')).toEqual({ ok: false, error: '请填写处置单位' });
    expect(transitionBodyOf('resolve')).toEqual({ ok: false, error: '请填写办结情况' });
    expect(transitionBodyOf('escalate', '')).toEqual({ ok: false, error: '请填写提级原因' });
  });

  it('refuses more characters than the API accepts, counting characters, not UTF-16 units', () => {
    expect(transitionBodyOf('dispatch', '队'.repeat(64)).ok).toBe(true);
    expect(transitionBodyOf('dispatch', '队'.repeat(65))).toEqual({ ok: false, error: '最多 64 字' });
    expect(transitionBodyOf('resolve', '𠀀'.repeat(500)).ok).toBe(true);
  });
});

describe('tabletActionsFor', () => {
  it('offers exactly the state machine’s actions, less the resident’s rating', () => {
    for (const status of INCIDENT_STATUSES) {
      for (const level of HANDLING_LEVELS) {
        const expected = ALLOWED_ACTIONS(status, level).filter((action) => action !== 'rate');
        expect(tabletActionsFor({ status, level })).toEqual(expected);
      }
    }
    expect(TABLET_ACTIONS).not.toContain('rate');
  });

  it('offers no escalation at the county, the highest level', () => {
    expect(tabletActionsFor({ status: 'accepted', level: 'county' })).toEqual(['dispatch', 'resolve']);
  });
});
