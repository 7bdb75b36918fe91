import { Ajv, type ErrorObject } from 'ajv';
import type { FastifyInstance, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { codeForStatus, isErrorCode, type ErrorCode } from '../errorCodes';
import { ApiError, errorBody } from '../errors';

/**
 * Bodies are validated strictly — no type coercion, no silently dropped extra fields — while
 * query strings and params are coerced from text. Fastify's defaults would coerce "1" to 1 in a
 * body and quietly remove unknown properties, which hides client bugs. Every error, whatever
 * raised it (a schema, a parser, the router, a plugin, a bug), leaves through `classify` with a
 * code of ERROR_CODES.
 */
export const installValidation = (app: FastifyInstance): void => {
  const strict = new Ajv({ discriminator: true, removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, strict: false });
  const coercing = new Ajv({ removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strict: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
  app.setSchemaErrorFormatter((errors, context) => new Error(describeValidationError(errors, context)));
  installJsonParser(app);
  app.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));
};

/** For Fastify's `frameworkErrors` option: bad percent-encoding and over-long params, before any route. */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => answerError(error, request, reply);

const answerError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  const [status, code, message] = classify(error);
  if (status >= 500 && code === 'internal_error') request.log.error({ err: error }, 'request failed');
  void reply.code(status).send(errorBody(status, code, message));
};

/**
 * RFC 8259 forbids a byte-order mark in JSON on the wire; the parser Fastify uses would drop it
 * silently, so a client that sends one would never learn. Refused, with the reason, as invalid_json.
 */
const installJsonParser = (app: FastifyInstance) => {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.charCodeAt(0) === 0xfeff) {
      return done(new ApiError(400, 'invalid_json', 'the body starts with a UTF-8 byte-order mark (U+FEFF); send JSON without it'), undefined);
    }
    parse(request, text, done);
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

/** Fastify's own codes, each to ours. */
const FRAMEWORK: Record<string, [number, ErrorCode, string?]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'send application/json'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'send application/json'],
  FST_ERR_CTP_EMPTY_TYPE: [415, 'unsupported_media_type', 'send application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', 'the JSON body is empty'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length'],
  FST_ERR_BAD_URL: [400, 'invalid_url'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri_too_long'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request'],
  FST_ERR_NOT_FOUND: [404, 'route_not_found'],
};

export const classify = (error: FastifyError): [number, ErrorCode, string] => {
  if (error instanceof ApiError && isErrorCode(error.code)) return [error.statusCode, error.code, error.message];
  if (error.validation) return [400, 'validation_failed', error.message];
  const known = error.code ? FRAMEWORK[error.code] : undefined;
  if (known) return [known[0], known[1], known[2] ?? error.message];
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return [400, 'invalid_json', `the body is not valid JSON: ${error.message}`];
  }
  const status = Number.isInteger(error.statusCode) && (error.statusCode ?? 0) >= 400 && (error.statusCode ?? 0) <= 599 ? (error.statusCode as number) : 500;
  // A plugin's 503 (overload, closing) keeps its status and Retry-After; any other 5xx is a bug.
  if (status >= 500 && status !== 503) return [500, 'internal_error', 'internal error'];
  const code = isErrorCode(error.code) ? error.code : codeForStatus(status);
  return [status, code, error.message || (STATUS_CODES[status] ?? 'error')];
};

/**
 * For Fastify's `clientErrorHandler`: what Node's parser refuses (broken request lines, headers too
 * large, a request that timed out) is answered as JSON with our codes, then the connection goes.
 */
export const clientErrorHandler = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(errorBody(status, codeForStatus(status), status === 400 ? 'the request is not valid HTTP' : (STATUS_CODES[status] ?? 'error')));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
};
