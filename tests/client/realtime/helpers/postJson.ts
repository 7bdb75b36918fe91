import { signTestToken } from '../../../server/helpers/testServer';

/** POST a JSON body as an admin of the county (these tests are not about access); throws unless accepted. */
export const postJson = async (url: string, body: unknown): Promise<unknown> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signTestToken()}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
};
