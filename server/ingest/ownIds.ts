import type { ErrorBody } from '../../shared/contract/http';
import type { Principal } from '../../shared/logic/access';
import type { Command } from './Command';

/** The longest id there is (shared/domain/common Id()); a kept id must fit it to be named in a URL. */
const MAX_ID_LENGTH = 64;
/** `<region code>:` — the form of a namespaced id, never chosen as such by anyone. */
const NAMESPACED = /^[0-9]{6,17}:/;

type ChoosingCommand = Extract<Command, { kind: 'reportIncident' | 'checkIn' | 'postWish' }>;
const choosesId = (command: Command): command is ChoosingCommand =>
  command.kind === 'reportIncident' || command.kind === 'checkIn' || command.kind === 'postWish';

const invalidId = (message: string): ErrorBody => ({ statusCode: 400, error: 'validation_failed', message: `body/id ${message}` });

/**
 * Ids a client chooses (a 12345 ticket number, a field app's own id) under a scope narrower than
 * the county are kept as `<token scope>:<id>`: each such scope has its own namespace. Were ids
 * global, a street reporting with another street's id would meet that id (a 409 that proves it
 * exists, or a write over it); in its own namespace another street's id is a free id like any
 * other, and the two cannot be told apart. Ids in `S:` are made only by callers scoped to S, so
 * they lie inside S and a 409 duplicate_id names only the caller's own things. The response
 * carries the kept id. County-wide callers see everything, so their ids stay as chosen — except
 * the namespaced form, which would reach into a street's namespace. In-process callers (simulator,
 * scenarios) have no principal and keep theirs as they are.
 */
export const withOwnIds = (command: Command, principal: Principal | undefined, countyCode: string): Command | ErrorBody => {
  if (!principal || !choosesId(command) || command.body.id === undefined) return command;
  const { scope } = principal;
  if (scope === countyCode) {
    return NAMESPACED.test(command.body.id) ? invalidId('must not begin with a region code and ":" (the form of ids kept under a narrower scope)') : command;
  }
  const kept = `${scope}:${command.body.id}`;
  if (kept.length > MAX_ID_LENGTH) {
    return invalidId(`must be at most ${MAX_ID_LENGTH - scope.length - 1} characters under a token scoped to ${scope} (it is kept as ${scope}:<id>)`);
  }
  return { ...command, body: { ...command.body, id: kept } } as Command;
};
