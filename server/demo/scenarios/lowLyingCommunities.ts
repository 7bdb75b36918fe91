import type { Region } from '../../../shared/domain/region';

/**
 * Where a typhoon floods first. The sample county has no elevation data, so "low-lying" is read
 * off the real community names, which say where they stand: 滨江 / 滨河 / 滨城 (on the riverbank),
 * 临江 (facing the river), 洲 (a river islet or shoal: 瀛洲, 古山洲, 三洲) and 浦 (a waterside
 * inlet: 浦里). In Minhou these are the communities along the Min River and its Wulong branch.
 * A documented proxy, not a flood map.
 */
export const LOW_LYING_NAME = /滨江|滨河|滨城|临江|洲|浦/;

export const lowLyingCommunities = (regions: readonly Region[]): Set<string> =>
  new Set(regions.filter((r) => r.level === 'community' && LOW_LYING_NAME.test(r.name)).map((r) => r.code));
