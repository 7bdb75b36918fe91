/** One position of a flip counter: a rolling digit, or a fixed group separator. */
export type DigitSlot = { key: string; digit: number } | { key: string; separator: string };

const GROUP = 3;

/**
 * The slots of a non-negative whole number, grouped by thousands. Keys count from the right, so
 * when 999 becomes 1,000 the units, tens and hundreds keep their elements and roll, and only the
 * new leading positions appear.
 */
export const digitSlots = (value: number, separator = ','): DigitSlot[] => {
  const digits = String(Math.max(0, Math.round(value)));
  const slots: DigitSlot[] = [];
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    if (fromRight > 0 && fromRight % GROUP === 0) slots.push({ key: `s${fromRight}`, separator });
    slots.push({ key: `d${fromRight}`, digit: Number(digits[digits.length - 1 - fromRight]) });
  }
  return slots.reverse();
};
