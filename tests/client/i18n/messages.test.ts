import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../shared/domain/event';
import { INCIDENT_CATEGORIES } from '../../../shared/domain/incident';
import { REGION_LEVELS } from '../../../shared/domain/region';
import { STATION_STATUSES, STATION_TYPES } from '../../../shared/domain/station';
import { SERVICE_CATEGORIES } from '../../../shared/domain/volunteer';
import { en } from '../../../client/i18n/en';
import { zhCN } from '../../../client/i18n/zhCN';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a message tree as [dotted key, message]. */
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );

const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

const zh = new Map(leaves(zhCN));
const english = new Map(leaves(en));

describe('the wall messages', () => {
  it('have an English message for every Chinese key, and no other', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, message] of zh) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(message));
  });

  it('leave no Chinese message empty', () => {
    for (const [key, message] of zh) expect(message.trim(), key).not.toBe('');
  });

  it('use none of the characters vue-i18n reserves for its own syntax', () => {
    for (const [key, message] of [...zh, ...english]) expect(message, key).not.toMatch(/[@$|]/);
  });

  it('name every domain value the wall can show', () => {
    const names: [string, readonly string[]][] = [
      ['categories', INCIDENT_CATEGORIES],
      ['eventTypes', EVENT_TYPES],
      ['levels', REGION_LEVELS],
      ['stationTypes', STATION_TYPES],
      ['stationStatuses', STATION_STATUSES],
      ['serviceCategories', SERVICE_CATEGORIES],
    ];
    for (const [group, values] of names) {
      for (const value of values) {
        expect(zh.has(`${group}.${value}`), `${group}.${value}`).toBe(true);
        expect(english.has(`${group}.${value}`), `${group}.${value}`).toBe(true);
      }
    }
  });

  it('name categories in Chinese on the Chinese wall', () => {
    for (const category of INCIDENT_CATEGORIES) expect(zhCN.categories[category]).toMatch(/^[\u4e00-\u9fff]+$/u);
  });
});
