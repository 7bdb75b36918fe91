import { describe, expect, it, vi } from 'vitest';
import { claimSessionToken, SESSION_TOKEN_KEY, sessionToken } from '../../../client/api/claimSessionToken';
import { memoryStorage } from '../outbox/outboxHarness';

const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic3RyZWV0In0.c2lnbmF0dXJl';

/** A tab at `href`: its sessionStorage and the addresses history.replaceState was given. */
const tabAt = (href: string, storage = memoryStorage()) => {
  const shown: string[] = [];
  return { sources: { href, storage, replaceUrl: (url: string) => shown.push(url) }, storage, shown };
};

describe('claimSessionToken', () => {
  it('takes the token off the address bar, keeping every other parameter and the hash', () => {
    const tab = tabAt(`http://10.0.0.5:8080/?token=${TOKEN}&screen=tablet#list`);
    expect(claimSessionToken(tab.sources)).toBe(TOKEN);
    expect(tab.shown).toEqual(['/?screen=tablet#list']);
    expect(sessionToken()).toBe(TOKEN);
  });

  it('keeps the token for this tab, so a reload (no token in the address) still has it', () => {
    const first = tabAt(`http://10.0.0.5:8080/?token=${TOKEN}`);
    claimSessionToken(first.sources);
    expect(first.storage.getItem(SESSION_TOKEN_KEY)).toBe(TOKEN);
    const reload = tabAt('http://10.0.0.5:8080/?screen=tablet', first.storage);
    expect(claimSessionToken(reload.sources)).toBe(TOKEN);
    expect(reload.shown).toEqual([]);
  });

  it('prefers a new token in the address to the one kept before', () => {
    const tab = tabAt(`http://h/?token=${TOKEN}`);
    claimSessionToken(tab.sources);
    const newer = `${TOKEN}x`;
    expect(claimSessionToken(tabAt(`http://h/?token=${newer}`, tab.storage).sources)).toBe(newer);
  });

  it('strips a malformed token from the address without keeping it', () => {
    const tab = tabAt('http://h/?token=%3Cscript%3E');
    expect(claimSessionToken(tab.sources)).toBeNull();
    expect(tab.shown).toEqual(['/']);
    expect(tab.storage.getItem(SESSION_TOKEN_KEY)).toBeNull();
  });

  it('still works for this page when storage is unavailable, and says a reload will not keep it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const denied = () => {
      throw new Error('denied');
    };
    const { sources } = tabAt(`http://h/?token=${TOKEN}`);
    expect(claimSessionToken({ ...sources, storage: { getItem: denied, setItem: denied } })).toBe(TOKEN);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(claimSessionToken({ ...tabAt('http://h/').sources, storage: null })).toBeNull();
  });
});
