// `npm start`: build what is stale, then serve the demo zone on the embedded database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
const bin = fileURLToPath(new URL('../apps/server/bin/red-engine.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
