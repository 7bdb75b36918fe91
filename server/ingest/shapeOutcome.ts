import type { TSchema } from '@sinclair/typebox';
import { publicSchemaOf } from '../../shared/contract/publicSchemas';
import type { Incident } from '../../shared/domain/incident';
import { Station } from '../../shared/domain/station';
import { CheckIn } from '../../shared/domain/volunteer';
import { Wish } from '../../shared/domain/wish';
import { audienceOf, canRead, type Principal } from '../../shared/logic/access';
import type { EntityCollection } from '../../shared/logic/entityRef';
import { pickBySchema } from '../../shared/logic/pickBySchema';
import { publicIncident, shapeForAudience, type Audience } from '../../shared/logic/shapeForAudience';

/**
 * What a caller may be told back about a write: what it could read. Officials who read see the
 * entity in full; a write-only token (ingest: field apps, 12345 adapters) gets the public form —
 * it gave the resident's details and has no business receiving them back, from anyone's write.
 */
export const responseAudienceOf = (principal: Principal): Audience => (canRead(principal) ? audienceOf(principal) : 'public');

const SCHEMAS: Record<Exclude<EntityCollection, 'incidents'>, TSchema> = { stations: Station, checkins: CheckIn, wishes: Wish };
const PUBLIC_SCHEMAS = Object.fromEntries(Object.entries(SCHEMAS).map(([k, schema]) => [k, publicSchemaOf(schema)])) as typeof SCHEMAS;

/** A success body (the entity after the write) shaped for `principal`; refusals name nothing personal and pass as they are. */
export const shapeBodyFor = (principal: Principal | undefined, collection: EntityCollection, statusCode: number, body: unknown): unknown => {
  if (!principal || statusCode >= 300 || responseAudienceOf(principal) === 'full') return body;
  if (collection === 'incidents') return publicIncident(body as Incident);
  return pickBySchema(PUBLIC_SCHEMAS[collection], shapeForAudience(SCHEMAS[collection], body, 'public'));
};
