import { Readable } from 'node:stream';
import type { Incident } from '../../shared/domain/incident';
import { shanghaiLocal } from './shanghaiIso';
import type { Cell, ExportColumn, RowContext } from './incidentColumns';
import { rowOf } from './incidentColumns';
import type { Audience } from '../../shared/logic/shapeForAudience';

/** Excel only takes a CSV as UTF-8 (and so shows Chinese) when it starts with the byte-order mark. */
const BOM = '\uFEFF';

const text = (cell: Cell): string => {
  if (cell === null) return '';
  if (typeof cell === 'object') return shanghaiLocal(cell.timeMs);
  return String(cell);
};

/**
 * RFC 4180 quoting; a cell starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet shows a resident's text instead of running it as a formula (CSV injection).
 */
export const csvField = (cell: Cell): string => {
  let value = text(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

const line = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** A CSV stream: BOM and header, then one chunk per page of incidents, pulled as the client reads. */
export const incidentsCsv = (pages: AsyncIterable<Incident[]>, audience: Audience, columns: ExportColumn[], context: RowContext): Readable => {
  async function* chunks() {
    yield Buffer.from(BOM + line(columns.map((c) => c.header)));
    for await (const page of pages) yield Buffer.from(page.map((incident) => line(rowOf(incident, audience, columns, context))).join(''));
  }
  return Readable.from(chunks(), { objectMode: false });
};
