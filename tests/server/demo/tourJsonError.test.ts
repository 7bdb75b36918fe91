import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../server/demo/tourJsonError';

describe('locating the first JSON error of a hand-edited tour file', () => {
  it.each([
    ['a missing value', '{"a": }', 1, 7, '"}"'],
    ['a trailing comma in an array', '[1, 2,]', 1, 7, '"]"'],
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, '"}"'],
    ['a single-quoted string', "{'a': 1}", 1, 2, '"\'"'],
    ['a bad escape', '["a\\x"]', 1, 5, '"x"'],
    ['a raw line break in a string', '["a\nb"]', 1, 4, '"\\n"'],
    ['a missing colon', '{"a" 1}', 1, 6, '"1"'],
    ['text after the value', '{} x', 1, 4, '"x"'],
    ['a number with a leading zero', '[01]', 1, 3, '"1"'],
    ['a misspelt literal', '[tru]', 1, 2, '"t"'],
    ['an unterminated object', '{"a": [1, {"b": null}]', 1, 23, 'the end of the file'],
  ])('finds %s', (_what, text, line, column, found) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ line, column, found });
  });

  it('walks valid JSON to its end', () => {
    const text = JSON.stringify({ a: [1, -2.5e3, true, false, null, 'é\u0001\n"'], b: {} });
    expect(locateJsonError(`${text}x`)).toEqual({ line: 1, column: text.length + 1, found: '"x"' });
  });
});
