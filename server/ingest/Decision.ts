import type { ErrorBody } from '../../shared/contract/http';
import type { NewEvent } from '../../shared/domain/event';
import type { CheckIn } from '../../shared/domain/volunteer';
import type { Incident } from '../../shared/domain/incident';
import type { Station } from '../../shared/domain/station';
import type { Wish } from '../../shared/domain/wish';
import type { EntityCollection } from '../../shared/logic/entityRef';
import type { Region } from '../../shared/domain/region';
import type { CountyIndex } from '../county/CountyIndex';

/** What a command may look at while it decides: current entities (including earlier commands of the same batch). */
export interface DecisionView {
  now: number;
  county: CountyIndex;
  newId(prefix: string): string;
  incident(id: string): Incident | undefined;
  station(id: string): Station | undefined;
  checkin(id: string): CheckIn | undefined;
  wish(id: string): Wish | undefined;
  /** A region the caller names by code (a grid, a community): for a scoped caller, only those inside its scope. */
  region(code: string): Region | undefined;
  /**
   * The member's current (not checked-out) check-in, wherever it is: a member is on duty in one
   * place only, so this is never scoped — and a refusal built from it must not name it.
   */
  openCheckinOf(memberId: string): CheckIn | undefined;
}

export type Decision =
  | {
      ok: true;
      statusCode: 200 | 201;
      events: NewEvent[];
      /** The entity whose new state is the response body. */
      subject: { collection: EntityCollection; id: string };
    }
  | { ok: false; error: ErrorBody };

export const refuse = (statusCode: number, error: string, message: string, extra: Partial<ErrorBody> = {}): Decision => ({
  ok: false,
  error: { statusCode, error, message, ...extra },
});

export const accept = (
  statusCode: 200 | 201,
  event: NewEvent,
  subject: { collection: EntityCollection; id: string },
): Decision => ({ ok: true, statusCode, events: [event], subject });
