import type { PersonalKind } from '../domain/common';

/**
 * PIPL masking for public screens. Every function is idempotent, so shaping an already shaped
 * value (a replayed event, a cached snapshot) never changes it again or leaks more.
 */

const STAR = '*';

/**
 * 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜, Latin names alike (Wang Fang → W*******g).
 * Length is kept so a column of names stays aligned; counted in code points so rare
 * characters outside the BMP are never split.
 */
export const maskName = (name: string): string => {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  const first = chars[0] ?? '';
  if (chars.length === 2) return first + STAR;
  return first + STAR.repeat(chars.length - 2) + (chars[chars.length - 1] ?? '');
};

const PHONE_KEEP_HEAD = 3;
const PHONE_KEEP_TAIL = 4;
/** Below this many digits, keeping 3 + 4 would hide too little: hide them all. */
const PHONE_MIN_PARTIAL = 11;

/**
 * 13812341234 → 138****1234. Other numbers keep the first 3 and last 4 digits when at least
 * 4 stay hidden, otherwise every digit becomes a star. Separators (+, -, spaces) stay in place;
 * stars count as digit positions, which is what makes masking twice a no-op.
 */
export const maskPhone = (phone: string): string => {
  const isSlot = (c: string) => (c >= '0' && c <= '9') || c === STAR;
  const slots = Array.from(phone).filter(isSlot).length;
  const partial = slots >= PHONE_MIN_PARTIAL;
  let index = 0;
  return Array.from(phone)
    .map((c) => {
      if (!isSlot(c)) return c;
      const keep = partial && (index < PHONE_KEEP_HEAD || index >= slots - PHONE_KEEP_TAIL);
      index += 1;
      return keep ? c : STAR;
    })
    .join('');
};

/**
 * 350121199001011234 → 350121********1234 (region code and last four), for the operator's
 * confirmation view. Public screens do not show this at all: shapeForAudience removes the field.
 */
export const maskIdNumber = (idNumber: string): string => {
  const chars = Array.from(idNumber);
  if (chars.length < 15) return STAR.repeat(chars.length);
  return chars.map((c, i) => (i < 6 || i >= chars.length - 4 ? c : STAR)).join('');
};

const NUMERAL = '[0-9０-９一二三四五六七八九十百千零〇两]';
const LETTER = '[A-Za-zＡ-Ｚａ-ｚ]';
/** 3号楼, 2单元, 502室, 12号, 5栋, A座, 第3幢, 8楼, 123弄, 3-2号 … — the part that finds a door. */
const HOUSE_NUMBER = new RegExp(
  `(?:第|附)?(?:${LETTER}?${NUMERAL}+(?:[-－—]${NUMERAL}+)*${LETTER}?|${LETTER})(?:号楼|号院|号|栋|幢|座|单元|室|层|楼|户|弄)`,
  'g',
);
/** A bare trailing 3-2-502 or "502" after the compound name. */
const TRAILING_NUMBER = /[\s\-－—#＃,，、./0-9０-９]+$/;

/**
 * Keeps the road or compound and drops what locates a household:
 * 榕桥花园3号楼2单元502室 → 榕桥花园, 工业路12号 → 工业路, 阳光小区5栋 → 阳光小区.
 */
export const maskAddress = (address: string): string => {
  let current = address;
  for (;;) {
    const next = current.replace(HOUSE_NUMBER, '').replace(TRAILING_NUMBER, '').trim();
    // Removing one token can make a new trailing number; repeat until nothing changes.
    if (next === current) return next;
    current = next;
  }
};

/** Free text is scrubbed for public screens by shared/logic/privacy/scrubPublicText, not here. */

/** The public form of one marked value; null means the field must be removed. */
export const maskPersonal = (kind: PersonalKind, value: string): string | null => {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'phone':
      return maskPhone(value);
    case 'idNumber':
      return null;
    case 'address':
      return maskAddress(value);
  }
};
