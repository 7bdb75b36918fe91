import type { JinlinEvent } from '../../domain/event';
import type { Incident, IncidentStep } from '../../domain/incident';
import type { OnDuty, Station } from '../../domain/station';
import type { CheckIn } from '../../domain/volunteer';
import type { Wish } from '../../domain/wish';
import type { EntityState } from '../entityState';
import { maskName } from '../masking';
import { pseudonymIfPersonal, pseudonymOf } from './pseudonym';
import { scrubPublicText } from './scrubPublicText';

/**
 * The one place that decides what of a record a public screen (display, presenter, anonymous)
 * sees. Every free-text field is scrubbed (scrubPublicText) of numbers, house numbers and the
 * names the system knows for that record; every person-bearing field is masked (names: 张*丰) or
 * left out (phones, id numbers, the reporter); ids a client chose are pseudonymised when they hold
 * a phone or id number, and a member id always (it names a person). Idempotent: a replayed or
 * cached public value passes unchanged.
 *
 * Names are known per record: an incident's reporter (also for the notes and assignee of its
 * transitions, looked up in `known`), a wish's resident and claimer, a station's member on duty,
 * a check-in's member. A name nobody gave the system cannot be recognised in text.
 */
export type PublicRecord =
  | { kind: 'incident'; value: Incident }
  | { kind: 'station'; value: Station }
  | { kind: 'checkin'; value: CheckIn }
  | { kind: 'wish'; value: Wish }
  | { kind: 'event'; value: JinlinEvent };

/** Where names of related records are looked up: the server's live entities (or the client's). */
export type KnownRecords = Partial<Pick<EntityState, 'incidents' | 'stations' | 'wishes' | 'checkins'>>;

export function scrubForPublic(record: { kind: 'incident'; value: Incident }, known?: KnownRecords): Incident;
export function scrubForPublic(record: { kind: 'station'; value: Station }, known?: KnownRecords): Station;
export function scrubForPublic(record: { kind: 'checkin'; value: CheckIn }, known?: KnownRecords): CheckIn;
export function scrubForPublic(record: { kind: 'wish'; value: Wish }, known?: KnownRecords): Wish;
export function scrubForPublic(record: { kind: 'event'; value: JinlinEvent }, known?: KnownRecords): JinlinEvent;
export function scrubForPublic(record: PublicRecord, known: KnownRecords = {}): PublicRecord['value'] {
  switch (record.kind) {
    case 'incident':
      return incidentOf(record.value);
    case 'station':
      return stationOf(record.value);
    case 'checkin':
      return checkinOf(record.value);
    case 'wish':
      return wishOf(record.value);
    case 'event':
      return eventOf(record.value, known);
  }
}

type Scrub = (text: string) => string;
const scrubberFor = (names: Array<string | undefined>): Scrub => {
  const known = names.filter((n): n is string => n !== undefined);
  return (text) => scrubPublicText(text, known);
};
const optional = <T>(value: T | undefined, f: (v: T) => T): T | undefined => (value === undefined ? undefined : f(value));
/** Drops keys whose value is undefined, so optional fields stay absent rather than `undefined`. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const incidentOf = (incident: Incident): Incident => {
  const { reporter, ...rest } = incident;
  const scrub = scrubberFor([reporter?.name]);
  return compact({
    ...rest,
    id: pseudonymIfPersonal(rest.id),
    description: scrub(rest.description),
    assignee: optional(rest.assignee, scrub),
    resolution: optional(rest.resolution, scrub),
    timeline: rest.timeline.map((step): IncidentStep => (step.note === undefined ? step : { ...step, note: scrub(step.note) })),
  });
};

/** The member on duty keeps a masked name and no phone. */
const onDutyOf = (onDuty: OnDuty | null): OnDuty | null => (onDuty === null ? null : { name: maskName(onDuty.name) });

const stationOf = (station: Station): Station => ({
  ...station,
  id: pseudonymIfPersonal(station.id),
  onDuty: onDutyOf(station.onDuty),
  activity: station.activity === null ? null : scrubberFor([station.onDuty?.name])(station.activity),
});

const checkinOf = (checkin: CheckIn): CheckIn => {
  const { memberPhone: _phone, ...rest } = checkin;
  return compact({
    ...rest,
    id: pseudonymIfPersonal(rest.id),
    memberId: pseudonymOf(rest.memberId),
    memberName: maskName(rest.memberName),
    stationId: optional(rest.stationId, pseudonymIfPersonal),
  });
};

const wishOf = (wish: Wish, claimerName = wish.claimerName): Wish => {
  const { residentPhone: _phone, ...rest } = wish;
  const scrub = scrubberFor([rest.residentName, claimerName]);
  return compact({
    ...rest,
    id: pseudonymIfPersonal(rest.id),
    title: scrub(rest.title),
    description: scrub(rest.description),
    residentName: maskName(rest.residentName),
    claimerName: optional(rest.claimerName, maskName),
  });
};

const eventOf = (event: JinlinEvent, known: KnownRecords): JinlinEvent => {
  const base = { ...event, id: pseudonymIfPersonal(event.id) };
  switch (base.type) {
    case 'incident:reported':
      return { ...base, payload: { incident: incidentOf(base.payload.incident) } };
    case 'incident:accepted':
    case 'incident:dispatched':
    case 'incident:started':
    case 'incident:resolved':
    case 'incident:escalated':
    case 'incident:rated': {
      const { payload } = base;
      const scrub = scrubberFor([known.incidents?.get(payload.incidentId)?.reporter?.name]);
      const shaped = compact({ ...payload, incidentId: pseudonymIfPersonal(payload.incidentId), note: optional(payload.note, scrub), assignee: optional(payload.assignee, scrub) });
      return { ...base, payload: shaped };
    }
    case 'incident:alarmAcknowledged':
      return { ...base, payload: { ...base.payload, incidentId: pseudonymIfPersonal(base.payload.incidentId) } };
    case 'station:statusChanged': {
      const { payload } = base;
      const scrub = scrubberFor([payload.onDuty?.name, known.stations?.get(payload.stationId)?.onDuty?.name]);
      const activity = payload.activity === null ? null : scrub(payload.activity);
      return { ...base, payload: { ...payload, stationId: pseudonymIfPersonal(payload.stationId), onDuty: onDutyOf(payload.onDuty), activity } };
    }
    case 'volunteer:checkedIn':
      return { ...base, payload: { checkin: checkinOf(base.payload.checkin) } };
    case 'volunteer:checkedOut':
      return { ...base, payload: { ...base.payload, checkinId: pseudonymIfPersonal(base.payload.checkinId) } };
    case 'wish:posted': {
      // Read later (an events page), the claimer is known too, and the description may name them.
      const claimerName = base.payload.wish.claimerName ?? known.wishes?.get(base.payload.wish.id)?.claimerName;
      return { ...base, payload: { wish: wishOf(base.payload.wish, claimerName) } };
    }
    case 'wish:claimed':
      return { ...base, payload: { wishId: pseudonymIfPersonal(base.payload.wishId), claimerName: maskName(base.payload.claimerName) } };
    case 'wish:fulfilled':
      return { ...base, payload: { wishId: pseudonymIfPersonal(base.payload.wishId) } };
  }
}
