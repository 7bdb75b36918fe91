import type { ErrorObject } from 'ajv';
import { tourStopLabel } from '../../shared/logic/tour/checkTourStops';

/**
 * One Ajv error of a tour file as a person fixes it: the stop by number and id, then the field,
 * e.g. `stop 3 "sanfu-centre": durationSec must be >= 5`.
 */
export const describeTourSchemaError = (errors: readonly ErrorObject[], file: unknown): string => {
  // Inside a union of literals (layers, panels) the `anyOf` error says nothing; its branches list the values.
  const error = errors.find((e) => e.keyword !== 'anyOf') ?? errors[0];
  if (!error) return 'the tour is invalid';
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  const [head, stopIndex, ...rest] = segments;
  if (head === 'stops' && stopIndex !== undefined && /^[0-9]+$/.test(stopIndex)) {
    const index = Number(stopIndex);
    const stop = (file as { stops?: { id?: unknown }[] }).stops?.[index];
    return `${tourStopLabel(index, stop?.id)}: ${describeField(fieldName(rest), error, errors)}`;
  }
  return describeField(fieldName(segments), error, errors);
};

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** `caption/title/zh` → `caption.title.zh`, `highlight/layers/0` → `highlight.layers[0]`. */
const fieldName = (segments: readonly string[]): string =>
  segments.reduce((name, s) => (/^[0-9]+$/.test(s) ? `${name}[${s}]` : name ? `${name}.${s}` : s), '');

const describeField = (field: string, error: ErrorObject, all: readonly ErrorObject[]): string => {
  const subject = field || 'the tour';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${field ? `${field} has` : 'has'} an unknown field '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`;
    case 'required': {
      const missing = String((error.params as { missingProperty?: string }).missingProperty);
      return `${field ? `${field}.` : ''}${missing} is required`;
    }
    case 'const': {
      const allowed = all
        .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath)
        .map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue));
      return allowed.length === 1 ? `${subject} must be ${allowed[0]}` : `${subject} must be one of ${allowed.join(', ')}`;
    }
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
};
