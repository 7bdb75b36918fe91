import { Ajv, type ErrorObject } from 'ajv';
import type { FastifyInstance, FastifyError } from 'fastify';
import { errorBody } from '../errors';

/**
 * Bodies are validated strictly — no type coercion, no silently dropped extra fields — while
 * query strings and params are coerced from text. Fastify's defaults would coerce "1" to 1 in a
 * body and quietly remove unknown properties, which hides client bugs.
 */
export const installValidation = (app: FastifyInstance): void => {
  const strict = new Ajv({ discriminator: true, removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, strict: false });
  const coercing = new Ajv({ removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strict: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
  app.setSchemaErrorFormatter((errors, context) => new Error(describeValidationError(errors, context)));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const [status, code, message] = classify(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(status).send(errorBody(status, code, message));
  });
};

/** A message that names the field: "body/lng must be <= 180", "body has an unknown field 'colour'". */
export const describeValidationError = (errors: ErrorObject[], context: string): string => {
  // Inside a union (e.g. the transition actions), the branch whose discriminator matched explains best.
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'const' && e.instancePath.endsWith('/action')));
  const error = specific[0] ?? errors[0];
  if (!error) return `${context} is invalid`;
  const field = `${context}${error.instancePath}`;
  if (error.keyword === 'additionalProperties') {
    return `${field} has an unknown field '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`;
  }
  if (error.keyword === 'required') {
    return `${field}/${String((error.params as { missingProperty?: string }).missingProperty)} is required`;
  }
  if (error.keyword === 'const' && error.instancePath.endsWith('/action')) return `${field} is not a known action`;
  if (error.keyword === 'discriminator') {
    const { tag, tagValue } = error.params as { tag?: string; tagValue?: unknown };
    return `${field}/${String(tag)} ${JSON.stringify(tagValue)} is not one of the known values`;
  }
  return `${field} ${error.message ?? 'is invalid'}`;
};

const classify = (error: FastifyError): [number, string, string] => {
  if (error.validation) return [400, 'validation_failed', error.message];
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [413, 'body_too_large', error.message];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return [415, 'unsupported_media_type', 'send application/json'];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return [400, 'empty_body', 'the JSON body is empty'];
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return [400, 'invalid_content_length', error.message];
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return [400, 'invalid_json', `the body is not valid JSON: ${error.message}`];
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return [status, error.code ?? 'bad_request', error.message];
  return [500, 'internal_error', 'internal error'];
};
