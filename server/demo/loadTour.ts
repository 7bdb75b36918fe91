import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { Ajv } from 'ajv';
import { TourFile } from '../../shared/contract/demo';
import { checkTourStops } from '../../shared/logic/tour/checkTourStops';
import { ConfigError } from '../ConfigError';
import type { CountyIndex } from '../county/CountyIndex';
import { describeTourSchemaError } from './describeTourSchemaError';
import { locateJsonError } from './tourJsonError';

// Strict like request bodies: no coercion, no defaults, unknown fields are errors (a typo is not ignored).
const validate = new Ajv({ removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, strict: false }).compile<TourFile>(TourFile);

/**
 * Reads the tour file and checks it against the schema and against the county on screen. Anything
 * wrong refuses the start with a ConfigError naming the file and the bad stop, so a rehearsal never
 * discovers a typo in front of a delegation.
 */
export const loadTour = async (file: string, county: Pick<CountyIndex, 'get'>): Promise<TourFile> => {
  const shown = shownPath(file);
  const fail = (message: string) => new ConfigError(`tour file ${shown}: ${message}`);
  const unreadable = (message: string) => new ConfigError(`tour file ${shown} ${message}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw unreadable(parsed.message);
  if (!validate(parsed.value)) throw fail(describeTourSchemaError(validate.errors ?? [], parsed.value));
  const problem = checkTourStops(parsed.value, (code) => county.get(code) !== undefined);
  if (problem) throw fail(problem);
  return parsed.value;
};

/** Relative to the working directory when inside it, as people type it in TOUR_FILE. */
const shownPath = (file: string): string => {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : file;
};

/** A byte-order mark (some Windows editors write one) is not an error worth refusing a start for. */
const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; message: string } => {
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    const { line, column, found } = locateJsonError(json);
    return { ok: false, message: `is not valid JSON: unexpected ${found} at line ${line}, column ${column}` };
  }
};
