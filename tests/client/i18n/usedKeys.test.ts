import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/en';
import { zhCN } from '../../../client/i18n/zhCN';

// Every key the client asks for exists in both languages: a static scan of client/ for calls of
// t('…'), $t('…') and tr('…') (the Translate handed to text builders). A key built at run time,
// t(`tablet.statuses.${status}`), is checked by its fixed start: some message must begin with it.
// The domain unions behind such keys are checked value by value in messages.test.ts.

const CLIENT = join(import.meta.dirname, '../../../client');

type Tree = { readonly [key: string]: string | Tree };
const leafKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`)));

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/** A call of t / $t / tr (not x.t or format) with a quoted first argument: [quote, key]. */
const CALL = /(?<![\w$.])(?:\$t|t|tr)\(\s*(['"`])((?:(?!\1).)+)\1/g;

interface UsedKey {
  file: string;
  key: string;
  /** The key as written is complete; false when it goes on with `${…}`. */
  whole: boolean;
}

export const usedKeysIn = (file: string, text: string): UsedKey[] =>
  [...text.matchAll(CALL)].map((match) => {
    const written = match[2] ?? '';
    const open = match[1] === '`' ? written.indexOf('${') : -1;
    return { file, key: open < 0 ? written : written.slice(0, open), whole: open < 0 };
  });

const used = sourcesUnder(CLIENT).flatMap((path) => usedKeysIn(relative(CLIENT, path), readFileSync(path, 'utf8')));

describe('the message keys the client uses', () => {
  it('are found by the scan (the scan itself reads t, $t and tr calls, quoted and templated)', () => {
    expect(usedKeysIn('x.vue', "{{ t('a.b') }} {{ $t(\"c\") }} tr(`d.${e}`) format('no') x.t('no')")).toEqual([
      { file: 'x.vue', key: 'a.b', whole: true },
      { file: 'x.vue', key: 'c', whole: true },
      { file: 'x.vue', key: 'd.', whole: false },
    ]);
    expect(used.length).toBeGreaterThan(100);
    expect(used.some((u) => u.key.startsWith('tablet.'))).toBe(true);
  });

  for (const [locale, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
    it(`all have a message in ${locale}`, () => {
      const keys = new Set(leafKeys(messages));
      const all = [...keys];
      const missing = used.filter((u) => (u.whole ? !keys.has(u.key) : !all.some((key) => key.startsWith(u.key))));
      expect(missing.map((u) => `${u.file}: ${u.key}`)).toEqual([]);
    });
  }
});
