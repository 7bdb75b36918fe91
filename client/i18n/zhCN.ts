import type { EventType } from '../../shared/domain/event';
import type { IncidentCategory } from '../../shared/domain/incident';
import type { RegionLevel } from '../../shared/domain/region';
import type { StationStatus, StationType } from '../../shared/domain/station';
import type { ServiceCategory } from '../../shared/domain/volunteer';
import type { ConnectionState } from '../realtime/ConnectionStatus';

/**
 * The wall's Chinese text, the source every other locale mirrors (see MessageSchema). Domain
 * names are typed by the domain's own unions, so a new category cannot ship without a label.
 * vue-i18n reserves { } @ $ |: placeholders are {name}; none of the others is used.
 */
export const zhCN = {
  frame: {
    defaultTitle: '闽侯县城市基层治理指挥中心',
    backUp: '返回上级',
    breadcrumbLabel: '当前区域',
    dataAgeSeconds: '数据 {seconds} 秒前',
    dataAgeMinutes: '数据 {minutes} 分钟前',
    staleBanner: '数据已停止更新 — 自 {time}',
    connection: {
      connecting: '连接中',
      live: '实时',
      catching_up: '同步中',
      stale: '数据延迟',
      offline: '离线',
    } satisfies Record<ConnectionState, string>,
  },
  levels: {
    county: '县',
    street: '街道',
    community: '社区',
    compound: '小区',
    grid: '网格',
  } satisfies Record<RegionLevel, string>,
  units: {
    items: '件',
    people: '人',
    personTimes: '人次',
    hours: '小时',
    minutes: '分钟',
  },
  panels: {
    organisation: {
      title: '组织覆盖',
      coverage: '支部覆盖率',
      coverageDetail: '{withBranch} / {total} 个小区建有支部',
      households: '户数',
      residents: '人口',
      partyMembers: '党员',
    },
    incidents: {
      title: '事件办理',
      reportedToday: '今日上报',
      open: '待办',
      overdue: '超期',
      resolvedToday: '今日办结',
    },
    rates: {
      title: '受理与办结',
      acceptance: '受理率',
      resolution: '办结率',
      satisfaction: '满意度',
      satisfactionValue: '{score} 分',
      meanResolve: '平均办结',
      noData: '暂无',
    },
    trend: {
      title: '24 小时事件趋势',
      reported: '上报',
      resolved: '办结',
      hour: '{hour}时',
    },
    category: {
      title: '今日事件类型',
    },
    ranking: {
      titles: {
        street: '下辖街道待办排名',
        community: '下辖社区待办排名',
        compound: '下辖小区待办排名',
        grid: '下辖网格待办排名',
      } satisfies Record<Exclude<RegionLevel, 'county'>, string>,
      titleAny: '下辖区域待办排名',
      aside: '按待办 · 前 {count} 名',
      overdue: '超期',
      none: '无下辖区域',
    },
    stations: {
      title: '阵地运行',
      openNow: '开放中',
      total: '共 {total} 个阵地',
      onDuty: '在岗人员',
      visitors: '当前到访',
    },
    volunteers: {
      title: '党员志愿服务',
      onDuty: '在岗志愿者',
      checkinsToday: '今日报到',
      hoursMonth: '本月服务时长',
    },
    wishes: {
      title: '微心愿',
      posted: '居民点单',
      claimed: '党员接单',
      fulfilled: '心愿实现',
    },
  },
  board: {
    title: '实时动态',
    time: '时间',
    place: '地点',
    category: '类型',
    status: '状态',
    waiting: '等待新的动态…',
    wish: '微心愿',
    overdue: '超期',
    urgent: '紧急',
  },
  categories: {
    dispute: '矛盾纠纷',
    illegal_construction: '违章搭建',
    disorder: '两乱整治',
    sanitation: '环境卫生',
    facility: '设施损坏',
    safety: '安全隐患',
    parking: '停车管理',
    livelihood: '民生诉求',
    care: '特殊人群关爱',
    epidemic: '疫情防控',
    customs: '移风易俗',
  } satisfies Record<IncidentCategory, string>,
  eventTypes: {
    'incident:reported': '上报',
    'incident:accepted': '受理',
    'incident:dispatched': '派单',
    'incident:started': '处置',
    'incident:resolved': '办结',
    'incident:escalated': '提级',
    'incident:rated': '评价',
    'station:statusChanged': '状态变更',
    'volunteer:checkedIn': '报到',
    'volunteer:checkedOut': '签退',
    'wish:posted': '点单',
    'wish:claimed': '接单',
    'wish:fulfilled': '实现',
  } satisfies Record<EventType, string>,
  stationTypes: {
    party_service_center: '党群服务中心',
    compound_room: '党群活动室',
    red_station: '红色驿站',
    neighbourhood_center: '邻里中心',
    civility_station: '文明实践站',
    elderly_care: '颐康服务站',
    canteen: '长者饭堂',
    legal_aid: '法律服务站',
  } satisfies Record<StationType, string>,
  stationStatuses: {
    open: '开放',
    extended: '延时服务',
    closed: '关闭',
    fault: '故障',
  } satisfies Record<StationStatus, string>,
  serviceCategories: {
    policy: '政策宣讲',
    civility: '文明劝导',
    opinions: '民意收集',
    clinic: '义诊',
    epidemic: '疫情防控',
    elder_help: '助老',
    tutoring: '课业辅导',
    mediation: '矛盾调解',
  } satisfies Record<ServiceCategory, string>,
};
