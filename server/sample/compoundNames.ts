import type { Rng } from '../../shared/logic/rng';

/** Auspicious first and second syllables of Fuzhou estate names (福, 榕, 闽 are local favourites). */
const FIRST = [...'福龙三闽金榕江华锦翠阳瑞兴盛嘉和康泰丰安宁祥鸿君景南东新青碧溪湖桂梅兰荷星海滨云怡'];
const SECOND = [...'龙福江山城湖溪景华庭泉峰林洲岸湾桥光源亭都悦澜翠榕荣辉'];
/** Whole place words that estates borrow: the river, the mountain, the city's nickname. */
const LANDMARKS = ['闽江', '乌龙江', '旗山', '榕城', '江滨', '滨江', '五虎山', '大学城', '溪源', '青口', '南屿', '甘蔗'];
/** Estate types, weighted towards the common ones. */
const SUFFIXES = ['小区', '花园', '新村', '苑', '家园', '公寓', '山庄', '雅居', '华庭', '嘉园', '新城', '佳苑', '名城', '丽景', '花苑', '御景', '府', '公馆'];
const SUFFIX_WEIGHTS = [10, 9, 6, 6, 5, 3, 2, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 1];
const PHASES = [...'二三四五六七八九'];
const ATTEMPTS = 24;

const prefixFor = (rng: Rng, stem: string): string => {
  const roll = rng.next();
  // Estates next to the community office often carry its name: 三福社区 → 三福小区.
  if (roll < 0.2 && stem.length >= 2 && stem.length <= 3) return stem;
  if (roll < 0.35) return rng.pick(LANDMARKS);
  const first = rng.pick(FIRST);
  let second = rng.pick(SECOND);
  // 福福, 龙龙: a doubled syllable reads like a pet name, not an estate.
  if (first === second) second = rng.pick(SECOND.filter((c) => c !== first));
  return first + second;
};

export interface CompoundNamer {
  /** A plausible compound (小区) name, unique within this namer, deterministic for the rng's draws. */
  next(rng: Rng, communityStem: string): string;
}

/**
 * Names unique across the whole county: a few random tries, then a later phase of an existing
 * estate (福龙花园二期 is as real a name as any), then a numbered one.
 */
export const createCompoundNamer = (): CompoundNamer => {
  const used = new Set<string>();
  const take = (name: string): string => {
    used.add(name);
    return name;
  };
  return {
    next: (rng, communityStem) => {
      let candidate = '';
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        candidate = prefixFor(rng, communityStem) + rng.weightedPick(SUFFIXES, SUFFIX_WEIGHTS);
        if (!used.has(candidate)) return take(candidate);
      }
      for (const phase of PHASES) if (!used.has(`${candidate}${phase}期`)) return take(`${candidate}${phase}期`);
      for (let n = 2; ; n++) if (!used.has(`${candidate}${n}区`)) return take(`${candidate}${n}区`);
    },
  };
};
