/**
 * Every `error` code the API answers with, and what it means. The README's error table is this
 * list; the fuzz test fails on any response whose code is not here, so a new code is added here first.
 */
export const ERROR_CODES = {
  // Request shape: framework and parser errors, mapped by the one error handler (plugins/validation.ts).
  bad_request: 'the request is malformed in a way no more specific code covers',
  validation_failed: 'a field is missing, of the wrong type, out of range or unknown; the message names it',
  invalid_json: 'the body is not JSON (syntax, a byte-order mark, or __proto__/constructor keys)',
  empty_body: 'content-type is application/json but the body is empty',
  invalid_content_length: 'the content-length header does not match the body',
  body_too_large: 'the body is larger than BODY_LIMIT_BYTES',
  unsupported_media_type: 'the body is not application/json',
  invalid_url: 'the path is not valid percent-encoding',
  uri_too_long: 'a path parameter is longer than the router allows',
  headers_too_large: 'the request headers are too large',
  request_timeout: 'the request did not arrive completely in time',
  route_not_found: 'no route has this method and path',
  method_not_allowed: 'the path exists, but not with this method',
  not_found: 'the thing asked for does not exist',
  invalid_idempotency_key: 'the Idempotency-Key header is empty, too long or not printable ASCII',
  idempotency_key_reused: 'the Idempotency-Key was used before with another body',
  // Who may do what.
  unauthorized: 'no token, or a token that is malformed, wrongly signed, expired or revoked',
  forbidden: 'the token is valid, but its role may not do this',
  out_of_scope: 'the token may act only inside its own scope',
  invalid_scope: 'the scope of a token to issue is not a region of this county',
  expires_at_in_past: 'a revocation would expire before now (so would not hold across a restart)',
  rate_limited: 'too many requests from this token or address; retry after Retry-After seconds',
  // Domain refusals.
  conflict: 'the request conflicts with the current state',
  unprocessable: 'the request is well-formed but cannot be carried out',
  duplicate_id: 'a client-chosen id is already taken',
  incident_not_found: 'no incident with this id (in this token’s scope)',
  station_not_found: 'no station with this id (in this token’s scope)',
  checkin_not_found: 'no check-in with this id (in this token’s scope)',
  wish_not_found: 'no wish with this id (in this token’s scope)',
  region_not_found: 'no region with this code (in this token’s scope)',
  grid_not_found: 'no grid with this code, or no grid contains the point',
  place_required: 'an incident needs a point or a grid code',
  outside_jurisdiction: 'the point lies outside the county',
  invalid_command: 'the action’s fields do not fit the entity as it is',
  illegal_transition: 'the entity’s state does not allow this action now',
  no_higher_level: 'an incident at the top level cannot be escalated further',
  already_checked_in: 'this member is already on duty',
  already_checked_out: 'this check-in has already ended',
  invalid_points: 'the points of a check-out are out of range',
  no_active_alarm: 'there is no active alarm to acknowledge',
  unknown_scenario: 'no demo scenario with this id',
  scenario_running: 'a demo scenario is still running',
  resetting: 'a reset to morning is under way',
  reset_failed: 'the reset to morning failed; nothing changed',
  demo_unavailable: 'demo commands are not available on this server',
  tour_unavailable: 'this server has no guided tour',
  // The server's own state.
  store_unavailable: 'the event store cannot make writes durable right now; retry after Retry-After',
  service_unavailable: 'the server is overloaded or not able to answer now; retry after Retry-After',
  shutting_down: 'the server is restarting; retry shortly',
  not_ready: 'the server is not ready to take traffic',
  internal_error: 'a bug: the server logged it',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/** What an error of a status means when nothing more specific is known (framework and plugin errors). */
export const codeForStatus = (status: number): ErrorCode => {
  const byStatus: Record<number, ErrorCode> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    408: 'request_timeout',
    409: 'conflict',
    413: 'body_too_large',
    414: 'uri_too_long',
    415: 'unsupported_media_type',
    422: 'unprocessable',
    429: 'rate_limited',
    431: 'headers_too_large',
    503: 'service_unavailable',
  };
  return byStatus[status] ?? (status < 500 ? 'bad_request' : 'internal_error');
};
