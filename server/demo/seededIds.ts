import type { Rng } from '../../shared/logic/rng';

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');
const word = (rng: Rng): number => Math.floor(rng.next() * 0x1_0000_0000);

/**
 * Ids in the shape of a random (v4) UUID, drawn from a seeded stream: after "reset to morning" the
 * replayed morning gets the same ids every time, and they look like any other id on the wire.
 */
export const seededIds = (rng: Rng): ((prefix: string) => string) => {
  return (prefix) => {
    const [a, b, c, d] = [word(rng), word(rng), word(rng), word(rng)];
    const version = ((b & 0xffff) & 0x0fff) | 0x4000;
    const variant = ((c >>> 16) & 0x3fff) | 0x8000;
    return `${prefix}-${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
  };
};
