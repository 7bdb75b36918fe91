// Builds the client only when its sources changed since the last build, so `npm start`
// serves a current page without paying for a `vite build` on every start.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtPage = join(root, 'dist/client/index.html');
const sources = ['client', 'shared', 'vite.config.ts'].map((path) => join(root, path));

/** Newest modification time under `path` (a file or a folder), with the file it belongs to. */
const newestUnder = (path) => {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return { mtimeMs: 0, file: path };
  if (!stats.isDirectory()) return { mtimeMs: stats.mtimeMs, file: path };
  let newest = { mtimeMs: stats.mtimeMs, file: path };
  for (const entry of readdirSync(path)) {
    const candidate = newestUnder(join(path, entry));
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
};

const staleReason = () => {
  const built = statSync(builtPage, { throwIfNoEntry: false });
  if (!built) return 'dist/client/index.html is missing';
  const newest = sources.map(newestUnder).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (newest.mtimeMs > built.mtimeMs) return `${relative(root, newest.file)} changed since the last build`;
  return null;
};

const reason = staleReason();
if (reason === null) {
  console.log('build-if-needed: dist/client is current, skipping vite build');
} else {
  console.log(`build-if-needed: ${reason}, running vite build`);
  const viteBin = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
}
