import { describe, expect, it } from 'vitest';
import { chooseScreen, unverifiedRoleOf } from '../../../client/screens/chooseScreen';
import { signToken } from '../../../server/auth/tokens';

const tokenOf = (role: 'street' | 'display' | 'operator' | 'presenter', subject?: string) =>
  signToken({ role, scope: role === 'street' ? '350121001' : '350121', ttlSeconds: 60, now: Date.now(), ...(subject ? { subject } : {}) }, 'secret').token;

describe('chooseScreen', () => {
  it('opens the tablet for a street leader’s token and the wall for the others', () => {
    expect(chooseScreen('', tokenOf('street'))).toBe('tablet');
    expect(chooseScreen('', tokenOf('operator'))).toBe('wall');
    expect(chooseScreen('', tokenOf('display'))).toBe('wall');
    expect(chooseScreen('', null)).toBe('wall');
  });

  it('follows the link when it names the screen', () => {
    expect(chooseScreen('?screen=tablet', tokenOf('operator'))).toBe('tablet');
    expect(chooseScreen('?screen=tablet', null)).toBe('tablet');
    expect(chooseScreen('?screen=wall', tokenOf('street'))).toBe('wall');
    expect(chooseScreen('?screen=presenter', tokenOf('street'))).toBe('presenter');
    expect(chooseScreen('?screen=presenter', null)).toBe('presenter');
    expect(chooseScreen('?screen=console', tokenOf('street'))).toBe('tablet');
  });

  it('opens the presenter’s remote for a presenter’s token, unless the link asks for the wall', () => {
    expect(chooseScreen('', tokenOf('presenter'))).toBe('presenter');
    expect(chooseScreen('?screen=wall', tokenOf('presenter'))).toBe('wall');
  });

  it('reads the role from the claims, Chinese subjects included, and shrugs at garbage', () => {
    expect(unverifiedRoleOf(tokenOf('street', '甘蔗街道书记'))).toBe('street');
    expect(unverifiedRoleOf('not-a-token')).toBeNull();
    expect(unverifiedRoleOf('a.%%%.c')).toBeNull();
    expect(chooseScreen('', 'a.b.c')).toBe('wall');
  });
});
