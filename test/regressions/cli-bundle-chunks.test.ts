/**
 * What a command's bundle holds. Every command imports the library through lib/index.ts, and esbuild puts in a chunk
 * whatever a command can reach through its imports, so `validate x.json` loaded one shared 1.8 MB chunk (about 0.8 G
 * instructions to compile, as much as Node takes to start): suggest's glossaries and the SVG and XLSX writers it never
 * runs. scripts/bundle-cli.mjs reads the CLI's imports of lib/index.ts as imports of the modules behind them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../helpers/attack.js';

const CLI = join(repoRoot, 'dist/cli');

/** The bundle's file that holds a source (`lib/cli/commands/validate.ts` -> `validate-3CH35DUJ.js`). */
function bundleFile(source: string): string {
  const holds = (file: string) => (JSON.parse(readFileSync(join(CLI, `${file}.map`), 'utf8')) as { sources: string[] }).sources.some((s) => s.endsWith(source));
  const file = readdirSync(CLI).find((f) => f.endsWith('.js') && holds(f));
  if (!file) throw new Error(`no file of dist/cli holds ${source}: run npm run build`);
  return file;
}

/** The library sources (from the source maps) of a bundle file and of every file it imports, as it loads them. */
function sourcesLoaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const text = readFileSync(join(CLI, file), 'utf8');
  const map = JSON.parse(readFileSync(join(CLI, `${file}.map`), 'utf8')) as { sources: string[] };
  const sources = new Set(map.sources.map((source) => source.replace(/^(\.\.\/)+/, '')));
  for (const [, imported] of text.matchAll(/^(?:import [^;]*?from |\} from |import )"\.\/([^"]+)"/gm)) {
    for (const source of sourcesLoaded(imported!, seen)) sources.add(source);
  }
  return sources;
}

describe('CLI bundle: a command loads the library code it reaches', () => {
  it('bundles validate without suggest or export code', () => {
    const sources = [...sourcesLoaded(bundleFile('lib/cli/commands/validate.ts'))];
    expect(sources).to.include('lib/layer/validate-layer.ts');
    expect(sources.filter((source) => /^lib\/(suggest|export)\//.test(source))).to.deep.equal([]);
  });

  it('bundles technique without coverage, suggest or export code', () => {
    const sources = [...sourcesLoaded(bundleFile('lib/cli/commands/technique.ts'))];
    expect(sources).to.include('lib/attack/load.ts');
    expect(sources.filter((source) => /^lib\/(coverage|suggest|export)\//.test(source))).to.deep.equal([]);
  });

  // `gap --help` loaded gap's 1.5 MB of rule readers and review code, and `export --help` 1.2 MB of SVG and XLSX
  // writers, for the choices and defaults their declarations name; those are in small modules of their own now.
  for (const [command, constants] of [
    ['gap', ['lib/coverage/outside-view.ts', 'lib/coverage/rule-formats.ts']],
    ['export', ['lib/export/export-choices.ts']],
    ['combine', ['lib/layer/combine-ops.ts']],
    ['upgrade', ['lib/layer/merge-scores.ts']],
    ['attack-object', ['lib/normalize/attack-object-kinds.ts']],
  ] as const) {
    it(`bundles the declaration of ${command} (its --help, its usage errors) with no library code but ${constants.join(', ')}`, () => {
      const main = sourcesLoaded('main.js');
      const sources = [...sourcesLoaded(bundleFile(`lib/cli/declarations/${command}.ts`))].filter((source) => !main.has(source));
      expect(sources.filter((source) => !source.startsWith('lib/cli/'))).to.deep.equal(constants);
    });
  }
});
