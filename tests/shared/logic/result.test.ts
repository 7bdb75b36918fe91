import { describe, expect, it } from 'vitest';
import { andThen, err, isErr, isOk, mapResult, ok, unwrapOr, type Result } from '../../../shared/logic/result';

const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`${n} is odd`));

describe('Result', () => {
  it('tells successes from failures', () => {
    expect(isOk(ok(1))).toBe(true);
    expect(isErr(err('no'))).toBe(true);
  });

  it('maps a success and passes a failure through unchanged', () => {
    expect(mapResult(ok(2), (n) => n + 1)).toEqual(ok(3));
    const failure = err('no');
    expect(mapResult<number, number, string>(failure, (n) => n + 1)).toBe(failure);
  });

  it('chains steps until the first failure', () => {
    expect(andThen(half(8), half)).toEqual(ok(2));
    expect(andThen(half(6), half)).toEqual(err('3 is odd'));
  });

  it('falls back on failure only', () => {
    expect(unwrapOr(half(4), 0)).toBe(2);
    expect(unwrapOr(half(3), 0)).toBe(0);
  });
});
