/**
 * The README's quick start, run as a new user runs it on a fresh clone: no ATTACK_STIX_DIR, an empty HOME and
 * XDG_CACHE_HOME, no network; `attack-layers` is the built bin on PATH (as `npm link` puts it). Every ATT&CK answer
 * then comes from the snapshot shipped in attack-data/.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';

/** The output the README shows for `normalize`, the block after "`normalize` shows what each reference became". */
function normalizeOutput(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('`normalize` shows what each reference became and why:'));
  return /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

/** The commands of the README's "Quick start" block that run the tool (set-up lines such as `npm ci` are not run). */
function quickStart(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('attack-layers '));
}

describe("the README's quick start, on a fresh clone with no ATT&CK data configured", () => {
  const commands = quickStart();
  const home = freshTmpDir('quick-home');
  const xdg = freshTmpDir('quick-xdg');
  const tmp = freshTmpDir('quick-tmp');
  const bin = freshTmpDir('quick-bin');

  before(() => {
    const shim = join(bin, 'attack-layers');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'dist/cli/main.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
  });

  it('has the commands users run: normalize, render, validate, gap', () => {
    expect(commands.map((line) => line.split(' ')[1])).to.deep.equal(['normalize', 'render', 'validate', 'gap']);
  });

  /** Runs a command line as the new user does (the bin on PATH, the empty HOME and cache); it must exit 0. */
  const run = (command: string): { stdout: string; stderr: string } => {
    const result = spawnSync('/bin/sh', ['-c', command], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env['PATH']}`, HOME: home, XDG_CACHE_HOME: xdg },
      timeout: 120_000,
    });
    expect(result.status, result.stderr).to.equal(0);
    return result;
  };
  /** The lines of stderr that say the snapshot is used: one, whatever the domains read. */
  const snapshotNotes = (stderr: string): string[] => stderr.split('\n').filter((text) => text.includes('from the snapshot shipped with attack-layers'));
  const ATTACK_VERSION_WARNING =
    'warning: campaigns/apt32-covid19-wuhan.yaml: attack_version 6.3: that release is not available, so IDs were read in ATT&CK 18.1 only (get it with `attack-layers data fetch --attack-release 6.3`)';
  const SNAPSHOT_NOTE = 'note: using ATT&CK enterprise-attack 18.1 from the snapshot shipped with attack-layers; `attack-layers data fetch` gets the newest release';

  for (const [i, line] of commands.entries()) {
    it(`runs \`${line}\``, () => {
      // The quick start writes under /tmp; the test writes under its own folder.
      const result = run(line.replace(/\/tmp\//g, `${tmp}/`));
      // "says so once on stderr": gap, whose threat and coverage are enterprise, read no other domain's snapshot.
      expect(snapshotNotes(result.stderr)).to.deep.equal([SNAPSHOT_NOTE]);
      // The README shows normalize's output whole, as a new user sees it.
      if (i === 0) expect(result.stdout).to.equal(normalizeOutput());
      // render and gap read the same campaigns: both say the release APT32's campaign states is not here (gap said nothing).
      const releaseWarnings = result.stderr.split('\n').filter((text) => text.includes('attack_version 6.3'));
      expect(releaseWarnings, line).to.deep.equal(['render', 'gap'].includes(line.split(' ')[1]!) ? [ATTACK_VERSION_WARNING] : []);
    });
  }

  it('says once that it uses the snapshot when a command reads every domain of it (attack-object)', () => {
    const result = run('attack-layers attack-object APT29');
    // It reads the enterprise, mobile and ICS releases to find the group; it said so three times, once for each.
    expect(snapshotNotes(result.stderr)).to.deep.equal([SNAPSHOT_NOTE]);
    expect(JSON.parse(result.stdout)).to.have.property('name', 'APT29 (G0016)');
  });

  it('left the layers, the review, and the index of the snapshot in the empty cache', () => {
    expect(readdirSync(join(tmp, 'layers')).sort()).to.deep.equal(['all.layer.json', 'apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json']);
    expect(readdirSync(join(tmp, 'review')).sort()).to.deep.equal(['coverage.layer.json', 'gap-report.md', 'gap.layer.json']);
    expect(readdirSync(join(xdg, 'attack-layers', 'index')).some((name) => name.endsWith('.json') && name !== 'fingerprints.json')).to.equal(true);
    expect(existsSync(join(home, '.cache'))).to.equal(false);
  });
});
