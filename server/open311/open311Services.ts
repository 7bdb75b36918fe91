import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../shared/domain/incident';

/** Our incident categories as Open311 services: the service_code is the category. */
const NAMES: Record<IncidentCategory, { name: string; description: string; keywords: string; group: string }> = {
  dispute: { name: '矛盾纠纷', description: 'Disputes between neighbours, tenants or businesses (mediation)', keywords: 'dispute,mediation,纠纷', group: 'community' },
  illegal_construction: { name: '违章搭建', description: 'Illegal construction or occupation (两违)', keywords: 'construction,两违,搭建', group: 'urban' },
  disorder: { name: '两乱', description: 'Street vending, clutter, posters', keywords: 'vending,clutter,乱摆,乱贴', group: 'urban' },
  sanitation: { name: '环境卫生', description: 'Litter, overflowing bins, dirty public spaces', keywords: 'litter,garbage,卫生', group: 'urban' },
  facility: { name: '设施损坏', description: 'Broken street lights, pipes, manhole covers, benches', keywords: 'streetlight,pothole,设施', group: 'urban' },
  safety: { name: '安全隐患', description: 'Fire hazards, flooding, unsafe structures', keywords: 'fire,flood,hazard,隐患', group: 'safety' },
  parking: { name: '停车', description: 'Illegal or obstructive parking', keywords: 'parking,停车', group: 'urban' },
  livelihood: { name: '民生诉求', description: 'Requests about daily life services', keywords: 'services,民生', group: 'community' },
  care: { name: '特殊人群关爱', description: 'A vulnerable person who needs a visit or help', keywords: 'elderly,care,关爱', group: 'community' },
  epidemic: { name: '疫情防控', description: 'Epidemic control tasks', keywords: 'epidemic,疫情', group: 'safety' },
  customs: { name: '移风易俗', description: 'Customs reform: lavish ceremonies, superstition', keywords: 'customs,移风易俗', group: 'community' },
};

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** No extra attributes are asked for: a definition exists for every service but lists none. */
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export const isServiceCode = (code: string): code is IncidentCategory => (INCIDENT_CATEGORIES as readonly string[]).includes(code);

export const serviceNameOf = (code: IncidentCategory): string => NAMES[code].name;

export const SERVICES: Open311Service[] = INCIDENT_CATEGORIES.map((code) => ({
  service_code: code,
  service_name: NAMES[code].name,
  description: NAMES[code].description,
  metadata: false,
  type: 'realtime',
  keywords: NAMES[code].keywords,
  group: NAMES[code].group,
}));

/** services/{code}: the definition of a service without attributes. */
export const serviceDefinitionOf = (code: IncidentCategory) => ({ service_code: code, attributes: [] as unknown[] });
