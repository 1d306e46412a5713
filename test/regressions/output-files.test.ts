/**
 * Issue 15, items 2, 7 and the last case of 8: outputs are written only over regular files (into a device or FIFO
 * as a stream), all of a command's outputs are checked before the first is written (a dangling link counts), a
 * replaced file keeps its mode, a workbook stays well-formed XML, and an output path that cannot be written is a
 * clear usage error (exit 2), never a stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { readWorkbook } from '../export/workbook.js';
import { fixtureFile, freshTmpDir, hasStackTrace, nobodyCanRead, repoRoot, runCli } from '../helpers/attack.js';

const layer = 'layers/apt32-covid19-wuhan.layer.json';
const oldLayer = join(repoRoot, 'test/fixtures/layers/old-format-4.2.json');

describe('output files (issue 15, items 2 and 7)', () => {
  it('export --out <character device> --force writes into the device and leaves it a device', async function () {
    const device = join(freshTmpDir('device'), 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      this.skip(); // not allowed to make device nodes here
    }
    const result = await runCli(['export', layer, '--format', 'csv', '--out', device, '--force']);
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
    expect(lstatSync(device).isCharacterDevice()).to.equal(true);
  });

  it('gap checks every output before writing one: a dangling link among them stops it (exit 2) with nothing written', async () => {
    const out = freshTmpDir('gap-dangling');
    symlinkSync(join(out, 'nowhere'), join(out, 'gap-report.md'));
    const campaign = join(freshTmpDir('campaign'), 'c.yaml');
    writeFileSync(campaign, 'name: C\ntechniques: [T1059.001]\n');
    const result = await runCli(['gap', '--threat', campaign, '--coverage', 'test/fixtures/gap/detections.csv', '--out', out, '--quiet']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal(`attack-layers gap: ${join(out, 'gap-report.md')} already exists; pass --force to overwrite it\n`);
    expect(readdirSync(out)).to.deep.equal(['gap-report.md']);
  });

  it('upgrade checks every output before writing one: a dangling link among them stops it (exit 2) with nothing written', async () => {
    const dir = freshTmpDir('upgrade-dangling');
    const out = join(dir, 'out');
    for (const name of ['a.json', 'b.json']) copyFileSync(oldLayer, join(dir, name));
    execFileSync('mkdir', [out]);
    symlinkSync(join(dir, 'nowhere'), join(out, 'b.json'));
    const result = await runCli(['upgrade', join(dir, 'a.json'), join(dir, 'b.json'), '--out', out, '--quiet']);
    expect(result.code, result.stderr).to.equal(2);
    expect(result.stderr).to.contain('b.json already exists; pass --force');
    expect(readdirSync(out)).to.deep.equal(['b.json']);
  });

  it('upgrade --in-place and export --force keep a mode-600 file 600', async () => {
    const dir = freshTmpDir('mode');
    const file = join(dir, 'private.json');
    copyFileSync(oldLayer, file);
    chmodSync(file, 0o600);
    expect((await runCli(['upgrade', file, '--in-place', '--quiet'])).code).to.equal(0);
    expect(readFileSync(file, 'utf8')).to.contain('"layer": "4.5"');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const csv = join(dir, 'private.csv');
    writeFileSync(csv, 'old', { mode: 0o600 });
    expect((await runCli(['export', layer, '--out', csv, '--force'])).code).to.equal(0);
    expect(statSync(csv).mode & 0o777).to.equal(0o600);
  });

  it('export --format xlsx of a comment with U+FFFE and U+FFFF writes well-formed XML (they become U+FFFD)', async () => {
    const dir = freshTmpDir('xlsx-nonchar');
    const file = join(dir, 'layer.json');
    writeFileSync(file, JSON.stringify({ name: 'non\uFFFEcharacters', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059', score: 1, comment: 'a\uFFFEb\uFFFFc' }] }));
    const out = join(dir, 'layer.xlsx');
    const result = await runCli(['export', file, '--out', out, '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const workbook = await readWorkbook(readFileSync(out));
    const comments = workbook.getWorksheet('Techniques')!.getColumn(6).values;
    expect(comments).to.include('a\uFFFDb\uFFFDc');
  });

  for (const [label, out, message] of [
    ['a folder', (dir: string) => dir, /--out \S+ is a folder; give --out the name of the file to write \(in that folder or elsewhere\)/],
    ['a path through a file', (dir: string) => join(dir, 'file.csv', 'x.csv'), /--out \S+x\.csv: \S+file\.csv is a file, not a folder; give --out a path whose folders are folders/],
  ] as const) {
    it(`export --out naming ${label} is a usage error (exit 2) with a one-line message`, async () => {
      const dir = freshTmpDir('out-path');
      writeFileSync(join(dir, 'file.csv'), '');
      const result = await runCli(['export', layer, '--format', 'csv', '--out', out(dir), '--force']);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(message);
      expect(result.stderr.trimEnd().split('\n')).to.have.length(1);
      expect(hasStackTrace(result.stderr)).to.equal(false);
    });
  }

  it('export --out in a read-only folder is a usage error (exit 2), not a stack trace', async function () {
    const isRoot = process.getuid?.() === 0;
    // As root the test needs nobody to reach the built CLI, the layer and the fixture release: a clone in a
    // private folder (mktemp -d) does not allow it, and then the case cannot be tried here.
    if (isRoot && !nobodyCanRead([join(repoRoot, 'dist/cli/main.js'), join(repoRoot, layer), fixtureFile('enterprise-attack-0.1.json')])) this.skip();
    // Root writes into read-only folders: as root, the built CLI runs as nobody (65534), in a folder it can reach.
    const dir = isRoot ? mkdtempSync(join(tmpdir(), 'attack-layers-read-only-')) : freshTmpDir('read-only');
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    let result: { code: number | null; stderr: string };
    try {
      if (isRoot) {
        chmodSync(dir, 0o755);
        mkdirSync(join(dir, 'xdg'), { mode: 0o777 });
        chmodSync(join(dir, 'xdg'), 0o777);
        // The small fixture release, so that the child has little to load.
        const argv = [join(repoRoot, 'dist/cli/main.js'), 'export', layer, '--format', 'csv', '--out', join(readOnly, 'x.csv'), '--attack', fixtureFile('enterprise-attack-0.1.json'), '--quiet'];
        const env = { XDG_CACHE_HOME: join(dir, 'xdg') };
        const child = spawnSync(process.execPath, argv, { cwd: repoRoot, env, uid: 65534, gid: 65534, encoding: 'utf8' });
        result = { code: child.status, stderr: child.stderr };
      } else result = await runCli(['export', layer, '--format', 'csv', '--out', join(readOnly, 'x.csv')]);
      expect(existsSync(join(readOnly, 'x.csv'))).to.equal(false);
    } finally {
      chmodSync(readOnly, 0o700);
      if (isRoot) rmSync(dir, { recursive: true, force: true });
    }
    expect(result.code, result.stderr).to.equal(2);
    expect(result.stderr).to.match(/x\.csv: cannot write it \(permission denied, EACCES\); write it where you may write, or make the folder writable\n/);
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });
});
