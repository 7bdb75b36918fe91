import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Incident } from '../../shared/domain/incident';
import { SHANGHAI_OFFSET_MS } from '../../shared/logic/shanghaiTime';
import type { Audience } from '../../shared/logic/shapeForAudience';
import type { Cell, ExportColumn, RowContext } from './incidentColumns';
import { rowOf } from './incidentColumns';

/** XLSX dates have no zone: the cell holds Shanghai wall-clock time, as the operator expects to read it. */
const cellValue = (cell: Cell): ExcelJS.CellValue => {
  if (cell !== null && typeof cell === 'object') return new Date(cell.timeMs + SHANGHAI_OFFSET_MS);
  return cell;
};

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Pipe = { writableLength?: number; writableHighWaterMark?: number };
/**
 * exceljs hands each committed row's XML to the zip without waiting for it (its StreamBuf writes
 * ignore backpressure), so the rows a slow deflate has not taken yet pile up in the zip's input.
 * That backlog is what we pace on; it is read defensively, as exceljs does not document it.
 */
const zipBacklog = (sheet: ExcelJS.Worksheet): { bytes: number; limit: number } => {
  const stream = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream;
  const pipe = stream?.pipes?.[0];
  return { bytes: pipe?.writableLength ?? 0, limit: pipe?.writableHighWaterMark ?? 0 };
};

/** Waits while the zip's input or the client's side is behind: memory holds about one page, never the file. */
const behind = (sheet: ExcelJS.Worksheet, out: PassThrough) => {
  const backlog = zipBacklog(sheet);
  return backlog.bytes > Math.max(backlog.limit, 1 << 20) || out.writableLength > out.writableHighWaterMark;
};

/**
 * An XLSX stream through exceljs's streaming WorkbookWriter: each row is committed (written out and
 * forgotten) as it is made, no shared-strings table grows, and the next page is read only once the
 * client has taken what was written, so memory stays flat whatever the row count.
 */
export const incidentsXlsx = (pages: AsyncIterable<Incident[]>, audience: Audience, columns: ExportColumn[], context: RowContext): Readable => {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('incidents', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width, style: c.key.endsWith('_at') ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {} }));
  const write = async () => {
    for await (const page of pages) {
      for (const incident of page) sheet.addRow(rowOf(incident, audience, columns, context).map(cellValue)).commit();
      // Let the zip deflate what was written, and wait while it or the client is behind (backpressure).
      do {
        if (out.writableLength > out.writableHighWaterMark) await once(out, 'drain');
        else await nextTick();
      } while (!out.destroyed && behind(sheet, out));
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
};
