/**
 * An independent scanner for personal data on public screens, used by the unit, server and e2e
 * tests alike. Deliberately not the production scrubber's code: it normalises what it sees (full-
 * width digits to ASCII, separators between digits removed) and then looks for plain forms, so a
 * gap in the scrubber's patterns cannot hide itself.
 */

export type PersonalKind = 'phone' | 'id number' | 'name' | 'house number';
export interface PersonalHit {
  source: string;
  kind: PersonalKind;
  match: string;
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
/** Spaces, dots, dashes, slashes, underscores and a + between digits: 1 3 8, 138.1234, +86 138. */
const BETWEEN_DIGITS = /([0-9])[\s\u00a0.．·\-－—–_/+]{1,3}(?=[0-9])/g;
/** Server-made random ids: their hex can hold any run of digits, and they name no one. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const normalise = (text: string): string => {
  let out = text.replace(UUID, ' ').replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  out = out.replace(/[Ｘｘ]/g, 'X');
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(BETWEEN_DIGITS, '$1');
  }
  return out;
};

const PATTERNS: Array<[PersonalKind, RegExp]> = [
  ['phone', /(?<![0-9])(?:0{0,2}86)?1[3-9][0-9]{9}(?![0-9])/g],
  ['phone', /(?<![0-9])0[1-9][0-9]{1,2}[0-9]{7,8}(?![0-9])/g],
  ['id number', /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g],
  // Not 户: "涉及10户" counts households, it locates none.
  ['house number', /[0-9]+(?:号楼|号院|号|栋|幢|座|单元|室|弄)/g],
];

/** Every hit in one piece of text; `names` are full names the system knows and must never show. */
export const findPersonalData = (source: string, text: string, names: readonly string[] = []): PersonalHit[] => {
  const plain = normalise(text);
  const hits: PersonalHit[] = [];
  for (const [kind, pattern] of PATTERNS) for (const [match] of plain.matchAll(pattern)) hits.push({ source, kind, match });
  const squeezed = text.replace(/\s+/g, '');
  for (const name of names) if (Array.from(name).length >= 2 && squeezed.includes(name.replace(/\s+/g, ''))) hits.push({ source, kind: 'name', match: name });
  return hits;
};

/**
 * Every string (keys included) and integer of a JSON value, each scanned on its own. Fractional
 * numbers are left out: they are coordinates, whose digits after the point can look like anything.
 */
export const findPersonalDataInJson = (source: string, value: unknown, names: readonly string[] = []): PersonalHit[] => {
  const hits: PersonalHit[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') hits.push(...findPersonalData(source, node, names));
    else if (typeof node === 'number' && Number.isInteger(node)) hits.push(...findPersonalData(source, String(node), names));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        hits.push(...findPersonalData(source, key, names));
        walk(item);
      }
    }
  };
  walk(value);
  return hits;
};

/** Hits counted by kind, for a failure message that says how much leaked. */
export const tally = (hits: readonly PersonalHit[]): Record<PersonalKind, number> => {
  const counts: Record<PersonalKind, number> = { phone: 0, 'id number': 0, name: 0, 'house number': 0 };
  for (const hit of hits) counts[hit.kind] += 1;
  return counts;
};
