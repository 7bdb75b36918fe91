/** Administrative suffixes, longest first so '社区居委会' is removed whole rather than as '居委会'. */
const SUFFIXES = ['社区居委会', '村民委员会', '居委会', '村委会', '生活区', '街道', '社区', '农场', '村会', '镇', '乡', '村'];

/** The place name without its administrative suffix: 三福社区 → 三福, 南屿镇 → 南屿, 青岐村委会 → 青岐. */
export const nameStem = (name: string): string => {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length + 1) return name.slice(0, -suffix.length);
  }
  return name;
};

/**
 * The everyday name of a community for station signs: 瀛洲社区居委会 → 瀛洲社区, 青岐村委会 → 青岐村,
 * 际兜村村民委员会 → 际兜村 (the statistical list spells the committee, signs name the place).
 */
export const everydayName = (name: string): string => {
  if (name.endsWith('居委会')) return name.slice(0, -3);
  for (const suffix of ['村村民委员会', '村民委员会', '村委会', '村会']) {
    if (name.endsWith(suffix) && name.length > suffix.length) return `${name.slice(0, -suffix.length)}村`;
  }
  return name;
};
