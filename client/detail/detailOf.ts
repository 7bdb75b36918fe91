import type { Incident } from '../../shared/domain/incident';
import type { Station } from '../../shared/domain/station';
import { scrubPublicText } from '../../shared/logic/privacy/scrubPublicText';
import { closedAt, isOpen, isOverdue } from '../../shared/logic/sla';
import { chineseT, type Translate } from '../i18n/Translate';
import { INCIDENT_STATUS_COLOURS, STATION_STATUS_COLOURS } from '../map/style/palette';
import { placeOf, type RegionDirectory } from '../stores/regionDirectory';
import type { Selection } from '../stores/useSelectionStore';
import { deadlineText, durationText } from '../time/durationText';
import { shanghaiTimeText } from '../time/shanghaiTimeText';
import type { RegionCardFigures } from './regionCardFigures';

/** One line of a card: a label and its value; `alert` draws it in the overdue red. */
export interface DetailRow {
  label: string;
  value: string;
  alert?: boolean;
}

/** What a detail card shows, all text already in the screen's language. */
export interface DetailCard {
  kind: Selection['kind'];
  /** What kind of thing this is (事件, 服务阵地, 社区 …), above the title. */
  kicker: string;
  title: string;
  /** The status chip, in the map's own colour for that status (map/style/palette.ts); null for a region. */
  status: { text: string; colour: string } | null;
  /** Shown beside the status: 超期 for an overdue incident. */
  flag: string | null;
  rows: DetailRow[];
  /** Timeline steps, oldest first (incidents only). */
  steps: DetailRow[];
  /** Free text (an incident's description), scrubbed for a shared screen. */
  text: string | null;
}

/** Where a card looks things up: the live store's records (as the server sent them) and the region names. */
export interface DetailSources {
  incidents: ReadonlyMap<string, Incident>;
  stations: ReadonlyMap<string, Station>;
  directory: RegionDirectory;
  /** The figures of a region (regionCardFigures.ts). */
  figures: (code: string) => RegionCardFigures;
}

const nameOf = (directory: RegionDirectory, code: string): string | null => directory.byCode.get(code)?.name ?? null;

/** The times on the entity itself, report to rating; a step not taken yet shows a dash, rating only once given. */
const stepsOf = (incident: Incident, now: number, t: Translate): DetailRow[] => {
  const times: Array<[string, number | undefined]> = [
    ['report', incident.reportedAt],
    ['accept', incident.acceptedAt],
    ['dispatch', incident.dispatchedAt],
    ['start', incident.startedAt],
    ['resolve', incident.resolvedAt],
  ];
  if (incident.ratedAt !== undefined) times.push(['rate', incident.ratedAt]);
  return times.map(([action, at]) => ({ label: t(`tablet.steps.${action}`), value: at === undefined ? t('detail.notYet') : shanghaiTimeText(at, now, t) }));
};

/** The deadline and how it stands: time left or overdue while open, met or missed once closed. */
const deadlineRow = (incident: Incident, now: number, t: Translate): DetailRow => {
  const due = shanghaiTimeText(incident.dueAt, now, t);
  if (isOpen(incident)) {
    const value = t('detail.deadlineOpen', { time: due, left: deadlineText(incident.dueAt - now, t) });
    return { label: t('detail.deadline'), value, alert: isOverdue(incident, now) };
  }
  const lateMs = closedAt(incident) - incident.dueAt;
  const verdict = lateMs > 0 ? t('detail.closedLate', { duration: durationText(lateMs, t) }) : t('detail.closedOnTime');
  return { label: t('detail.deadline'), value: t('detail.deadlineClosed', { time: due, verdict }), alert: lateMs > 0 };
};

/**
 * An incident as the wall tells it. Only what the server sent this screen is read (a display token
 * gets scrubForPublic's record); the reporter is never shown on a wall, and the description is
 * scrubbed here once more, since an operator's wall is a shared screen in a hall too.
 */
const incidentCard = (incident: Incident, sources: DetailSources, now: number, t: Translate): DetailCard => {
  const rows: DetailRow[] = [
    { label: t('detail.priority'), value: t(`tablet.priorities.${incident.priority}`) },
    { label: t('detail.place'), value: placeOf(sources.directory, incident.regionPath) || t('detail.unknown') },
    { label: t('levels.grid'), value: nameOf(sources.directory, incident.gridCode) ?? incident.gridCode },
    { label: t('detail.level'), value: t(`levels.${incident.level}`) },
    deadlineRow(incident, now, t),
  ];
  if (incident.assignee) rows.push({ label: t('detail.assignee'), value: scrubPublicText(incident.assignee, incident.reporter ? [incident.reporter.name] : []) });
  return {
    kind: 'incident',
    kicker: t('detail.kinds.incident'),
    title: t(`categories.${incident.category}`),
    status: { text: t(`tablet.statuses.${incident.status}`), colour: INCIDENT_STATUS_COLOURS[incident.status] },
    flag: isOverdue(incident, now) ? t('detail.overdue') : null,
    rows,
    steps: stepsOf(incident, now, t),
    text: scrubPublicText(incident.description, incident.reporter ? [incident.reporter.name] : []) || null,
  };
};

const hoursOf = (station: Station, t: Translate): string => {
  const { weekdayOpen, weekdayClose, extendedUntil, weekend } = station.hours;
  const extended = extendedUntil ? t('detail.extendedUntil', { time: extendedUntil }) : '';
  return `${t('detail.hoursValue', { open: weekdayOpen, close: weekdayClose })}${extended}${t(`detail.weekend.${weekend}`)}`;
};

/** A station: what it is, whether it is open, its hours and what goes on there. Never the member on duty. */
const stationCard = (station: Station, sources: DetailSources, t: Translate): DetailCard => ({
  kind: 'station',
  kicker: t('detail.kinds.station'),
  title: station.name,
  status: { text: t(`stationStatuses.${station.status}`), colour: STATION_STATUS_COLOURS[station.status] },
  flag: null,
  rows: [
    { label: t('detail.type'), value: t(`stationTypes.${station.type}`) },
    { label: t('detail.place'), value: placeOf(sources.directory, station.regionPath) || t('detail.unknown') },
    { label: t('detail.hours'), value: hoursOf(station, t) },
    { label: t('detail.activity'), value: station.activity ? scrubPublicText(station.activity, station.onDuty ? [station.onDuty.name] : []) : t('detail.noActivity') },
    { label: t('detail.onDuty'), value: t('detail.peopleValue', { count: station.onDutyCount }) },
    { label: t('detail.visitors'), value: t('detail.visitsValue', { count: station.visitors }) },
  ],
  steps: [],
  text: null,
});

const percent = (share: number | null | undefined, t: Translate): string => (share == null ? t('panels.rates.noData') : `${Math.round(share * 100)}%`);

/** A region: its name and its figures, as far as this screen knows them (regionCardFigures.ts). */
const regionCard = (code: string, sources: DetailSources, t: Translate): DetailCard => {
  const entry = sources.directory.byCode.get(code);
  const figures = sources.figures(code);
  const rows: DetailRow[] = [
    { label: t('detail.open'), value: String(figures.open) },
    { label: t('detail.overdue'), value: String(figures.overdue), alert: figures.overdue > 0 },
  ];
  if (figures.reportedToday !== undefined) rows.push({ label: t('detail.reportedToday'), value: String(figures.reportedToday) });
  if (figures.resolvedToday !== undefined) rows.push({ label: t('detail.resolvedToday'), value: String(figures.resolvedToday) });
  if (figures.resolutionRate !== undefined) rows.push({ label: t('detail.resolutionRate'), value: percent(figures.resolutionRate, t) });
  if (figures.stationsOpen !== undefined) rows.push({ label: t('detail.stationsOpen'), value: t('detail.ofTotal', { count: figures.stationsOpen, total: figures.stationsTotal ?? 0 }) });
  if (figures.volunteersOnDuty !== undefined) rows.push({ label: t('detail.volunteersOnDuty'), value: t('detail.peopleValue', { count: figures.volunteersOnDuty }) });
  if (figures.households !== undefined) rows.push({ label: t('detail.households'), value: String(figures.households) });
  return {
    kind: 'region',
    kicker: entry ? t(`levels.${entry.level}`) : t('detail.kinds.region'),
    title: entry?.name ?? code,
    status: null,
    flag: null,
    rows,
    steps: [],
    text: null,
  };
};

/**
 * The card for what is selected, built from what the screen holds: pure, so the same record and
 * clock always give the same card. Null when the record is not (or no longer) in the live store.
 */
export const detailOf = (selection: Selection, sources: DetailSources, now: number, t: Translate = chineseT): DetailCard | null => {
  switch (selection.kind) {
    case 'incident': {
      const incident = sources.incidents.get(selection.id);
      return incident ? incidentCard(incident, sources, now, t) : null;
    }
    case 'station': {
      const station = sources.stations.get(selection.id);
      return station ? stationCard(station, sources, t) : null;
    }
    case 'region':
      return regionCard(selection.code, sources, t);
  }
};
