/**
 * The package as npm ships it (`npm pack`), installed as a program that depends on it would have it: what the tarball
 * holds and leaves out, its size, a TypeScript program (strict, NodeNext) type-checked against its declarations, and
 * its entry points and bin run from the installed copy. Needs `npm run build` first (the tarball packs dist/ as it is).
 * No network: the tarball is unpacked by tar into node_modules/attack-layers, its dependencies linked from this clone's.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, stixDir } from './helpers/attack.js';

interface PackedFile {
  path: string;
  size: number;
}

/** `npm pack`'s tarball, written to a fresh folder without running the package's scripts (prepack builds). */
function pack(): { tarball: string; files: PackedFile[]; unpackedSize: number } {
  const dir = freshTmpDir('npm-pack');
  const result = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.status, result.stderr).to.equal(0);
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; files: PackedFile[]; unpackedSize: number }>;
  return { tarball: join(dir, packed!.filename), files: packed!.files, unpackedSize: packed!.unpackedSize };
}

describe('the package as npm packs it', function () {
  this.timeout(180_000);
  const { tarball, files, unpackedSize } = pack();
  const paths = files.map((file) => file.path);

  it('holds the library, its declarations, the bin, the schemas, the ATT&CK snapshot with its licence, the docs', () => {
    expect(paths).to.include.members([
      'package.json',
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/attack/index.js',
      'dist/attack/index.d.ts',
      'dist/cli/main.js',
      'schemas/layer-4.5.schema.json',
      'attack-data/LICENSE-ATTACK.txt',
      'attack-data/manifest.json',
      'attack-data/enterprise-attack-18.1.json.br',
      'docs/library.md',
    ]);
  });

  // A source map of tsc's names ../../lib/x.ts, which the package does not hold: a debugger or bundler that follows it
  // finds nothing (source-map-loader warns for each). Before, 447 of them, 9.6 MB of the 20.6 MB unpacked.
  it('leaves out the tests, the sources, source maps and anything of ../shared', () => {
    expect(paths.filter((path) => /^(test|lib|scripts|bench|eval|campaigns|layers|node_modules)\//.test(path) || /\.(map|tsbuildinfo)$/.test(path) || /shared/.test(path))).to.deep.equal([]);
    const sourceMapComments = files.filter((file) => file.path.endsWith('.js') && readFileSync(join(repoRoot, file.path), 'utf8').includes('//# sourceMappingURL='));
    expect(sourceMapComments.map((file) => file.path)).to.deep.equal([]);
  });

  it('packs no module of dist/ whose source is gone from lib/ (a build left over)', () => {
    const stale = paths.filter((path) => /^dist\/(?!cli\/).*\.js$/.test(path) && !existsSync(join(repoRoot, path.replace(/^dist\//, 'lib/').replace(/\.js$/, '.ts'))));
    expect(stale).to.deep.equal([]);
  });

  it('is of a reasonable size (the release snapshot is most of it)', () => {
    expect(unpackedSize).to.be.below(14_000_000);
  });

  describe('installed', () => {
    const project = freshTmpDir('npm-installed');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, 'attack-layers'), { recursive: true });
    before(() => {
      const untar = spawnSync('tar', ['-xzf', tarball, '-C', join(modules, 'attack-layers'), '--strip-components=1'], { encoding: 'utf8' });
      expect(untar.status, untar.stderr).to.equal(0);
      // Its dependencies (and theirs) as npm would install them: this clone's, linked.
      for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
        if (name !== '.bin' && name !== 'attack-layers' && !existsSync(join(modules, name))) symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir');
      }
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-attack-layers', private: true, type: 'module' }));
    });

    // The records an index hands out are frozen (it is shared by the process: loaded-releases.ts), so a write throws at
    // run time; before, it type-checked (`technique.name = 'x'`), and a program found out when it ran.
    it('type-checks a program against its declarations: no write to what the index hands out, error classes by instanceof', () => {
      writeFileSync(
        join(project, 'uses.ts'),
        [
          "import { loadAttack, readCampaign, AttackLayersError, UsageError, type AttackIndex } from 'attack-layers';",
          "import { canonicalTechniqueId, AttackDataError } from 'attack-layers/attack';",
          'export function look(index: AttackIndex): string {',
          "  const technique = index.technique('T1059')!;",
          "  // @ts-expect-error: read-only",
          "  technique.name = 'x';",
          "  // @ts-expect-error: read-only",
          "  technique.tactics.push('impact');",
          "  // @ts-expect-error: read-only",
          "  technique.platforms.push('Windows');",
          "  const group = index.actors('APT29')[0]!;",
          "  // @ts-expect-error: read-only",
          "  group.aliases.push('x');",
          "  // @ts-expect-error: read-only",
          "  index.tactics()[0]!.name = 'x';",
          "  return `${technique.name} ${technique.tactics.join()} ${group.name}`;",
          '}',
          'try {',
          "  readCampaign('no-such.yaml');",
          '} catch (error) {',
          '  if (error instanceof UsageError) { const file: string | undefined = error.file; const code: number = error.exitCode; console.log(file, code); }',
          '  else if (error instanceof AttackDataError || error instanceof AttackLayersError) console.log(error.exitCode);',
          '}',
          "console.log(canonicalTechniqueId('t1059/001'), typeof loadAttack);",
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] }, files: ['uses.ts'] }),
      );
      const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).to.equal('');
      expect(tsc.status).to.equal(0);
    });

    it("runs from the installed copy: 'attack-layers', 'attack-layers/attack', errors by class and their fields", () => {
      const file = join(project, 'run.mjs');
      writeFileSync(
        file,
        [
          "import { readCampaign, UsageError, AttackLayersError } from 'attack-layers';",
          "import { canonicalTechniqueId, loadAttack } from 'attack-layers/attack';",
          "try { readCampaign('no-such.yaml'); } catch (error) { console.log(error instanceof UsageError, error instanceof AttackLayersError, error.file, error.exitCode); }",
          "const index = loadAttack({ envDir: process.env.ATTACK_STIX_DIR, cacheDir: false, snapshot: false });",
          "console.log(canonicalTechniqueId('t1059/001'), index.revocationChain('T1117').final?.id);",
          '',
        ].join('\n'),
      );
      const result = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir() } });
      expect([result.status, result.stdout, result.stderr]).to.deep.equal([0, 'true true no-such.yaml 2\nT1059.001 T1218.010\n', '']);
    });

    it("runs the bin of the installed copy (--help, exit 0; technique from the snapshot shipped)", () => {
      const bin = join(modules, 'attack-layers', (JSON.parse(readFileSync(join(modules, 'attack-layers', 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['attack-layers']!);
      const help = spawnSync(process.execPath, [bin, '--help'], { cwd: project, encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: project } });
      expect([help.status, help.stderr]).to.deep.equal([0, '']);
      expect(help.stdout).to.match(/^attack-layers <command>/);
      const technique = spawnSync(process.execPath, [bin, 'technique', 'T1117', '--quiet'], { cwd: project, encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: project, XDG_CACHE_HOME: join(project, 'cache') } });
      expect([technique.status, technique.stdout.split('\n')[0]], technique.stderr).to.deep.equal([0, 'T1117 Regsvr32 (revoked, ATT&CK enterprise-attack 18.1)']);
    });
  });
});
