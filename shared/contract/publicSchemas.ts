import { Type, type TSchema } from '@sinclair/typebox';
import { JinlinEvent } from '../domain/event';
import { Incident } from '../domain/incident';
import { Station } from '../domain/station';
import { CheckIn } from '../domain/volunteer';
import { Wish } from '../domain/wish';

/**
 * What public screens (display, presenter) may be sent, as schemas: the domain schemas without the
 * reporter and without ID numbers or phones. Every public response and socket frame is cut to these schemas
 * at the boundary (pickBySchema), after masking — so even a shaping bug cannot put a reporter or an
 * ID number on a wall: the field does not exist in what is sent.
 */

/** Properties that public schemas leave out entirely (not masked: absent). */
const NEVER_PUBLIC_PROPERTIES = new Set(['reporter']);
/** Phones too: a masked 138****5678 still shows seven digits (see shared/logic/privacy/scrubPublicText). */
const NEVER_PUBLIC_KINDS = new Set(['idNumber', 'phone']);

type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; required?: string[] };

const withoutPrivate = (node: Node): Node => {
  const out: Node = { ...node };
  if (node.properties) {
    const kept = Object.entries(node.properties).filter(
      ([key, property]) => !NEVER_PUBLIC_PROPERTIES.has(key) && !NEVER_PUBLIC_KINDS.has(String(property['x-personal'])),
    );
    out.properties = Object.fromEntries(kept.map(([key, property]) => [key, withoutPrivate(property)]));
    if (node.required) out.required = node.required.filter((key) => key in (out.properties as object));
  }
  if (node.items) out.items = withoutPrivate(node.items);
  if (node.anyOf) out.anyOf = node.anyOf.map(withoutPrivate);
  return out;
};

/** The public variant of a domain schema. */
export const publicSchemaOf = <T extends TSchema>(schema: T): TSchema => withoutPrivate(schema as unknown as Node) as unknown as TSchema;

export const PublicIncident = publicSchemaOf(Incident);
export const PublicEvent = publicSchemaOf(JinlinEvent);

/** A snapshot for a public screen: figures pass as they are (no personal data in them); entities are cut. */
export const PublicSnapshot = Type.Object({
  seq: Type.Integer(),
  at: Type.Integer(),
  epoch: Type.Optional(Type.String()),
  scope: Type.String(),
  region: Type.Any(),
  ancestors: Type.Any(),
  kpis: Type.Any(),
  children: Type.Any(),
  incidents: Type.Array(PublicIncident),
  stations: Type.Array(publicSchemaOf(Station)),
  checkins: Type.Array(publicSchemaOf(CheckIn)),
  wishes: Type.Array(publicSchemaOf(Wish)),
});

export const PublicEventsPage = Type.Object({
  events: Type.Array(PublicEvent),
  nextAfter: Type.Integer(),
  hasMore: Type.Boolean(),
  headSeq: Type.Integer(),
  epoch: Type.Optional(Type.String()),
});
