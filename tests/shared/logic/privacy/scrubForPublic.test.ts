import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventType, JinlinEvent } from '../../../../shared/domain/event';
import type { Incident } from '../../../../shared/domain/incident';
import { CheckIn } from '../../../../shared/domain/volunteer';
import { Station } from '../../../../shared/domain/station';
import { Wish } from '../../../../shared/domain/wish';
import { alarmNoticeOf } from '../../../../shared/logic/alarms/alarmNoticeOf';
import { publicIncident, shapeEventForAudience, shapeForAudience } from '../../../../shared/logic/shapeForAudience';
import { event, makeCheckin, makeIncident, makeStation, makeWish, T0 } from '../logicFixtures';
import { findPersonalDataInJson, tally, type PersonalHit } from './findPersonalData';
import { idNumberDigits, mobileDigits, personalId, personalText, personName } from './personalTexts';

/** One world of records, every free-text field and client-chosen id full of someone's personal data. */
const world = fc
  .record({
    names: fc.uniqueArray(personName, { minLength: 5, maxLength: 5 }),
    phone: mobileDigits,
    idNumber: idNumberDigits,
    incidentId: personalId,
    checkinId: personalId,
    memberId: personalId,
    wishId: personalId,
    seed: fc.integer(),
  })
  .chain(({ names, ...rest }) => {
    const [reporter, resident, claimer, member, onDuty] = names as [string, string, string, string, string];
    const about = (known: string[], max: number) => personalText(known, max);
    return fc.record({
      ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fc.constant(v)])),
      reporter: fc.constant(reporter),
      resident: fc.constant(resident),
      claimer: fc.constant(claimer),
      member: fc.constant(member),
      onDuty: fc.constant(onDuty),
      description: about([reporter], 2000),
      assignee: about([reporter], 64),
      resolution: about([reporter], 500),
      note: about([reporter], 500),
      activity: about([onDuty], 64),
      wishTitle: about([resident, claimer], 64),
      wishDescription: about([resident, claimer], 500),
    }) as fc.Arbitrary<Record<string, string>>;
  });

type World = Record<string, string>;

const incidentOf = (w: World): Incident =>
  makeIncident({
    id: w.incidentId!,
    description: w.description!,
    assignee: w.assignee!,
    resolution: w.resolution!,
    reporter: { name: w.reporter!, phone: w.phone!, idNumber: w.idNumber!, address: '阳光小区5栋301室' },
    timeline: [
      { action: 'report', at: T0, status: 'reported', level: 'grid', note: w.note! },
      { action: 'dispatch', at: T0 + 1, status: 'dispatched', level: 'grid', note: w.note! },
    ],
  });

/** Everything a public screen is sent about this world, through the functions the server uses. */
const publicViews = (w: World): Array<[string, unknown]> => {
  const incident = incidentOf(w);
  const station = makeStation({ onDuty: { name: w.onDuty!, phone: w.phone! }, activity: w.activity!, status: 'open' });
  const checkin = makeCheckin({ id: w.checkinId!, memberId: w.memberId!, memberName: w.member!, memberPhone: w.phone! });
  const wish = makeWish({ id: w.wishId!, title: w.wishTitle!, description: w.wishDescription!, residentName: w.resident!, residentPhone: w.phone!, claimerName: w.claimer! });
  const { claimerName: _claimer, ...postedWish } = { ...wish, status: 'posted' as const };
  const transition = { incidentId: incident.id, from: 'accepted', to: 'dispatched', level: 'grid', note: w.note!, assignee: w.assignee! } as const;
  const events: Record<EventType, JinlinEvent> = {
    'incident:reported': event(1, 'incident:reported', { incident }),
    'incident:accepted': event(2, 'incident:accepted', { ...transition, from: 'reported', to: 'accepted' }),
    'incident:dispatched': event(3, 'incident:dispatched', transition),
    'incident:started': event(4, 'incident:started', { ...transition, from: 'dispatched', to: 'in_progress' }),
    'incident:resolved': event(5, 'incident:resolved', { ...transition, from: 'in_progress', to: 'resolved' }),
    'incident:escalated': event(6, 'incident:escalated', { ...transition, level: 'community' }),
    'incident:rated': event(7, 'incident:rated', { ...transition, from: 'resolved', to: 'rated', satisfaction: 4 }),
    'incident:alarmAcknowledged': event(8, 'incident:alarmAcknowledged', { incidentId: incident.id, by: 'street' }),
    'station:statusChanged': event(9, 'station:statusChanged', { stationId: station.id, status: 'open', onDuty: station.onDuty, onDutyCount: 1, visitors: 3, activity: w.activity! }),
    'volunteer:checkedIn': event(10, 'volunteer:checkedIn', { checkin }),
    'volunteer:checkedOut': event(11, 'volunteer:checkedOut', { checkinId: checkin.id, hours: 2, points: 4 }),
    // Posted before anyone claimed it, read once the claimer is known: the text may name them.
    'wish:posted': event(12, 'wish:posted', { wish: postedWish }),
    'wish:claimed': event(13, 'wish:claimed', { wishId: wish.id, claimerName: w.claimer! }),
    'wish:fulfilled': event(14, 'wish:fulfilled', { wishId: wish.id }),
  };
  const known = { incidents: new Map([[incident.id, incident]]), stations: new Map([[station.id, station]]), wishes: new Map([[wish.id, wish]]) };
  const shapeEvent = shapeEventForAudience as (e: JinlinEvent, a: 'public', k: typeof known) => JinlinEvent;
  return [
    ['incident', publicIncident(incident)],
    ['station', shapeForAudience(Station, station, 'public')],
    ['checkin', shapeForAudience(CheckIn, checkin, 'public')],
    ['wish', shapeForAudience(Wish, wish, 'public')],
    ['alarm', alarmNoticeOf({ incidentId: incident.id, reason: 'urgent', since: T0 }, incident, 'public', () => '榕桥社区')],
    ...Object.entries(events).map(([type, e]): [string, unknown] => [type, shapeEvent(e, 'public', known)]),
  ];
};

const namesOf = (w: World) => [w.reporter!, w.resident!, w.claimer!, w.member!, w.onDuty!];
const hitsOf = (w: World): PersonalHit[] => publicViews(w).flatMap(([source, view]) => findPersonalDataInJson(source, view, namesOf(w)));

describe('scrubbing for public screens', () => {
  it('leaves no phone in any digit form, id number, house number or known full name in any public record or event', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(hitsOf(w)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds, over 200 generated worlds, 0 hits of each kind (the failure says how many leaked)', () => {
    const hits = fc.sample(world, { numRuns: 200, seed: 10 }).flatMap(hitsOf);
    expect(tally(hits)).toEqual({ phone: 0, 'id number': 0, name: 0, 'house number': 0 });
  });

  it('has a scanner that finds what it looks for: the unshaped records are full of hits', () => {
    const [w] = fc.sample(world, { numRuns: 1, seed: 3 });
    const raw = incidentOf(w!);
    const counts = tally(findPersonalDataInJson('raw', raw, namesOf(w!)));
    expect(counts.phone).toBeGreaterThan(0);
    expect(counts['id number']).toBeGreaterThan(0);
    expect(counts.name).toBeGreaterThan(0);
    expect(counts['house number']).toBeGreaterThan(0);
  });
});
