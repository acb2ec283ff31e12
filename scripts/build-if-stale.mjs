// Builds the shared package, the server and the web app when their sources are newer than their output.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

export function buildIfStale({ force = false } = {}) {
  const sharedSrc = newestMtime(join(root, 'packages/shared/src'));
  const serverSrc = Math.max(sharedSrc, newestMtime(join(root, 'apps/server/src')));
  if (force || serverSrc > mtime(join(root, 'apps/server/dist/cli.js'))) {
    console.log('› building server (tsc -b)');
    run('npx tsc -b');
  }
  const webSrc = Math.max(
    sharedSrc,
    newestMtime(join(root, 'apps/web/src')),
    mtime(join(root, 'apps/web/index.html')),
    mtime(join(root, 'apps/web/m/index.html')),
    mtime(join(root, 'apps/web/vite.config.ts')),
  );
  if (force || webSrc > mtime(join(root, 'apps/web/dist/index.html'))) {
    console.log('› building web console and H5 (vite build)');
    run('npm run build -w @red-engine/web');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  buildIfStale({ force: process.argv.includes('--force') });
