#!/usr/bin/env node
// Benchmark runner: `npm run bench [-- NAME ...]`. Each benchmark is bench/<name>.mjs exporting
//   export const description = '…';
//   export default async function run(ctx) { ctx.emit({ …figures }) }
// Figures go to stdout as JSON lines; progress goes to stderr. Benchmarks never assert timings.
// To add one (e.g. import, checkin, competition), drop a file next to this one; it is picked up by name.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt, log } from './lib/common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => f.slice(0, -'.mjs'.length))
  .sort();

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('--list') || args.includes('-h')) {
  console.error('Usage: npm run bench [-- NAME ...]   (no name runs them all)\n');
  for (const name of available) {
    const mod = await import(pathToFileURL(join(here, `${name}.mjs`)).href);
    console.error(`  ${name.padEnd(16)} ${mod.description ?? ''}`);
  }
  process.exit(0);
}
const unknown = args.filter((a) => !available.includes(a));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const selected = args.length ? args : available;

ensureBuilt();
let failed = 0;
for (const name of selected) {
  const mod = await import(pathToFileURL(join(here, `${name}.mjs`)).href);
  const started = performance.now();
  log(`${name}: running`);
  const ctx = {
    name,
    emit: (figures) => console.log(JSON.stringify({ bench: name, ...figures })),
  };
  try {
    await mod.default(ctx);
    log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed += 1;
    log(`${name}: failed: ${err?.stack ?? err}`);
    console.log(JSON.stringify({ bench: name, error: String(err?.message ?? err) }));
  }
}
process.exit(failed ? 1 : 0);
