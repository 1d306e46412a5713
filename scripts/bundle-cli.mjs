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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');
const libraryIndex = join(root, 'lib/index.ts');

/**
 * The module each name of the library's index (lib/index.ts) comes from: `renderCampaignLayers` -> lib/layer/render-layer.ts.
 * A name the index takes from another index whole (`export * from './attack/index.js'`) is left to that index.
 */
function indexedModules() {
  const text = readFileSync(libraryIndex, 'utf8');
  const modules = new Map();
  for (const [, names, from] of text.matchAll(/^export \{([^}]*)\} from '([^']+)';/gm)) {
    for (const name of names.split(',').map((word) => word.trim())) {
      if (name && !name.startsWith('type ')) modules.set(name.split(/\s+as\s+/).at(-1), { name: name.split(/\s+as\s+/)[0], file: resolve(dirname(libraryIndex), from.replace(/\.js$/, '.ts')) });
    }
  }
  const whole = [...text.matchAll(/^export \* from '([^']+)';/gm)].map(([, from]) => resolve(dirname(libraryIndex), from.replace(/\.js$/, '.ts')));
  return { modules, whole };
}

/**
 * Every command imports the library through its index, and esbuild splits code by the files an entry reaches through its
 * imports, whatever it uses of them: through the index, every command reached all of lib/, and shared one chunk of 1.8 MB
 * (~0.8 G instructions to compile: `render --help` paid it, `validate` too for code it never runs). The CLI's imports of
 * the index are read here as imports of the modules that define those names, so that a command's chunks hold the
 * library code it reaches, no more. The source is not changed (cli/ imports only from the index), nor its line numbers.
 */
const importsPastIndex = {
  name: 'imports-past-index',
  setup(build) {
    const { modules, whole } = indexedModules();
    build.onLoad({ filter: /[\\/]lib[\\/]cli[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text.replace(/^import \{([^}]*)\} from '([^']+)';/gm, (statement, names, from) => {
        if (resolve(dirname(args.path), from.replace(/\.js$/, '.ts')) !== libraryIndex) return statement;
        const byFile = new Map();
        for (const written of names.split(',').map((word) => word.trim())) {
          if (!written || written.startsWith('type ')) continue;
          const [imported, local = imported] = written.split(/\s+as\s+/);
          const found = modules.get(imported) ?? { name: imported, file: whole[0] };
          byFile.set(found.file, [...(byFile.get(found.file) ?? []), `${found.name} as ${local}`]);
        }
        const direct = [...byFile].map(([file, specifiers]) => `import { ${specifiers.join(', ')} } from ${JSON.stringify(file)};`);
        return `${direct.join(' ')}${'\n'.repeat(statement.split('\n').length - 1)}`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

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
  // Maps beside the bundle, with no comment pointing at them: test/regressions/cli-bundle-chunks.test.ts reads them to
  // tell which sources each file holds; package.json's files leave them out of the package.
  sourcemap: 'external',
  plugins: [importsPastIndex],
  logLevel: 'warning',
});
