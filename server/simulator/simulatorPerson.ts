import type { Rng } from '../../shared/logic/rng';

/**
 * Plausible but invented residents, members and duty staff. The sample deliberately carries full
 * names and phone numbers: it is what proves that public screens mask them.
 */
export interface SimulatorPerson {
  name: string;
  phone: string;
}

/** Common surnames, Fujian ones (林 陈 黄 郑) first and weighted up, as in a Minhou register. */
const SURNAMES = [
  '林', '陈', '黄', '郑', '王', '李', '张', '刘', '吴', '杨', '周', '徐', '许', '叶', '游', '潘', '蔡', '谢', '魏', '江',
  '赵', '孙', '朱', '高', '何', '罗', '宋', '曾', '邱', '翁', '卓', '余', '詹', '苏', '施', '方', '庄', '洪', '傅', '薛',
] as const;
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 4 ? 8 : i < 12 ? 3 : 1));

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '兰', '建', '国', '文', '辉', '志', '鹏', '晨', '欣', '婷', '雪', '颖', '宇', '浩', '凯',
  '金', '福', '海', '春', '梅', '燕', '红', '荣', '德', '清', '贵', '水', '发', '炳', '榕', '闽', '东', '忠', '昌', '嘉',
] as const;

/** 13x, 15x, 17x, 18x, 19x: the mobile prefixes in use; all match the schema's ^1[3-9][0-9]{9}$. */
const PHONE_PREFIXES = ['13', '15', '17', '18', '19'] as const;

export const simulatorName = (rng: Rng): string => {
  const surname = rng.weightedPick(SURNAMES, SURNAME_WEIGHTS);
  const first = rng.pick(GIVEN);
  return rng.chance(0.75) ? `${surname}${first}${rng.pick(GIVEN)}` : `${surname}${first}`;
};

export const simulatorPhone = (rng: Rng): string => {
  let digits = rng.pick(PHONE_PREFIXES);
  for (let i = 0; i < 9; i++) digits += String(rng.int(0, 9));
  return digits;
};

export const simulatorPerson = (rng: Rng): SimulatorPerson => ({ name: simulatorName(rng), phone: simulatorPhone(rng) });
