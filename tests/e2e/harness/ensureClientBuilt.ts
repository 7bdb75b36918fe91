import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './repoRoot';

/**
 * The server serves dist/client as built, so a test run after editing the client would test the old
 * page; this rebuilds it when (and only when) a source is newer than the build.
 */
export const ensureClientBuilt = (): void => {
  // The build's chatter goes to stderr: `npm run bench` prints nothing but JSON on stdout.
  const result = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`scripts/build-if-needed.mjs exited with ${result.status}`);
};
