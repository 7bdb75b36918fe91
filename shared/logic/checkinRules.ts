import type { CheckInBody, CheckOutBody } from '../contract/http';
import type { LngLat } from '../domain/common';
import type { EventPayload } from '../domain/event';
import type { CheckIn } from '../domain/volunteer';
import { err, ok, type Result } from './result';
import { HOUR_MS } from './shanghaiTime';

/** A forgotten check-out must not credit days of service: one session counts for at most a day. */
export const MAX_SESSION_HOURS = 24;
/** 积分 for the 爱心超市: the default rule when the station does not award points itself. */
export const DEFAULT_POINTS_PER_HOUR = 10;

/** Hours served, capped, to 0.1 h; a check-out stamped before the check-in (clock skew) counts as 0. */
export const serviceHours = (checkedInAt: number, now: number): number => {
  const hours = Math.min(MAX_SESSION_HOURS, Math.max(0, (now - checkedInAt) / HOUR_MS));
  return Math.round(hours * 10) / 10;
};

export const defaultPoints = (hours: number): number => Math.round(hours * DEFAULT_POINTS_PER_HOUR);

export type CheckoutRefusalCode = 'already_checked_out' | 'invalid_points';

export interface CheckoutRefusal {
  code: CheckoutRefusalCode;
  checkinId: string;
  message: string;
  /** When the earlier check-out happened, for already_checked_out. */
  checkedOutAt?: number;
}

export interface CheckoutDecision {
  type: 'volunteer:checkedOut';
  payload: EventPayload<'volunteer:checkedOut'>;
  at: number;
}

/** Decides a check-out: hours from the check-in time, points by the default rule unless the body awards them. */
export const decideCheckout = (
  checkin: CheckIn,
  body: CheckOutBody,
  now: number,
): Result<CheckoutDecision, CheckoutRefusal> => {
  if (checkin.checkedOutAt !== undefined) {
    return err({
      code: 'already_checked_out',
      checkinId: checkin.id,
      checkedOutAt: checkin.checkedOutAt,
      message: `check-in ${checkin.id} was already checked out`,
    });
  }
  if (body.points !== undefined && !(Number.isInteger(body.points) && body.points >= 0)) {
    return err({ code: 'invalid_points', checkinId: checkin.id, message: 'points must be a whole number ≥ 0' });
  }
  const hours = serviceHours(checkin.checkedInAt, now);
  const points = body.points ?? defaultPoints(hours);
  return ok({ type: 'volunteer:checkedOut', payload: { checkinId: checkin.id, hours, points }, at: now });
};

export interface NewCheckinInput {
  id: string;
  body: CheckInBody;
  regionPath: string[];
  /** The grid's centroid or the station's position: members are placed where they serve, not tracked. */
  location: LngLat;
  now: number;
}

/** The one place a check-in is built, so every entry path produces the same shape. */
export const newCheckin = ({ id, body, regionPath, location, now }: NewCheckinInput): CheckIn => ({
  id,
  memberId: body.memberId,
  memberName: body.memberName,
  ...(body.memberPhone ? { memberPhone: body.memberPhone } : {}),
  kind: body.kind,
  category: body.category,
  ...(body.gridCode ? { gridCode: body.gridCode } : {}),
  ...(body.stationId ? { stationId: body.stationId } : {}),
  regionPath: [...regionPath],
  location: { lng: location.lng, lat: location.lat },
  checkedInAt: now,
});
