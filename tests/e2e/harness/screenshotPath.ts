import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repoRoot';

/** Where e2e screenshots go (git-ignored, kept by CI as artifacts); creates the folder. */
export const screenshotPath = (fileName: string): string => {
  const dir = join(REPO_ROOT, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
};
