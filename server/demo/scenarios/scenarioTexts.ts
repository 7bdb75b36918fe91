/**
 * The wording of the scripted scenarios, in the users' own language. Every person named in a
 * scenario is generated (server/simulator/simulatorPerson), never a real resident.
 */
export const scenarioTexts = {
  typhoon: {
    /** What grid workers, water-level sensors and callers to 12345 report as the storm comes in. */
    descriptions: [
      '地下车库进水，水位持续上涨',
      '沿江路段积水约30厘米，车辆无法通行',
      '低洼小区一楼住户家中进水',
      '行道树被大风刮倒，压住路边电线',
      '广告牌松动，有坠落危险',
      '围墙出现裂缝，有倒塌风险',
      '雨水井堵塞，路面积水严重',
      '老旧房屋漏雨，独居老人需要转移',
      '临时工棚人员需要转移',
      '江边水位逼近警戒线，河道巡查发现险情',
      '配电箱进水，存在触电隐患',
      '地下通道积水，已设置临时警示',
    ],
    /** Who takes the case (派单对象) in a flood-control drill. */
    units: ['街道防汛抢险队', '社区应急分队', '消防救援站', '供电抢修队', '市政排水队', '园林绿化抢险组'],
    resolutions: [
      '积水已排除，道路恢复通行',
      '已转移群众至临时避险点',
      '倒伏树木已清理，线路已恢复',
      '广告牌已拆除，现场拉设警戒线',
      '已设置沙袋围挡，抽水作业完成',
      '配电箱已断电检修，隐患排除',
    ],
    acceptNote: '防汛应急响应，网格员已到场核实',
    shelterActivity: '台风临时避险点',
  },
  homeDay: {
    stationActivity: '回家日·党员报到',
    /** Wishes residents post for 回家日 when too few are waiting to be claimed. */
    wishes: [
      { title: '帮忙搬运旧家具', description: '家中无青壮年劳力' },
      { title: '陪老人去医院复查', description: '子女在外地工作' },
      { title: '修理漏水的水龙头', description: '独居老人，不会修理' },
      { title: '给孩子讲讲党史故事', description: '希望孩子多了解家乡' },
    ],
  },
} as const;
