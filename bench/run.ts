// `npm run bench`: runs every bench/*.bench.ts (through tsx) and *.bench.mjs (plain node, on the compiled dist/)
// in its own process (so memory figures are its own) and passes their output through: one JSON object per
// line, {"name": ..., "value": ..., "unit": ...}.
// A benchmark that misses a hard condition (say, a Pod not Running) exits non-zero; the run then fails.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--expose-gc', ...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), join(here, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    failed++;
    console.error(`bench ${file} failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
