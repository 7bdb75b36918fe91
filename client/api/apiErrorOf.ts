/** A refusal as the API states it: `{statusCode, error, message}`, kept whole for the screen to show. */
export interface ApiError {
  status: number;
  /** Stable machine code, e.g. `illegal_transition`. */
  code: string;
  /** The server's own words; shown to the user as they are. */
  message: string;
}

const textField = (body: unknown, field: string): string | null => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
};

/** The error of a non-2xx body (already parsed, or undefined when it was not JSON). */
export const apiErrorFromBody = (status: number, body: unknown): ApiError => ({
  status,
  code: textField(body, 'error') ?? 'http_error',
  message: textField(body, 'message') ?? `the server answered ${status}`,
});

/** Reads the error of a non-2xx response; a body that is not JSON still yields its status. */
export const apiErrorOf = async (response: Response): Promise<ApiError> => {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return apiErrorFromBody(response.status, body);
};
