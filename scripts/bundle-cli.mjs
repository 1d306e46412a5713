// Bundles the CLI for `npm run build`, after tsc: lib/cli/main.ts and the library code it uses become dist/cli/main.js
// plus one chunk per command (loaded when that command runs) and the chunks they share. tsc's own output for lib/cli/
// is replaced; the library in dist/ (index.js, attack/index.js, types) stays tsc's, one file per module.
//
// Why: the bin starts faster. Node 20 loads ES modules one by one (resolve, read, compile, link), about 1 ms each, and
// a command pulled ~17 of them before doing anything; a handful of chunks cut ~15 ms off `technique T1193` (see
// `npm run bench`, step "cli run"). Dependencies (yargs, ajv, yaml) are not bundled: they load from node_modules as
// before, with their own files (yargs' locales, for one) where they expect them. Except lodash-es: its entry module
// imports each of its ~640 functions from a file of its own, and Node opened all of them (150 ms) for the one function
// the CLI uses; bundled, only that function and what it needs are in the chunk.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'lib/cli/main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies)
    .filter((name) => name !== 'lodash-es')
    .flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  logLevel: 'warning',
});
