/** The kinds of check an import runs; each report line names one. */
export type CheckKind =
  | 'read'
  | 'crs'
  | 'code'
  | 'name'
  | 'ring'
  | 'containment'
  | 'overlap'
  | 'gap'
  | 'station'
  | 'attribute'
  | 'store';

export type Severity = 'error' | 'warning';

export interface ReportLine {
  severity: Severity;
  check: CheckKind;
  /** The source file the line is about (relative as given), or '' for the county as a whole. */
  file: string;
  /** The region or station code concerned, when there is one. */
  code?: string;
  message: string;
  /** Where on the map, WGS-84 [lng, lat]: a vertex, an overlap's or a gap's inside point. */
  where?: [number, number];
  areaM2?: number;
  /** Set when the importer repaired the data itself (and says so here). */
  fixed?: boolean;
}

/** Every finding of one import run, in the order checks found them. */
export class ImportReport {
  readonly lines: ReportLine[] = [];

  add(line: ReportLine): void {
    this.lines.push(line);
  }

  error(check: CheckKind, file: string, message: string, extra: Partial<ReportLine> = {}): void {
    this.add({ severity: 'error', check, file, message, ...extra });
  }

  warning(check: CheckKind, file: string, message: string, extra: Partial<ReportLine> = {}): void {
    this.add({ severity: 'warning', check, file, message, ...extra });
  }

  get errors(): number {
    return this.lines.filter((line) => line.severity === 'error').length;
  }

  get warnings(): number {
    return this.lines.filter((line) => line.severity === 'warning').length;
  }

  /** Lines of one check, for tests and the summary. */
  of(check: CheckKind): ReportLine[] {
    return this.lines.filter((line) => line.check === check);
  }
}

/** Rounds a position for reports: 6 decimals is ~0.1 m, plenty to find a place. */
export const reportPoint = (position: readonly number[]): [number, number] => [
  Math.round(position[0]! * 1e6) / 1e6,
  Math.round(position[1]! * 1e6) / 1e6,
];
