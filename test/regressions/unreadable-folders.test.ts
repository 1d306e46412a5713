/**
 * A folder given as input that the user may not list (`normalize dir`, `validate dir`, `gap --coverage dir`) stopped
 * the CLI with "internal error (a bug…)" and readdirSync's stack trace (exit 70). It is a usage error naming the
 * folder and what to do, as an unreadable file is. A file in such a folder was called missing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { fixtureFile, freshTmpDir, hasStackTrace, nobodyCanRead, repoRoot, runCli } from '../helpers/attack.js';

const campaign = 'campaigns/apt32-covid19-wuhan.yaml';

describe('an input folder that cannot be listed', () => {
  // A file in such a folder was 'no such campaign file or folder' (normalize) or 'no such file or folder' (validate,
  // upgrade, gap --coverage): it is there, and the folder is not open to the user.
  const inside = (folder: string) => join(folder, 'a.yaml');
  for (const [label, argv] of [
    ['normalize <file in it>', (folder: string) => ['normalize', inside(folder)]],
    ['validate <file in it>', (folder: string) => ['validate', inside(folder)]],
    ['gap --coverage <file in it>', (folder: string) => ['gap', '--threat', campaign, '--coverage', inside(folder), '--out', join(folder, '..', 'review')]],
  ] as const) {
    it(`${label} is a usage error (exit 2) saying it cannot be reached, not that it is missing`, async function () {
      const { code, stderr, command, locked } = await runLocked(this, argv);
      expect({ code, stderr }).to.deep.equal({
        code: 2,
        // A flag's path is named with its flag (`--coverage …`), as every unreachable input of gap is since h586.
        stderr: `attack-layers ${command}: ${command === 'gap' ? '--coverage ' : ''}${inside(locked)}: permission denied; make it and its folders readable for you (chmod), or give a copy you may read\n`,
      });
    });
  }

  for (const [label, argv] of [
    ['normalize <folder>', (folder: string) => ['normalize', folder]],
    ['validate <folder>', (folder: string) => ['validate', folder]],
    ['gap --coverage <folder>', (folder: string) => ['gap', '--threat', campaign, '--coverage', folder, '--out', join(folder, '..', 'review')]],
  ] as const) {
    it(`${label} is a usage error (exit 2) naming the folder, not a stack trace`, async function () {
      const { code, stderr, command, locked } = await runLocked(this, argv);
      expect({ code, stderr }).to.deep.equal({
        code: 2,
        stderr: `attack-layers ${command}: ${locked}: permission denied; make the folder readable for you (chmod), or give a copy you may read\n`,
      });
    });
  }
});

/**
 * Run the CLI on arguments naming a folder `locked`, holding one campaign file, that the user may not open: as root,
 * the built CLI as nobody (65534), which must reach the CLI and its inputs (else the case is skipped).
 */
async function runLocked(test: Mocha.Context, argv: (folder: string) => readonly string[]): Promise<{ code: number | null; stderr: string; command: string; locked: string }> {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && !nobodyCanRead([join(repoRoot, 'dist/cli/main.js'), join(repoRoot, campaign), fixtureFile('enterprise-attack-0.1.json')])) test.skip();
  const dir = isRoot ? mkdtempSync(join(tmpdir(), 'attack-layers-unreadable-')) : freshTmpDir('unreadable');
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  copyFileSync(join(repoRoot, campaign), join(locked, 'a.yaml'));
  let result: { code: number | null; stderr: string };
  try {
    if (isRoot) {
      chmodSync(dir, 0o777);
      chmodSync(locked, 0o700);
      const args = [join(repoRoot, 'dist/cli/main.js'), ...argv(locked), '--attack', fixtureFile('enterprise-attack-0.1.json'), '--quiet'];
      const child = spawnSync(process.execPath, args, { cwd: repoRoot, env: { XDG_CACHE_HOME: join(dir, 'xdg') }, uid: 65534, gid: 65534, encoding: 'utf8' });
      result = { code: child.status, stderr: child.stderr };
    } else {
      chmodSync(locked, 0o000);
      result = await runCli([...argv(locked), '--quiet']);
    }
  } finally {
    chmodSync(locked, 0o700);
    if (isRoot) rmSync(dir, { recursive: true, force: true });
  }
  expect(hasStackTrace(result.stderr), result.stderr).to.equal(false);
  return { ...result, command: argv(locked)[0]!, locked };
}
