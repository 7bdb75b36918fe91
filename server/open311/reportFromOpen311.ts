import { Type, type Static } from '@sinclair/typebox';
import type { ReportIncidentBody } from '../../shared/contract/http';
import { isServiceCode, serviceNameOf } from './open311Services';

const Text = (maxLength: number) => Type.String({ maxLength });
/** Form posts carry numbers as text; JSON posts may send them as numbers. */
const Degrees = Type.Union([Type.Number(), Type.String({ pattern: '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' })]);

/** GeoReport v2 POST requests.json parameters (form or JSON): the spec's list, nothing else. */
export const Open311PostBody = Type.Object(
  {
    api_key: Type.Optional(Text(4096)),
    jurisdiction_id: Type.Optional(Text(64)),
    service_code: Text(64),
    lat: Type.Optional(Degrees),
    long: Type.Optional(Degrees),
    address_string: Type.Optional(Text(256)),
    address_id: Type.Optional(Text(64)),
    email: Type.Optional(Text(254)),
    device_id: Type.Optional(Text(128)),
    account_id: Type.Optional(Text(128)),
    first_name: Type.Optional(Text(32)),
    last_name: Type.Optional(Text(32)),
    phone: Type.Optional(Text(32)),
    description: Type.Optional(Text(2000)),
    media_url: Type.Optional(Text(2048)),
  },
  { additionalProperties: false },
);
export type Open311PostBody = Static<typeof Open311PostBody>;

export type Mapped = { ok: true; body: ReportIncidentBody } | { ok: false; field: string; description: string };

const fail = (field: string, description: string): Mapped => ({ ok: false, field, description: `${field}: ${description}` });

/** +86 138-1234-5678 → 13812345678; undefined when it is no mainland mobile number. */
const mobileOf = (phone: string): string | undefined => {
  const digits = phone.replace(/[\s()+-]/g, '').replace(/^0?86(?=1\d{10}$)/, '');
  return /^1[3-9][0-9]{9}$/.test(digits) ? digits : undefined;
};

const nameOf = (first: string | undefined, last: string | undefined): string | undefined => {
  const family = last?.trim() ?? '';
  const given = first?.trim() ?? '';
  // Chinese order: family name first, no space between (王 + 小明 = 王小明); Latin names keep the space.
  const joiner = /^[\p{Script=Han}]*$/u.test(family + given) ? '' : ' ';
  const name = [family, given].filter(Boolean).join(joiner);
  return name === '' ? undefined : name;
};

/**
 * An Open311 post as our report command (source open311, position in WGS-84). We locate by
 * position and cannot geocode an address, so lat and long are required. email and device_id are not
 * kept: our reporter record holds a name and a mobile number only, and what is not needed is not stored.
 */
export const reportFromOpen311 = (post: Open311PostBody): Mapped => {
  if (!isServiceCode(post.service_code)) return fail('service_code', `${post.service_code} is not a service (see services.json)`);
  if (post.lat === undefined || post.long === undefined) {
    return fail(post.lat === undefined ? 'lat' : 'long', 'lat and long (WGS-84) are required: this server locates a request by its position and does not geocode address_string');
  }
  const lat = Number(post.lat);
  const lng = Number(post.long);
  if (!(lat >= -90 && lat <= 90)) return fail('lat', 'must be a latitude from -90 to 90');
  if (!(lng >= -180 && lng <= 180)) return fail('long', 'must be a longitude from -180 to 180');
  const phone = post.phone === undefined || post.phone.trim() === '' ? undefined : mobileOf(post.phone);
  if (post.phone !== undefined && post.phone.trim() !== '' && phone === undefined) return fail('phone', 'must be a mainland mobile number (11 digits starting with 1)');
  const name = nameOf(post.first_name, post.last_name);
  const reporter = name || phone ? { name: name ?? '未留名', ...(phone ? { phone } : {}) } : undefined;
  // address_string is not copied into the text: it may be a home address, and the position says where.
  const description = post.description?.trim() || serviceNameOf(post.service_code);
  return {
    ok: true,
    body: { category: post.service_code, source: 'open311', description, lng, lat, crs: 'wgs84', ...(reporter ? { reporter } : {}) },
  };
};
