/**
 * Where a hand-edited tour file stops being JSON, as an editor's line and column. JSON.parse only
 * sometimes says where ("Unexpected token '}', ...") so this walks the grammar itself; it runs only
 * after JSON.parse has already failed.
 */
export const locateJsonError = (text: string): { line: number; column: number; found: string } => {
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset).split('\n');
  const found = offset < text.length ? JSON.stringify(text[offset]) : 'the end of the file';
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, found };
};

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = '"\\/bfnrt';

/** Offset of the first character that cannot continue a JSON text (the length if it ends too early). */
const jsonErrorOffset = (text: string): number => {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[i] !== char) fail();
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if ((text[i] as string) < ' ') fail();
      if (text[i] !== '\\') i++;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (text[i + 1] !== 'u' && ESCAPES.includes(text[i + 1] ?? '')) i += 2;
      else {
        i++;
        fail();
      }
    }
    expect('"');
  };
  const list = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === ',') i++;
      else return expect(close);
    }
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return list('}', () => (string(), expect(':'), value()));
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof RangeError) return Number(error.message);
    throw error;
  }
};
