/**
 * What a log line may never carry: PIPL personal data. Logs are read by more people (and kept
 * longer, on more machines) than the database, so they get less than the most masked screen:
 * every personal field is replaced outright, and phone or ID numbers typed into free text are masked.
 */

export const REDACTED = '[redacted]';

/** Objects that are personal as a whole: the resident who reported, the member on duty. */
export const PERSONAL_OBJECT_KEYS: ReadonlySet<string> = new Set(['reporter', 'onDuty']);
/** Fields whose name alone says they are personal, wherever they sit. */
export const PERSONAL_FIELD_KEYS: ReadonlySet<string> = new Set([
  'phone',
  'idNumber',
  'address',
  'residentName',
  'residentPhone',
  'claimerName',
  'memberName',
  'memberPhone',
]);

const PHONE_IN_TEXT = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;
const ID_IN_TEXT = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;

/**
 * Free text (a description, an error message) with phone and ID numbers masked. Not the public
 * screens' scrubPublicText: that hides every long digit run, and a log must keep region codes and seqs readable.
 */
export const redactText = (text: string): string => text.replace(ID_IN_TEXT, REDACTED).replace(PHONE_IN_TEXT, '$1****$2');

const MAX_DEPTH = 12;

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A deep copy of `value` fit for a log: personal objects and fields replaced, text scrubbed.
 * Errors keep their message and stack (scrubbed); cycles and very deep values are cut, not followed.
 */
export const redactPersonal = (value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown => {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[cut]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonal(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.name;
    out.message = redactText(value.message);
    if (value.stack) out.stack = redactText(value.stack);
  } else if (!isPlainObject(value)) {
    // A request or socket object: the logger's own serializers pick its few safe fields.
    return value;
  }
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    out[key] = PERSONAL_OBJECT_KEYS.has(key) || PERSONAL_FIELD_KEYS.has(key) ? REDACTED : redactPersonal(field, depth + 1, seen);
  }
  return out;
};
