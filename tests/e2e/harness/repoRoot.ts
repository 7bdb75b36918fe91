import { fileURLToPath } from 'node:url';

/** The repository root, which the server and the build scripts are run from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
