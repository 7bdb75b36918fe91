import type { IncidentCategory } from '../../shared/domain/incident';

interface CategoryTexts {
  /** What a reporter writes. */
  descriptions: readonly string[];
  /** The unit a case of this kind is dispatched to (派单对象). */
  units: readonly string[];
  /** What the handler writes when closing it (办结说明). */
  resolutions: readonly string[];
}

/** The wording of the sample county, in the users' own language. */
export const simulatorTexts: {
  categories: Readonly<Record<IncidentCategory, CategoryTexts>>;
  escalationReasons: readonly string[];
  rateNotes: readonly string[];
  wishes: readonly { title: string; description: string }[];
  activities: readonly string[];
} = {
  categories: {
    dispute: {
      descriptions: ['邻里因楼道堆物发生争吵', '楼上漏水引发上下楼纠纷', '物业费缴纳争议', '装修噪音扰民引发矛盾'],
      units: ['社区人民调解委员会', '网格调解小组'],
      resolutions: ['经调解双方达成一致', '已组织双方协商，签订调解协议'],
    },
    illegal_construction: {
      descriptions: ['顶楼违规搭建彩钢棚', '一楼住户私自扩建院墙', '小区绿地被占用搭建储物间'],
      units: ['综合执法队', '街道两违整治办'],
      resolutions: ['违建已拆除', '已责令限期整改并完成拆除'],
    },
    disorder: {
      descriptions: ['小区门口流动摊贩占道经营', '楼道乱贴小广告', '沿街店铺出店经营'],
      units: ['城管中队', '物业服务中心'],
      resolutions: ['已劝离摊贩并加强巡查', '小广告已清理'],
    },
    sanitation: {
      descriptions: ['垃圾桶满溢未及时清运', '绿化带内堆积建筑垃圾', '楼道内有卫生死角', '雨水井堵塞散发异味'],
      units: ['环卫所', '物业服务中心'],
      resolutions: ['垃圾已清运', '已安排保洁人员清理完毕'],
    },
    facility: {
      descriptions: ['路灯不亮', '井盖松动破损', '小区健身器材损坏', '楼道声控灯失灵', '供水管道漏水'],
      units: ['市政维护队', '物业工程部', '供水抢修队'],
      resolutions: ['已更换灯具，恢复照明', '井盖已更换', '管道已修复'],
    },
    safety: {
      descriptions: ['楼道内电动车违规充电', '消防通道被车辆堵塞', '老旧电线裸露存在隐患', '灭火器过期未更换'],
      units: ['消防安全网格组', '社区安全员', '物业工程部'],
      resolutions: ['隐患已排除', '已清理消防通道并张贴提示', '已更换灭火器'],
    },
    parking: {
      descriptions: ['车辆占用消防通道停放', '非机动车乱停放', '僵尸车长期占用车位'],
      units: ['交警中队', '物业服务中心'],
      resolutions: ['已联系车主挪车', '僵尸车已拖移'],
    },
    livelihood: {
      descriptions: ['咨询医保缴费事宜', '反映小区电梯加装进度', '申请困难救助', '希望增设便民菜点'],
      units: ['社区居委会', '街道便民服务中心'],
      resolutions: ['已电话答复并上门指导办理', '已转相关部门并反馈居民'],
    },
    care: {
      descriptions: ['独居老人多日未出门', '残疾人家庭需要上门帮扶', '留守儿童放学无人看护'],
      units: ['社区养老服务站', '社区网格员', '妇联执委'],
      resolutions: ['已上门探访，老人身体无恙', '已对接志愿者结对帮扶'],
    },
    epidemic: {
      descriptions: ['外来人员未登记', '发热人员需要上门排查'],
      units: ['社区卫生服务中心', '社区防控小组'],
      resolutions: ['已完成登记', '已上门核查并指导就医'],
    },
    customs: {
      descriptions: ['小区内搭设灵棚影响通行', '婚庆燃放烟花爆竹扰民'],
      units: ['红白理事会', '社区居委会'],
      resolutions: ['已劝导简办并恢复通行', '已上门宣传移风易俗'],
    },
  },
  escalationReasons: ['涉及多个部门，需上级协调', '网格力量无法处置，申请上报', '社区吹哨，请求部门报到', '群众多次反映，提级办理'],
  rateNotes: ['处理及时，很满意', '网格员态度很好', '问题已解决', '希望以后更快一些'],
  wishes: [
    { title: '想要一台旧电脑学习用', description: '孩子上网课需要电脑' },
    { title: '帮忙修理轮椅', description: '轮椅刹车失灵，出门不便' },
    { title: '希望有人陪伴聊天', description: '独居老人，子女在外地' },
    { title: '辅导孩子功课', description: '三年级数学，每周一次' },
    { title: '上门理发', description: '老人行动不便' },
    { title: '教老人用智能手机', description: '想学会视频通话和扫码' },
    { title: '一套小学课外书', description: '希望孩子多读书' },
    { title: '代购降压药', description: '腿脚不便，无法去药店' },
  ],
  activities: ['义诊', '邻里党课', '议事会', '政策宣讲', '法律咨询', '亲子阅读'],
};
